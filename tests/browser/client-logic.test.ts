/**
 * The client's pure helpers, without a browser: how states look in town, what a click offers,
 * the terminal's line editing, completion and progress bar, and where an apply error goes.
 */
import { describe, expect, it } from 'vitest';
import { errorMessage, locateApplyError } from '../../client/src/editor/apply-errors.js';
import { eventsInOrder, type PodView } from '../../client/src/net/state-types.js';
import { nodeLook, podLook, residentsOf } from '../../client/src/scenes/looks.js';
import { layoutTown, slotRect, hitTest } from '../../client/src/scenes/town-layout.js';
import { skyAt } from '../../client/src/scenes/sky.js';
import { complete, commonPrefix, type CompletionWorld } from '../../client/src/terminal/completion.js';
import { LineEditor } from '../../client/src/terminal/line-editor.js';
import { progressLine } from '../../client/src/terminal/progress-bar.js';
import { handActions, hostOf, nodeActions, podActions } from '../../client/src/town/actions.js';

function pod(status: string, ready = '1/1', extra: Partial<PodView> = {}): PodView {
  return { name: 'web-1', namespace: 'default', node: 'node-1', status, ready, restarts: 0, app: 'web', terminating: false, containers: [{ name: 'app', image: 'web:1.0', state: 'running', reason: '', ready: true, restarts: 0 }], ...extra };
}

describe('looks', () => {
  it('gives every pod STATUS word its own look', () => {
    expect(podLook(pod('Running'), false)).toBe('lit');
    expect(podLook(pod('Running', '0/1'), false)).toBe('starting');
    expect(podLook(pod('ContainerCreating', '0/1'), false)).toBe('starting');
    expect(podLook(pod('CrashLoopBackOff', '0/1'), false)).toBe('crash');
    expect(podLook(pod('OOMKilled', '0/1'), false)).toBe('oom');
    expect(podLook(pod('ImagePullBackOff', '0/1'), false)).toBe('pull');
    expect(podLook(pod('ErrImagePull', '0/1'), false)).toBe('pull');
    expect(podLook(pod('Evicted', '0/1'), false)).toBe('evicted');
    expect(podLook(pod('Completed', '0/1'), false)).toBe('done');
    expect(podLook(pod('Pending', '0/1', { node: '' }), false)).toBe('pending');
    expect(podLook(pod('Running', '1/1', { terminating: true }), false)).toBe('leaving');
    // A Running pod on a building that went dark is dark: nobody can tell any more.
    expect(podLook(pod('Running'), true)).toBe('dark');
  });

  it('draws a sidecar as a second resident', () => {
    const p = pod('Running', '1/2');
    p.containers = [
      { name: 'app', image: 'nginx', state: 'running', reason: '', ready: true, restarts: 0 },
      { name: 'sidecar', image: 'fluent-bit', state: 'waiting', reason: 'ContainerCreating', ready: false, restarts: 0 },
    ];
    expect(residentsOf(p)).toBe('AP');
  });

  it('tells nodes apart: dark, under construction, closed town hall', () => {
    const n = { name: 'node-2', role: 'worker', status: 'Ready', power: 'on', cordoned: false, diskPressure: false, diskPct: 10, cpuPct: 10, hand: new Map() };
    expect(nodeLook(n, true)).toBe('ok');
    expect(nodeLook({ ...n, power: 'off' }, true)).toBe('dark');
    expect(nodeLook({ ...n, status: 'NotReady,SchedulingDisabled' }, true)).toBe('dark');
    expect(nodeLook({ ...n, status: 'Booting', power: 'booting' }, true)).toBe('construction');
    expect(nodeLook({ ...n, role: 'control-plane' }, false)).toBe('closed');
  });

  it('is darkest at 3 a.m.', () => {
    const lum = (c: number) => ((c >> 16) & 255) + ((c >> 8) & 255) + (c & 255);
    const at = (h: number) => lum(skyAt(h * 3600_000).top) + lum(skyAt(h * 3600_000).horizon);
    expect(at(3)).toBeLessThan(at(0));
    expect(at(3)).toBeLessThan(at(6));
  });
});

describe('the town layout', () => {
  it('wraps many buildings into streets and finds what is under a point', () => {
    const specs = [{ name: 'control-plane', kind: 'hall' as const, floors: 2, cols: 4 }, ...Array.from({ length: 20 }, (_, i) => ({ name: `node-${i + 1}`, kind: 'block' as const, floors: 4, cols: 3 }))];
    const l = layoutTown(specs, 900, 600);
    expect(l.rows).toBeGreaterThan(1);
    const b = l.boxes.get('node-7')!;
    const r = slotRect(b, 4);
    expect(hitTest(l, r.x + 3, r.y + 3)).toEqual({ building: 'node-7', slot: 4 });
    expect(hitTest(l, b.x + b.w / 2, b.ground - b.h + 6)).toEqual({ building: 'node-7' });
  });
});

