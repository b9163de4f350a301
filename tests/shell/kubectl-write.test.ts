/**
 * kubectl's writes against a real cluster: apply (created, unchanged, configured, immutable
 * fields, one bad document among good ones), create, delete, scale, set image, rollouts
 * (a bad release and its undo), cordon, drain and taint — and that slow ones keep the
 * terminal busy until the work is done.
 */
import { describe, expect, it } from 'vitest';
import { isPodReady } from '../../shared/sim/api/pods.js';
import * as faults from '../../shared/sim/faults.js';
import { cells, until, WEB_YAML, world } from './kubectl-helpers.js';

const readyWeb = (w: ReturnType<typeof world>) => w.c.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web' && isPodReady(p) && !p.metadata.deletionTimestamp);

describe('kubectl apply', () => {
  it('the starter manifest: created, then unchanged; 3 Running pods', () => {
    const w = world();
    const first = w.run('kubectl apply -f web.yaml');
    expect(first).toMatchObject({ text: 'deployment.apps/web created\n', exitCode: 0, effect: 'declarative' });
    expect(w.run('kubectl apply -f web.yaml').text).toBe('deployment.apps/web unchanged\n');
    w.c.advance(30_000);
    const rows = w.run('kubectl get pods').text.trim().split('\n').slice(1).map(cells);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.slice(1, 4)).toEqual(['1/1', 'Running', '0']);
    expect(w.run('kubectl apply -f web.yaml').text).toBe('deployment.apps/web unchanged\n');
    const ann = w.c.store.get('Deployment', 'web', 'default')!.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration'];
    expect(ann.endsWith('\n')).toBe(true);
    expect(JSON.parse(ann)).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 3 } });
  });

  it('a changed image is configured and rolls out; a changed selector is refused as immutable', () => {
    const w = world(11, { 'web11.yaml': WEB_YAML.replace('image: web:1.0', 'image: web:1.1'), 'sel.yaml': WEB_YAML.replace(/app: web/g, 'app: shop') });
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    expect(w.run('kubectl apply -f web11.yaml').text).toBe('deployment.apps/web configured\n');
    const done = w.runToEnd('kubectl rollout status deployment/web');
    expect(done.text.trim().split('\n').at(-1)).toBe('deployment "web" successfully rolled out');
    expect(w.c.store.get('Deployment', 'web', 'default')!.spec.template.spec.containers[0].image).toBe('web:1.1');
    const sel = w.run('kubectl apply -f sel.yaml');
    expect(sel.exitCode).toBe(1);
    expect(sel.text).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"shop"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
    );
  });

  it('re-applying after `kubectl scale` puts the declared replicas back', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    expect(w.run('kubectl scale --replicas=5 deployment/web').text).toBe('deployment.apps/web scaled\n');
    expect(w.c.store.get('Deployment', 'web', 'default')!.spec.replicas).toBe(5);
    expect(w.run('kubectl apply -f web.yaml').text).toBe('deployment.apps/web configured\n');
    expect(w.c.store.get('Deployment', 'web', 'default')!.spec.replicas).toBe(3);
  });

  it('a Deployment made with `create` gets kubectl\'s missing-annotation warning on its first apply', () => {
    const w = world();
    w.run('kubectl create deployment web --image=web:1.0');
    expect(w.run('kubectl apply -f web.yaml').text).toBe(
      'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\ndeployment.apps/web configured\n',
    );
  });

  it('one bad document among good ones: the others apply, the error is printed, exit 1', () => {
    const bad = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicass: 2\n';
    const w = world(11, { 'all.yaml': `${WEB_YAML}---\n${bad}` });
    const r = w.run('kubectl apply -f all.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.text).toBe('deployment.apps/web created\nError from server (BadRequest): error when creating "all.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"\n');
    expect(w.run('kubectl apply -f nope.yaml').text).toBe('error: the path "nope.yaml" does not exist\n');
    expect(w.run('kubectl apply').text).toBe('error: must specify one of -f and -k\n');
  });

  it('--dry-run=client says so and changes nothing', () => {
    const w = world();
    expect(w.run('kubectl apply -f web.yaml --dry-run=client').text).toBe('deployment.apps/web created (dry run)\n');
    expect(w.c.store.get('Deployment', 'web', 'default')).toBeUndefined();
  });
});

