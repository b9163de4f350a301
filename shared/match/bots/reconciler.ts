/**
 * The reconciler bot hands the app to the control loop: it applies a Deployment (with a
 * Service and a readiness probe) early, then only adjusts the desired state — more replicas
 * for a spike or while a node is down, a new image for a release ticket, `rollout undo` when
 * a release crashes. It never logs into a server.
 */
import { latestReleaseTag } from './sysadmin.js';
import { parseTable, recent, type BotProgram, type BotView } from './common.js';

const BASE_REPLICAS = 4;
const FAILING = /CrashLoopBackOff|ImagePullBackOff|ErrImagePull|^Error$/;

export function* reconciler(view: BotView): BotProgram {
  const manifest = (view.files.get('web.yaml') ?? '').replace(/replicas:\s*\d+/, `replicas: ${BASE_REPLICAS}`);
  yield { line: 'kubectl apply -f web.yaml', files: { 'web.yaml': manifest } };
  let replicas = BASE_REPLICAS;
  const tried = new Set<string>();
  let rolling: string | undefined;
  for (;;) {
    yield { pauseSeconds: 4 };
    const nodes = parseTable((yield 'kubectl get nodes').text);
    const down = nodes.filter((n) => n.STATUS && !n.STATUS.startsWith('Ready')).length;
    const spike = recent(view, 'trafficSpike', 40 * 60_000)[0];
    let want = BASE_REPLICAS + down;
    if (spike) want = Math.ceil(want * (spike.factor ?? 2));
    if (want !== replicas) {
      const r = yield `kubectl scale deployment web --replicas=${want}`;
      if (r.exitCode === 0) replicas = want;
    }
    const tag = latestReleaseTag(view);
    if (tag && !tried.has(tag)) {
      tried.add(tag);
      const r = yield `kubectl set image deployment/web app=${tag}`;
      if (r.exitCode === 0) rolling = tag;
      continue;
    }
    if (rolling) {
      const pods = parseTable((yield 'kubectl get pods -l app=web').text);
      if (pods.some((p) => FAILING.test(p.STATUS ?? ''))) {
        yield 'kubectl rollout undo deployment/web';
        rolling = undefined;
      } else {
        const d = parseTable((yield 'kubectl get deployment web').text)[0];
        if (d && d['UP-TO-DATE'] === String(replicas) && d.READY === `${replicas}/${replicas}`) rolling = undefined;
      }
    }
  }
}
