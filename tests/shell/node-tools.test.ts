/**
 * The Linux side of a node: df, free, uptime as coreutils and procps print them; systemctl
 * and journalctl for the kubelet and Docker (a kubelet restart forgets its back-offs, a
 * stopped Docker stops every container); reboot; crictl.
 */
import { describe, expect, it } from 'vitest';
import { execute } from '../../shared/shell/index.js';
import * as faults from '../../shared/sim/faults.js';
import { deployment, readyPods } from '../sim/helpers.js';
import { advanceUntil, terminal } from './node-helpers.js';

const quiet = () => terminal({ systemPods: false });

describe('df, free, uptime', () => {
  it('df -h: coreutils columns (Filesystem 14 wide, sizes right-aligned, one space apart); / is the machine disk', () => {
    const t = quiet();
    expect(t.run('df -h').text).toBe(
      [
        'Filesystem      Size  Used Avail Use% Mounted on',
        'tmpfs           819M  1.3M  818M   1% /run',
        '/dev/sda1        30G  7.1G   23G  24% /',
        'tmpfs           4.0G     0  4.0G   0% /dev/shm',
        'tmpfs           5.0M     0  5.0M   0% /run/lock',
        '/dev/sda16      881M   61M  820M   7% /boot',
        '/dev/sda15      105M  6.1M   99M   6% /boot/efi',
        'tmpfs           819M   12K  819M   1% /run/user/0',
        '',
      ].join('\n'),
    );
    expect(t.run('df -h /var/lib/docker').text).toBe('Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        30G  7.1G   23G  24% /\n');
    expect(t.run('df').text.split('\n')[0]).toBe('Filesystem     1K-blocks    Used Available Use% Mounted on');
    expect(t.run('df -z')).toMatchObject({ text: "df: invalid option -- 'z'\nTry 'df --help' for more information.\n", exitCode: 1 });
  });

  it('df follows the disk: images pulled raise Used', () => {
    const t = quiet();
    const before = t.cluster.machines.get('node-1')!.diskUsed();
    t.run('docker pull nginx:1.27');
    expect(t.cluster.machines.get('node-1')!.diskUsed() - before).toBe(192e6);
    expect(t.run('df -h /').text).toContain('/dev/sda1        30G  7.2G   23G  24% /');
  });

  it('free -m and free -h: procps-ng 4 columns, no swap on a node', () => {
    const t = quiet();
    expect(t.run('free -m').text).toBe(
      '               total        used        free      shared  buff/cache   available\nMem:            7946         700        5815           1        1430        7031\nSwap:              0           0           0\n',
    );
    expect(t.run('free -h').text).toBe(
      '               total        used        free      shared  buff/cache   available\nMem:           7.8Gi       700Mi       5.7Gi       1.3Mi       1.4Gi       6.9Gi\nSwap:             0B          0B          0B\n',
    );
    // More programs running, more memory used.
    t.run('docker run -d --name web2 -p 81:8080 web:1.0');
    expect(t.run('free -m').text.split('\n')[1]).toMatch(/^Mem: {12}7946 {9}880 /);
    expect(t.run('free -z').text.startsWith("free: invalid option -- 'z'\n\nUsage:\n free [options]\n")).toBe(true);
  });

  it('uptime: since the machine booted, as procps prints it', () => {
    const t = quiet();
    expect(t.run('uptime').text).toMatch(/^ 03:00:00 up 42 days, {2}3:00, {2}1 user, {2}load average: \d\.\d\d, \d\.\d\d, \d\.\d\d\n$/);
    expect(t.run('uptime -p').text).toBe('up 6 weeks, 3 hours\n');
  });
});