describe('kubectl create', () => {
  it('create deployment NAME --image --replicas --port', () => {
    const w = world();
    expect(w.run('kubectl create deployment api --image=web:1.0 --replicas=2 --port=8080').text).toBe('deployment.apps/api created\n');
    const d = w.c.store.get('Deployment', 'api', 'default')!;
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'api' } });
    expect(d.spec.template.spec.containers[0]).toMatchObject({ name: 'web', image: 'web:1.0', ports: [{ containerPort: 8080, protocol: 'TCP' }] });
    const again = w.run('kubectl create deployment api --image=web:1.0');
    expect(again).toMatchObject({ text: 'error: failed to create deployment: deployments.apps "api" already exists\n', exitCode: 1 });
    expect(w.run('kubectl create deployment x').text).toBe('error: required flag(s) "image" not set\n');
    expect(w.run('kubectl create deployment --image=web:1.0').text).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n");
  });

  it('create -f refuses an object that exists', () => {
    const w = world();
    expect(w.run('kubectl create -f web.yaml').text).toBe('deployment.apps/web created\n');
    expect(w.run('kubectl create -f web.yaml').text).toBe('Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web" already exists\n');
  });
});

describe('kubectl delete', () => {
  it('a pod is deleted gracefully: the terminal waits until it is gone; the ReplicaSet replaces it', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    const victim = readyWeb(w)[0].metadata.name;
    const r = w.runToEnd(`kubectl delete pod ${victim}`);
    expect(r.text).toBe(`pod "${victim}" deleted\n`);
    expect(r.exitCode).toBe(0);
    expect(w.c.store.get('Pod', victim, 'default')).toBeUndefined();
    expect(w.c.store.list('Pod', 'default')).toHaveLength(3);
  });

  it('--force --grace-period=0 warns and removes at once; NotFound for the missing', () => {
    const w = world();
    w.run('kubectl apply -f sidecar-pod.yaml');
    w.c.advance(20_000);
    const r = w.run('kubectl delete pod my-pod --force --grace-period=0');
    expect(r.text).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "my-pod" force deleted\n');
    expect(w.c.store.get('Pod', 'my-pod', 'default')).toBeUndefined();
    expect(w.run('kubectl delete pod my-pod')).toMatchObject({ text: 'Error from server (NotFound): pods "my-pod" not found\n', exitCode: 1 });
  });

  it('by label, --all, -f; and kubectl\'s message when nothing names what to delete', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml -f web-service.yaml');
    expect(w.run('kubectl delete pods').text).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(w.run('kubectl delete').text).toBe("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
    expect(w.run('kubectl delete pods -l app=web').text.trim().split('\n')).toHaveLength(3);
    expect(w.run('kubectl delete -f web.yaml -f web-service.yaml').text).toBe('deployment.apps "web" deleted\nservice "web" deleted\n');
    w.c.advance(60_000);
    expect(w.run('kubectl get all').text).toBe('NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   42d\n');
  });
});

