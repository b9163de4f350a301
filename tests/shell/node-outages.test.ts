/**
 * Every outage of the design's table fixed by hand, from a node's shell, the way the old
 * world did it — and the town notices: the old load balancer finds its backends on ports
 * 80–89 again and the requests are served.
 */
import { describe, expect, it } from 'vitest';
import * as faults from '../../shared/sim/faults.js';
import { advanceUntil, rows, servedRps, terminal } from './node-helpers.js';

/** Use% of `/` in df's output (its columns are one space apart: split on blanks). */
function rootUse(df: string): number {
  const root = df.split('\n').find((l) => l.endsWith(' /'))!;
  return parseInt(root.split(/\s+/)[4], 10);
}

/** Demand the three old-world servers (40 rps each) can carry. */
const DEMAND = 90;

describe('outages fixed by hand', () => {
  it('app crashes (exit 1): docker ps -a shows it, docker logs says why, docker restart brings it back', () => {
    const t = terminal({ capacityRps: 40 });
    faults.crashApp(t.cluster, 'node-1');
    t.cluster.advance(30_000);
    expect(t.cluster.traffic.backends().live).toBe(2);
    const web = rows(t.run('docker ps -a').text).find((r) => r.NAMES === 'web')!;
    expect(web.STATUS).toBe('Exited (1) 30 seconds ago');
    expect(t.run('docker logs --tail 2 web').text).toBe("TypeError: Cannot read properties of undefined (reading 'session')\n    at /app/routes/checkout.js:42:17\n");
    expect(t.run('docker restart web')).toMatchObject({ text: 'web\n', exitCode: 0, first: { effect: 'manual' } });
    advanceUntil(t.cluster, () => t.cluster.traffic.backends().live === 3, 10_000);
    expect(servedRps(t.cluster, DEMAND)).toBeCloseTo(DEMAND, 5);
  });

  it('app OOMKilled (137): inspect says OOMKilled, docker restart brings it back', () => {
    const t = terminal({ capacityRps: 40 });
    faults.oomKill(t.cluster, 'node-1');
    t.cluster.advance(5_000);
    expect(t.run('docker ps -a --filter name=web').text).toContain('Exited (137) 5 seconds ago');
    expect(t.run("docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' web").text).toBe('true 137\n');
    expect(t.run('docker logs web').text).toContain('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n');
    t.run('docker restart web');
    advanceUntil(t.cluster, () => t.cluster.traffic.backends().live === 3, 10_000);
  });

  it('node reboots: the ssh session drops, the hand-started container stays dead, docker start web fixes it', () => {
    const t = terminal({ capacityRps: 40 });
    faults.reboot(t.cluster, 'node-1');
    expect(t.run('docker ps')).toMatchObject({ text: 'client_loop: send disconnect: Broken pipe\nConnection to node-1 closed by remote host.\n', exitCode: 255 });
    expect(t.run('ssh node-1')).toMatchObject({ text: 'ssh: connect to host node-1 port 22: Connection refused\n', exitCode: 255 });
    t.cluster.advance(60_000);
    expect(t.run('ssh node-1').exitCode).toBe(0);
    expect(t.run('uptime').text).toMatch(/^ 03:01:\d\d up 0 min, {2}1 user, {2}load average: /);
    const web = rows(t.run('docker ps -a').text).find((r) => r.NAMES === 'web')!;
    expect(web.STATUS).toMatch(/^Exited \(0\) About a minute ago$/);
    expect(t.cluster.traffic.backends().live).toBe(2);
    expect(t.run('docker start web').text).toBe('web\n');
    advanceUntil(t.cluster, () => t.cluster.traffic.backends().live === 3, 10_000);
    expect(servedRps(t.cluster, DEMAND)).toBeCloseTo(DEMAND, 5);
  });

  it('a container run with --restart unless-stopped survives the next reboot (and reboot drops the session)', () => {
    const t = terminal({ capacityRps: 40 });
    t.run('docker rm -f web');
    expect(t.run('docker run -d --restart unless-stopped --name web -p 80:8080 web:1.0').exitCode).toBe(0);
    const r = t.run('reboot');
    expect(r).toMatchObject({ exitCode: 255, first: { effect: 'manual' } });
    expect(r.text).toBe('\nBroadcast message from root@node-1 on pts/1 (Sat 2026-03-14 03:00:00 UTC):\n\nThe system will reboot now!\n\nConnection to node-1 closed by remote host.\nConnection to node-1 closed.\n');
    expect(t.ctx.session.host).toBeUndefined();
    t.cluster.advance(60_000);
    t.run('ssh node-1');
    expect(rows(t.run('docker ps').text).find((x) => x.NAMES === 'web')?.STATUS).toMatch(/^Up \d+ seconds$/);
    // docker update does the same for a container that already exists.
    const other = terminal({ capacityRps: 40, host: 'node-2' });
    expect(other.run('docker update --restart always web').text).toBe('web\n');
    faults.reboot(other.cluster, 'node-2');
    other.cluster.advance(60_000);
    expect(other.cluster.machines.get('node-2')!.docker.byName('web')!.state).toBe('running');
  });

  it('node loses power: ssh times out after 20 s; the app started on another node on a free port serves again', () => {
    const t = terminal({ capacityRps: 40, host: null });
    faults.powerLoss(t.cluster, 'node-1');
    const ssh = t.run('ssh node-1');
    expect(ssh).toMatchObject({ text: 'ssh: connect to host node-1 port 22: Connection timed out\n', exitCode: 255 });
    expect(ssh.first.busyMs).toBe(20_000);
    expect(t.cluster.traffic.backends().live).toBe(2);
    expect(servedRps(t.cluster, DEMAND)).toBeCloseTo(80, 5);
    expect(t.run('ssh node-2').exitCode).toBe(0);
    // Port 80 is this node's own copy: the next free one of the balancer's 80-89.
    expect(t.run('docker run -d --name web-extra -p 80:8080 web:1.0').exitCode).toBe(125);
    t.run('docker rm web-extra');
    expect(t.run('docker run -d --name web-extra -p 81:8080 web:1.0').text).toMatch(/^[0-9a-f]{64}\n$/);
    advanceUntil(t.cluster, () => t.cluster.traffic.backends().live === 3, 10_000);
    expect(servedRps(t.cluster, DEMAND)).toBeCloseTo(DEMAND, 5);
  });

  it('disk fills with stopped containers: df -h shows it, docker system prune -f gives it back', () => {
    const t = terminal({ capacityRps: 40 });
    const m = t.cluster.machines.get('node-1')!;
    faults.fillDisk(t.cluster, 'node-1', { bytesPerRun: 2.5 * 1024 ** 3, everyMs: 60_000, runs: 8 });
    t.cluster.advance(8 * 60_000);
    const full = rootUse(t.run('df -h').text);
    expect(full).toBeGreaterThanOrEqual(85);
    expect(rows(t.run('docker ps -a').text).filter((r) => r.NAMES.startsWith('report-') && r.STATUS.startsWith('Exited (0)'))).toHaveLength(8);
    expect(t.run('docker system df').text).toMatch(/\nContainers {6}11 {8}3 {9}21\.48GB {3}21\.48GB \(99%\)\n/);
    const prune = t.run('docker system prune -f');
    expect(prune.text).toMatch(/^Deleted Containers:\n([0-9a-f]{64}\n){8}\n/);
    expect(prune.text).toMatch(/Total reclaimed space: 21\.48GB\n$/);
    expect(rootUse(t.run('df -h').text)).toBeLessThan(30);
    expect(m.diskFree()).toBeGreaterThan(20 * 1024 ** 3);
    expect(t.cluster.traffic.backends().live).toBe(3);
  });

  it('bad release by hand: pull and run the new tag per server, it crashes, the logs say why, back to the old tag', () => {
    const t = terminal({ capacityRps: 40, host: null });
    for (const server of ['node-1', 'node-2', 'node-3']) {
      t.run(`ssh ${server}`);
      expect(t.run('docker pull web:1.2').text).toContain('Status: Downloaded newer image for web:1.2\n');
      t.run('docker rm -f web');
      expect(t.run('docker run -d --name web -p 80:8080 web:1.2').exitCode).toBe(0);
      t.run('exit');
    }
    t.cluster.advance(30_000);
    expect(t.cluster.traffic.backends().live).toBe(0);
    expect(servedRps(t.cluster, DEMAND)).toBe(0);
    for (const server of ['node-1', 'node-2', 'node-3']) {
      t.run(`ssh ${server}`);
      expect(rows(t.run('docker ps -a').text).find((r) => r.NAMES === 'web')?.STATUS).toMatch(/^Exited \(1\) \d+ seconds ago$/);
      expect(t.run('docker logs web').text).toContain("Error: Cannot find module 'express-rate-limit'\n");
      t.run('docker rm -f web');
      expect(t.run('docker run -d --name web -p 80:8080 web:1.0').exitCode).toBe(0);
      t.run('exit');
    }
    advanceUntil(t.cluster, () => t.cluster.traffic.backends().live === 3, 10_000);
    expect(servedRps(t.cluster, DEMAND)).toBeCloseTo(DEMAND, 5);
  });

  it("registry down: the pull fails with the daemon's error after its timeout; what runs keeps serving", () => {
    const t = terminal({ capacityRps: 40 });
    faults.registryDown(t.cluster);
    const pull = t.run('docker pull web:1.1');
    expect(pull.first.busyMs).toBe(30_000);
    expect(pull).toMatchObject({
      text: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: read udp 10.0.0.2:41533->10.0.0.2:53: i/o timeout\n',
      exitCode: 1,
    });
    const run = t.run('docker run -d --name web2 -p 81:8080 web:1.1');
    expect(run).toMatchObject({
      text: "Unable to find image 'web:1.1' locally\ndocker: Error response from daemon: Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: read udp 10.0.0.2:41533->10.0.0.2:53: i/o timeout.\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
    // Even an image that is already here cannot be checked against the registry.
    expect(t.run('docker pull web:1.0').exitCode).toBe(1);
    expect(t.cluster.traffic.backends().live).toBe(3);
  });

  it('traffic spike: more copies by hand, on the next ports, carry it', () => {
    const t = terminal({ capacityRps: 40, host: null });
    faults.trafficSpike(t.cluster, 2);
    expect(servedRps(t.cluster, DEMAND)).toBeCloseTo(120, 5);
    for (const server of ['node-1', 'node-2', 'node-3']) {
      t.run(`ssh ${server}`);
      expect(t.run('docker run -d --name web2 -p 81:8080 web:1.0').exitCode).toBe(0);
      t.run('exit');
    }
    advanceUntil(t.cluster, () => t.cluster.traffic.backends().live === 6, 10_000);
    expect(servedRps(t.cluster, DEMAND)).toBeCloseTo(2 * DEMAND, 5);
  });
});