describe('town actions', () => {
  it('offers the real commands, from where they work', () => {
    expect(podActions({ name: 'web-1', namespace: 'default' }, 'ana@town:~$ ').map((a) => a.lines)).toEqual([['kubectl describe pod web-1'], ['kubectl logs web-1'], ['kubectl delete pod web-1']]);
    expect(podActions({ name: 'etcd-control-plane', namespace: 'kube-system' }, 'ana@town:~$ ')[0].lines).toEqual(['kubectl describe pod etcd-control-plane -n kube-system']);
    // kubectl runs on the workstation: leave an ssh session first.
    expect(podActions({ name: 'web-1', namespace: 'default' }, 'root@node-2:~# ')[0].lines).toEqual(['exit', 'kubectl describe pod web-1']);
    const node = nodeActions({ name: 'node-1', role: 'worker', cordoned: false }, 'ana@town:~$ ');
    expect(node.map((a) => a.lines.join(' && '))).toEqual(['kubectl describe node node-1', 'kubectl cordon node-1', 'kubectl drain node-1 --ignore-daemonsets', 'ssh node-1', 'ssh node-1 && docker ps -a']);
    expect(handActions('node-3', 'web', 'ana@town:~$ ')[0].lines).toEqual(['ssh node-3', 'docker restart web']);
    expect(handActions('node-3', 'web', 'root@node-3:~# ')[0].lines).toEqual(['docker restart web']);
    expect(handActions('node-3', 'web', 'root@node-1:~# ')[0].lines).toEqual(['exit', 'ssh node-3', 'docker restart web']);
    expect(hostOf('root@node-2:~# ')).toBe('node-2');
    expect(hostOf('ana@town:~$ ')).toBeUndefined();
  });
});

describe('the terminal', () => {
  const world: CompletionWorld = { onNode: false, pods: ['web-6669898f6b-abcde', 'web-6669898f6b-fghij'], nodes: ['control-plane', 'node-1', 'node-2'], apps: ['web'], files: ['web.yaml', 'sidecar-pod.yaml'], containers: ['web', 'report-0130-0'] };
  const words = (line: string, w = world) => complete(line, line.length, w).candidates;

  it('edits a line like readline, with history', () => {
    const ed = new LineEditor();
    ed.insert('kubectl get pods');
    ed.home();
    ed.right();
    ed.deleteWordBack();
    expect(ed.buf).toBe('ubectl get pods');
    ed.end();
    ed.deleteWordBack();
    expect(ed.buf).toBe('ubectl get ');
    ed.set('kubectl get nodes');
    expect(ed.take()).toBe('kubectl get nodes');
    ed.insert('draft');
    ed.up();
    expect(ed.buf).toBe('kubectl get nodes');
    ed.down();
    expect(ed.buf).toBe('draft');
  });

  it('completes commands, verbs, types, object names and files', () => {
    expect(words('kub')).toEqual(['kubectl']);
    expect(words('kubectl get no')).toEqual(['nodes']);
    expect(words('kubectl logs web-6669898f6b-a')).toEqual(['web-6669898f6b-abcde']);
    expect(commonPrefix(words('kubectl describe pod web'))).toBe('web-6669898f6b-');
    expect(words('kubectl cordon node-')).toEqual(['node-1', 'node-2']);
    expect(words('kubectl apply -f ')).toEqual(['sidecar-pod.yaml', 'web.yaml']);
    expect(words('kubectl rollout undo ')).toEqual(['deployment/web']);
    expect(words('ssh n')).toEqual(['node-1', 'node-2']);
    expect(words('cat w')).toEqual(['web.yaml']);
    expect(words('docker rest', { ...world, onNode: true })).toEqual(['restart']);
    expect(words('docker restart ', { ...world, onNode: true })).toEqual(['report-0130-0', 'web']);
    expect(words('dock', { ...world, onNode: true })).toEqual(['docker']);
  });

  it('draws a progress bar', () => {
    expect(progressLine(0.5, 'Pulling web:1.1', 10)).toBe('[█████░░░░░]  50%  Pulling web:1.1');
    expect(progressLine(2, 'x', 4)).toBe('[████] 100%  x');
  });
});

describe('the editor', () => {
  it("finds kubectl's complaint and its line", async () => {
    const out = 'error: error parsing web.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context\n';
    expect(errorMessage(out)).toBe(out.trim());
    const bad = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n    selector: x\n';
    expect((await locateApplyError('web.yaml', bad, out))?.line).toBe(7);
  });

  it('places an error in a second document at its line in the file', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicass: 3\n';
    const out = 'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"\n';
    expect((await locateApplyError('web.yaml', text, out))?.line).toBe(14);
  });

  it('reads events in arrival order from the server ring', () => {
    const e = (seq: number, reason: string) => ({ seq, at: 0, type: 'Normal', reason, object: 'pod/x', message: '', count: 1 });
    expect(eventsInOrder([e(3, 'c'), e(0, ''), e(1, 'a'), e(2, 'b')]).map((x) => x.reason)).toEqual(['a', 'b', 'c']);
  });
});