describe('kubectl rollout', () => {
  it('a bad release (web:1.2 crashes) stalls with old pods serving; undo restores web:1.0', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    expect(w.run('kubectl set image deployment/web app=web:1.2').text).toBe('deployment.apps/web image updated\n');
    const status = w.runToEnd('kubectl rollout status deploy/web --timeout=60s');
    expect(status.exitCode).toBe(1);
    const lines = status.text.trim().split('\n');
    expect(lines[0]).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(lines.at(-1)).toBe('error: timed out waiting for the condition');
    expect(readyWeb(w)).toHaveLength(3);
    expect(readyWeb(w).every((p) => p.spec.containers[0].image === 'web:1.0')).toBe(true);
    const history = w.run('kubectl rollout history deployment/web').text;
    expect(history).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    const undo = w.run('kubectl rollout undo deployment/web');
    expect(undo.text.split('\n').at(-2)).toBe('deployment.apps/web rolled back');
    expect(undo.text).toMatch(/^Warning: resource deployments\/web was previously managed with 'kubectl apply'\./);
    const done = w.runToEnd('kubectl rollout status deployment/web');
    expect(done.text.trim().split('\n').at(-1)).toBe('deployment "web" successfully rolled out');
    expect(w.c.store.get('Deployment', 'web', 'default')!.spec.template.spec.containers[0].image).toBe('web:1.0');
    until(w.c, () => w.c.store.list('Pod', 'default').every((p) => p.spec.containers[0].image === 'web:1.0'), 120_000);
    expect(w.run('kubectl rollout history deploy web').text).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
  });

  it('rollout status waits and prints each new state until the rollout is complete', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    const r = w.run('kubectl rollout status deployment/web');
    expect(r.follow).toBeDefined();
    expect(r.text).toBe('Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...\n');
    const rest = w.runToEnd('kubectl rollout status deployment/web');
    expect(rest.text.trim().split('\n').at(-1)).toBe('deployment "web" successfully rolled out');
    expect(rest.tookMs).toBeGreaterThan(0);
    expect(w.run('kubectl rollout status deployment/web --watch=false').text).toBe('deployment "web" successfully rolled out\n');
  });

  it('restart, pause and resume with kubectl\'s messages', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    expect(w.run('kubectl rollout restart deployment/web').text).toBe('deployment.apps/web restarted\n');
    expect(w.c.store.get('Deployment', 'web', 'default')!.spec.template.metadata!.annotations!['kubectl.kubernetes.io/restartedAt']).toBe('2026-03-14T00:00:30Z');
    expect(w.run('kubectl rollout pause deployment/web').text).toBe('deployment.apps/web paused\n');
    expect(w.run('kubectl rollout pause deployment/web').text).toBe('error: deployments.apps "web" is already paused\n');
    expect(w.run('kubectl rollout undo deployment/web').text.split('\n').at(-2)).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
    expect(w.run('kubectl rollout resume deployment/web').text).toBe('deployment.apps/web resumed\n');
    expect(w.run('kubectl rollout status pod/x').text).toBe('Error from server (NotFound): pods "x" not found\n');
    expect(w.run('kubectl rollout').exitCode).toBe(1);
    expect(w.run('kubectl rollout nope deployment/web').text).toBe("error: unknown command \"nope\"\nSee 'kubectl rollout -h' for help and examples\n");
  });
});

