/**
 * The sysadmin bot works by hand, the way the seed notes describe the old world: ssh into
 * each server in turn, look at the containers, restart what died, prune a full disk, start
 * extra copies when a server is gone or the traffic spikes, and roll out a release server by
 * server (and back, when it crashes). It never touches kubectl.
 */
import { parseTable, recent, type BotProgram, type BotView } from './common.js';

const EXTRA = 'web-extra';

export function* sysadmin(view: BotView): BotProgram {
  const unreachable = new Set<string>();
  let goodTag = 'web:1.0';
  const badTags = new Set<string>();
  for (;;) {
    for (const server of view.servers) {
      const login = yield `ssh ${server}`;
      if (login.exitCode !== 0) {
        unreachable.add(server);
        continue;
      }
      unreachable.delete(server);
      const df = yield 'df -h';
      if (rootUse(df.text) >= 85) yield 'docker system prune -f';
      const ps = parseTable((yield 'docker ps -a').text).filter((r) => (r.IMAGE ?? '').startsWith('web') && !(r.NAMES ?? '').startsWith('k8s_'));
      // A release the pager asked for, one server at a time.
      const wanted = latestReleaseTag(view);
      const target = wanted && !badTags.has(wanted) ? wanted : goodTag;
      const main = ps.find((r) => r.NAMES === 'web');
      if (main?.STATUS.startsWith('Exited') && main.IMAGE !== goodTag) {
        // The new release died: read why, then go back to the last good one.
        const logs = yield 'docker logs --tail 5 web';
        if (/Cannot find module|Error/.test(logs.text)) badTags.add(main.IMAGE);
      }
      const runTag = badTags.has(target) ? goodTag : target;
      if (!main || main.IMAGE !== runTag || main.STATUS.startsWith('Exited')) {
        if (main && main.IMAGE !== runTag) {
          yield `docker pull ${runTag}`;
          yield 'docker rm -f web';
          yield `docker run -d --name web -p 80:8080 ${runTag}`;
          // A careful sysadmin looks again before moving on.
          const after = parseTable((yield 'docker ps -a').text).find((r) => r.NAMES === 'web');
          if (after && !after.STATUS.startsWith('Up')) {
            const logs = yield 'docker logs --tail 5 web';
            if (/Cannot find module|Error/.test(logs.text)) {
              badTags.add(runTag);
              yield 'docker rm -f web';
              yield `docker run -d --name web -p 80:8080 ${goodTag}`;
            }
          }
        } else if (main) yield 'docker start web';
        else yield `docker run -d --name web -p 80:8080 ${runTag}`;
      } else if (!badTags.has(main.IMAGE)) {
        goodTag = main.IMAGE;
      }
      // Cover for a dead server or a traffic spike with a second copy here.
      const extra = ps.find((r) => r.NAMES === EXTRA);
      const needExtra = unreachable.size > 0 || recent(view, 'trafficSpike', 40 * 60_000).length > 0;
      if (needExtra && (!extra || !extra.STATUS.startsWith('Up'))) {
        if (extra) yield `docker rm -f ${EXTRA}`;
        yield `docker run -d --name ${EXTRA} -p 81:8080 ${runTag}`;
      }
      yield 'exit';
    }
  }
}

/** Use% of `/` from `df -h` (its columns are separated by single spaces, so split on blanks). */
function rootUse(text: string): number {
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.at(-1) === '/') return parseInt(f[4] ?? '', 10) || 0;
  }
  return 0;
}

/** The newest tag a release ticket asked for, if any. */
function latestReleaseTag(view: BotView): string | undefined {
  const tickets = view.ticker().filter((t) => t.type === 'ticket');
  for (let i = tickets.length - 1; i >= 0; i--) {
    const t = tickets[i];
    const tag = t.tag ?? /web:\d+\.\d+/.exec(typeof t.title === 'string' ? t.title : (t.title.en ?? ''))?.[0];
    if (tag) return tag;
  }
  return undefined;
}

export { latestReleaseTag };