describe('systemctl and journalctl', () => {
  it('systemctl status kubelet: the unit, its state since when, its process, the last journal lines', () => {
    const t = quiet();
    const s = t.run('systemctl status kubelet');
    expect(s.exitCode).toBe(0);
    expect(s.text).toMatch(
      /^● kubelet\.service - kubelet: The Kubernetes Node Agent\n {5}Loaded: loaded \(\/usr\/lib\/systemd\/system\/kubelet\.service; enabled; preset: enabled\)\n {4}Drop-In: \/usr\/lib\/systemd\/system\/kubelet\.service\.d\n {13}└─10-kubeadm\.conf\n {5}Active: active \(running\) since Sat 2026-01-31 00:00:00 UTC; 1 month 11 days ago\n/,
    );
    expect(s.text).toMatch(/\n\n(Jan 31|Mar 14) \d\d:\d\d:\d\d node-1 kubelet\[\d+\]: /);
    expect(t.run('journalctl -u kubelet').text).toContain('Jan 31 00:00:00 node-1 systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.\n');
    expect(t.run('systemctl is-active docker').text).toBe('active\n');
    expect(t.run('systemctl status nginx')).toMatchObject({ text: 'Unit nginx.service could not be found.\n', exitCode: 4 });
    expect(t.run('systemctl restrat kubelet')).toMatchObject({ text: "Unknown command verb 'restrat', did you mean 'restart'?\n", exitCode: 1 });
  });

  it('systemctl restart kubelet forgets its back-offs: a crash-looping container is restarted at once', () => {
    const t = quiet();
    const c = t.cluster;
    c.api.create(deployment('crashy', 1, 'web:1.2'));
    const pod = () => c.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'crashy')!;
    const restarts = () => pod()?.status.containerStatuses?.[0]?.restartCount ?? 0;
    const waiting = () => pod()?.status.containerStatuses?.[0]?.state.waiting;
    advanceUntil(c, () => restarts() >= 4 && waiting()?.reason === 'CrashLoopBackOff', 15 * 60_000);
    expect(waiting()!.message).toMatch(/^back-off (1m20s|2m40s) restarting failed container=app pod=crashy-/);
    t.run(`ssh ${pod().spec.nodeName}`);
    expect(t.run('journalctl -u kubelet -n 1').text).toMatch(/kubelet\[\d+\]: E0314 \d\d:\d\d:\d\d\.\d{6} +\d+ pod_workers\.go:1301\] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"app\\" with CrashLoopBackOff: \\"back-off \w+ restarting failed container=app pod=crashy-/);
    const before = restarts();
    expect(t.run('systemctl restart kubelet')).toMatchObject({ text: '', exitCode: 0, first: { effect: 'manual' } });
    expect(t.run('systemctl status kubelet').text).toMatch(/Active: active \(running\) since Sat 2026-03-14 \d\d:\d\d:\d\d UTC; now\n/);
    c.advance(3000);
    expect(restarts()).toBe(before + 1);
    expect(t.run('journalctl -u kubelet').text).toMatch(/systemd\[1\]: Stopped kubelet\.service - kubelet: The Kubernetes Node Agent\.\n.*systemd\[1\]: Started kubelet\.service/s);
  });

  it('systemctl stop docker stops every container (the node goes NotReady); start brings back what the kubelet runs', () => {
    const t = terminal();
    const c = t.cluster;
    c.api.create(deployment('web', 3, 'web:1.0'));
    advanceUntil(c, () => readyPods(c, 'web').length === 3, 60_000);
    const m = c.machines.get('node-1')!;
    expect(t.run('systemctl stop docker').first).toMatchObject({ effect: 'manual', busyMs: 2500 });
    expect([...m.docker.containers.values()].every((x) => x.state !== 'running')).toBe(true);
    expect(t.run('systemctl status docker')).toMatchObject({ exitCode: 3 });
    expect(t.run('systemctl status docker').text).toMatch(/^○ docker\.service - Docker Application Container Engine\n.*\n {5}Active: inactive \(dead\) since /);
    c.advance(5000);
    const ready = c.store.get('Node', 'node-1')!.status.conditions.find((x) => x.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down' });
    expect(t.run('journalctl -u kubelet -n 1').text).toMatch(/E0314 .* kubelet\.go:2412\] "Skipping pod synchronization" err="container runtime is down"\n$/);
    t.run('systemctl start docker');
    advanceUntil(c, () => readyPods(c, 'web').length === 3 && c.store.get('Node', 'node-1')!.status.conditions.find((x) => x.type === 'Ready')!.status === 'True', 60_000);
    // The hand-started one had no restart policy: it stays down.
    expect(m.docker.byName('web')!.state).toBe('exited');
  });

  it('journalctl -u docker: dockerd notes each container that exited', () => {
    const t = quiet();
    faults.crashApp(t.cluster, 'node-1');
    t.cluster.advance(2000);
    const id = t.cluster.machines.get('node-1')!.docker.byName('web')!.id;
    expect(t.run('journalctl -u docker -n 1').text).toMatch(
      new RegExp(`^Mar 14 03:00:00 node-1 dockerd\\[\\d+\\]: time="2026-03-14T03:00:00\\.\\d+Z" level=info msg="ignoring event" container=${id} module=libcontainerd namespace=moby topic=/tasks/delete type="\\*events\\.TaskDelete"\\n$`),
    );
    expect(t.run('journalctl -u nginx').text).toBe('-- No entries --\n');
  });

  it('with the control plane down, the kubelet keeps failing to update its node', () => {
    const t = quiet();
    faults.controlPlaneDown(t.cluster);
    t.cluster.advance(30_000);
    expect(t.run('journalctl -u kubelet -n 1').text).toMatch(/"Error updating node status, will retry" err="error getting node \\"node-1\\": /);
  });
});

describe('reboot and crictl', () => {
  it('reboot drops the session; ssh is refused while it boots; the node is back after', () => {
    const t = quiet();
    expect(t.run('reboot').text).toMatch(/\nThe system will reboot now!\n\nConnection to node-1 closed by remote host\.\nConnection to node-1 closed\.\n$/);
    // Back on the workstation: docker is not there.
    expect(t.run('docker ps').text).toBe('docker: command not found\n(docker runs on the servers: ssh node-1 first)\n');
    expect(t.run('ssh node-1').text).toBe('ssh: connect to host node-1 port 22: Connection refused\n');
    t.cluster.advance(50_000);
    expect(t.run('ssh node-1').exitCode).toBe(0);
    expect(t.run('uptime').text).toMatch(/ up 0 min, /);
  });

  it('a pull cut short by a power loss ends the ssh session instead of printing the download', () => {
    const t = quiet();
    const r = execute(t.ctx, 'docker pull web:1.1');
    faults.powerLoss(t.cluster, 'node-1');
    t.cluster.advance(r.busyMs);
    expect(r.follow!.poll(t.cluster.now)).toEqual({ text: 'client_loop: send disconnect: Broken pipe\nConnection to node-1 closed by remote host.\n', done: true, exitCode: 255 });
    expect(t.ctx.session.host).toBeUndefined();
    expect(t.cluster.machines.get('node-1')!.docker.findImage('web:1.1')).toBeUndefined();
  });

  it("crictl ps lists the kubelet's containers with their pods", () => {
    const t = terminal();
    const out = t.run('crictl ps').text;
    expect(out.split('\n')[0]).toBe('CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD');
    expect(out).toMatch(/\n[0-9a-f]{13} {7}[0-9a-f]{13} {7}6 weeks ago {9}Running {13}kube-proxy {10}0 {19}[0-9a-f]{13} {7}kube-proxy-\w{5}\n/);
  });
});