describe('nodes: cordon, drain, taint', () => {
  it('drain without --ignore-daemonsets refuses with kubectl\'s words, after cordoning', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    const proxy = w.c.store.list('Pod', 'kube-system').find((p) => p.spec.nodeName === 'node-1' && p.metadata.name.startsWith('kube-proxy-'))!.metadata.name;
    const r = w.run('kubectl drain node-1');
    expect(r.exitCode).toBe(1);
    expect(r.text).toBe(
      `node/node-1 cordoned\nerror: unable to drain node "node-1" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}, continuing command...\nThere are pending nodes to be drained:\n node-1\ncannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}\n`,
    );
    expect(w.c.store.get('Node', 'node-1')!.spec.unschedulable).toBe(true);
  });

  it('drain --ignore-daemonsets evicts, waits for the pods to go, and the node stays cordoned', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    const onNode = w.c.store.list('Pod', 'default').filter((p) => p.spec.nodeName === 'node-2').map((p) => p.metadata.name).sort();
    expect(onNode.length).toBeGreaterThan(0);
    const r = w.run('kubectl drain node-2 --ignore-daemonsets');
    expect(r.follow).toBeDefined();
    expect(r.text).toMatch(/^node\/node-2 cordoned\nWarning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-[a-z0-9]{5}\n/);
    for (const n of onNode) expect(r.text).toContain(`evicting pod default/${n}\n`);
    let out = '';
    for (let i = 0; i < 120; i++) {
      w.c.advance(1000);
      const p = r.follow!.poll(w.c.now);
      out += p.text;
      if (p.done) break;
    }
    for (const n of onNode) expect(out).toContain(`pod/${n} evicted\n`);
    expect(out.endsWith('node/node-2 drained\n')).toBe(true);
    w.c.advance(30_000);
    expect(readyWeb(w).every((p) => p.spec.nodeName !== 'node-2')).toBe(true);
    expect(cells(w.run('kubectl get node node-2').text.split('\n')[1])[1]).toBe('Ready,SchedulingDisabled');
    expect(w.run('kubectl uncordon node-2').text).toBe('node/node-2 uncordoned\n');
  });

  it('a bare pod needs --force, and kubectl says why', () => {
    const w = world();
    w.run('kubectl apply -f sidecar-pod.yaml');
    w.c.advance(20_000);
    const node = w.c.store.get('Pod', 'my-pod', 'default')!.spec.nodeName!;
    const r = w.run(`kubectl drain ${node} --ignore-daemonsets`);
    expect(r.text).toContain('cannot delete cannot delete Pods that declare no controller (use --force to override): default/my-pod');
    const forced = w.runToEnd(`kubectl drain ${node} --ignore-daemonsets --force`);
    expect(forced.text).toMatch(/^node\/node-\d already cordoned\nWarning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\w+; deleting Pods that declare no controller: default\/my-pod\nevicting pod default\/my-pod\npod\/my-pod evicted\nnode\/node-\d drained\n$/);
  });

  it('taint adds and removes with kubectl\'s messages', () => {
    const w = world();
    expect(w.run('kubectl taint nodes node-1 dedicated=db:NoSchedule').text).toBe('node/node-1 tainted\n');
    expect(w.c.store.get('Node', 'node-1')!.spec.taints).toEqual([{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
    expect(w.run('kubectl taint nodes node-1 dedicated=web:NoSchedule').text).toBe('error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n');
    expect(w.run('kubectl taint nodes node-1 dedicated=web:NoSchedule --overwrite').text).toBe('node/node-1 tainted\n');
    expect(w.run('kubectl describe node node-1').text).toContain('Taints:             dedicated=web:NoSchedule\n');
    expect(w.run('kubectl taint nodes node-1 dedicated:NoSchedule-').text).toBe('node/node-1 untainted\n');
    expect(w.run('kubectl taint nodes node-1 dedicated-').text).toBe('error: taint "dedicated" not found\n');
    expect(w.run('kubectl taint nodes node-1 a=b:Sometimes').text).toBe('error: invalid taint effect: Sometimes, unsupported taint effect\n');
    expect(w.run('kubectl taint node control-plane node-role.kubernetes.io/control-plane:NoSchedule-').text).toBe('node/control-plane untainted\n');
  });
});

describe('kubectl scale and set image', () => {
  it('scale changes replicas; kubectl errors for the rest', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    expect(w.run('kubectl scale deploy/web --replicas=1').text).toBe('deployment.apps/web scaled\n');
    w.c.advance(30_000);
    expect(readyWeb(w)).toHaveLength(1);
    expect(w.run('kubectl scale deploy/web').text).toBe('error: required flag(s) "replicas" not set\n');
    expect(w.run('kubectl scale deploy/web --replicas=-1').text).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
    expect(w.run('kubectl scale deploy/web --replicas=2 --current-replicas=3').text).toBe('error: Expected replicas to be 3, was 1\n');
    expect(w.run('kubectl scale deploy/nope --replicas=2').text).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('set image on a missing container', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    expect(w.run('kubectl set image deployment/web nginx=nginx:1.27').text).toBe('error: unable to find container named "nginx"\n');
  });
});

describe('kubectl apply with the control plane down', () => {
  it('fails at its first request, worded for each fault: etcd, the API server, the whole machine', () => {
    const etcd = world();
    faults.controlPlaneDown(etcd.c);
    etcd.c.advance(5_000);
    const r = etcd.run('kubectl apply -f web.yaml');
    expect(r.text).toBe('Error from server: error when retrieving current configuration of:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "web", Namespace: "default"\nfrom server for: "web.yaml": etcdserver: request timed out\n');
    expect(r.exitCode).toBe(1);

    const apiserver = world();
    const uid = apiserver.c.staticPodUid('kube-apiserver')!;
    apiserver.c.controlPlane.docker.kill(apiserver.c.kubelets.get('control-plane')!.containerOf(uid, 'kube-apiserver')!);
    expect(apiserver.run('kubectl apply -f web.yaml').text).toBe(
      'error: error validating "web.yaml": error validating data: failed to download openapi: Get "https://10.0.0.10:6443/openapi/v2?timeout=32s": dial tcp 10.0.0.10:6443: connect: connection refused; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );

    const off = world();
    faults.powerLoss(off.c, 'control-plane');
    expect(off.run('kubectl apply -f web.yaml').text).toBe(
      'error: error validating "web.yaml": error validating data: failed to download openapi: Get "https://10.0.0.10:6443/openapi/v2?timeout=32s": dial tcp 10.0.0.10:6443: i/o timeout; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    // Nothing was created in any of them.
    for (const w of [etcd, apiserver, off]) expect(w.c.store.get('Deployment', 'web', 'default')).toBeUndefined();
  });
});
