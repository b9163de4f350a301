/**
 * `kubectl get` against a real cluster: the columns and words of the server-side printers,
 * the empty and not-found messages, selectors, the output formats, the control plane down.
 */
import { describe, expect, it } from 'vitest';
import * as faults from '../../shared/sim/faults.js';
import { kubeAge } from '../../shared/shell/duration.js';
import { cells, until, world } from './kubectl-helpers.js';

describe('kubectl get nodes', () => {
  it('prints NAME STATUS ROLES AGE VERSION, with the control-plane role and the cordon', () => {
    const w = world();
    const r = w.run('kubectl get nodes');
    expect(r.exitCode).toBe(0);
    expect(r.effect).toBe('read');
    expect(r.text).toBe(
      [
        'NAME            STATUS   ROLES           AGE   VERSION',
        'control-plane   Ready    control-plane   42d   v1.34.1',
        'node-1          Ready    <none>          42d   v1.34.1',
        'node-2          Ready    <none>          42d   v1.34.1',
        'node-3          Ready    <none>          42d   v1.34.1',
        '',
      ].join('\n'),
    );
    expect(w.run('kubectl cordon node-2').text).toBe('node/node-2 cordoned\n');
    expect(w.run('kubectl get no node-2').text).toBe('NAME     STATUS                     ROLES    AGE   VERSION\nnode-2   Ready,SchedulingDisabled   <none>   42d   v1.34.1\n');
  });

  it('-o wide adds the addresses, OS image, kernel and runtime', () => {
    const w = world();
    const lines = w.run('kubectl get nodes -o wide').text.split('\n');
    expect(cells(lines[0])).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']);
    expect(cells(lines[2])).toEqual(['node-1', 'Ready', '<none>', '42d', 'v1.34.1', '10.0.0.11', '<none>', 'Ubuntu 24.04.1 LTS', '6.8.0-48-generic', 'docker://27.3.1']);
  });

  it('a node that lost power goes NotReady after the grace period', () => {
    const w = world();
    faults.powerLoss(w.c, 'node-3');
    w.c.advance(70_000);
    expect(cells(w.run('kubectl get nodes').text.split('\n')[4])).toEqual(['node-3', 'NotReady', '<none>', '42d', 'v1.34.1']);
  });
});

describe('kubectl get pods', () => {
  it('has no pods in default at first, and says so as kubectl does', () => {
    const w = world();
    const r = w.run('kubectl get pods');
    expect(r.text).toBe('No resources found in default namespace.\n');
    expect(r.exitCode).toBe(0);
    expect(w.run('kubectl get pods -n nowhere').text).toBe('No resources found in nowhere namespace.\n');
    expect(w.run('kubectl get deploy -A -l app=nothing').text).toBe('No resources found\n');
  });

  it('lists the kube-system pods with -A, NAMESPACE first', () => {
    const w = world();
    const lines = w.run('kubectl get pods -A').text.trim().split('\n');
    expect(cells(lines[0])).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(lines.slice(1).map((l) => cells(l)[1])).toContain('etcd-control-plane');
    expect(cells(lines.find((l) => l.includes('etcd-control-plane'))!)).toEqual(['kube-system', 'etcd-control-plane', '1/1', 'Running', '0', '42d']);
  });

  it('shows the starter Deployment: ContainerCreating, then 3 Running with -o wide columns', () => {
    const w = world();
    expect(w.run('kubectl apply -f web.yaml').text).toBe('deployment.apps/web created\n');
    const creating = w.run('kubectl get pods').text.trim().split('\n');
    expect(creating).toHaveLength(4);
    for (const l of creating.slice(1)) expect(cells(l)).toEqual([expect.stringMatching(/^web-[a-z0-9]+-[a-z0-9]{5}$/), '0/1', 'ContainerCreating', '0', '0s']);
    w.c.advance(30_000);
    const lines = w.run('kubectl get pods -o wide').text.trim().split('\n');
    expect(cells(lines[0])).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    const rows = lines.slice(1).map(cells);
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.slice(1, 5)).toEqual(['1/1', 'Running', '0', '30s']);
      expect(r[5]).toMatch(/^10\.244\.\d+\.\d+$/);
      expect(r[6]).toMatch(/^node-[123]$/);
      expect(r.slice(7)).toEqual(['<none>', '<none>']);
    }
  });

  it('RESTARTS reads `N (AGO ago)` and STATUS the waiting reason of a crashing container', () => {
    const w = world(5);
    w.run('kubectl create deployment crash --image=web:1.2');
    until(w.c, () => (w.c.store.list('Pod', 'default')[0]?.status.containerStatuses?.[0]?.restartCount ?? 0) >= 2, 120_000);
    const pod = w.c.store.list('Pod', 'default')[0];
    const st = pod.status.containerStatuses![0];
    const row = cells(w.run('kubectl get pods').text.trim().split('\n')[1]);
    const reason = st.state.waiting?.reason ?? st.state.terminated?.reason ?? 'Running';
    expect(row[2]).toBe(reason);
    expect(row[3]).toBe(`${st.restartCount} (${kubeAge(w.c.now - st.lastState.terminated!.finishedAt)} ago)`);
    until(w.c, () => w.c.store.list('Pod', 'default')[0].status.containerStatuses![0].state.waiting?.reason === 'CrashLoopBackOff', 120_000);
    expect(cells(w.run('kubectl get pods').text.trim().split('\n')[1]).slice(1, 3)).toEqual(['0/1', 'CrashLoopBackOff']);
  });

  it('Terminating while a pod is being deleted', () => {
    const w = world();
    w.run('kubectl apply -f sidecar-pod.yaml');
    w.c.advance(20_000);
    expect(w.run('kubectl delete pod my-pod').text).toBe('pod "my-pod" deleted\n');
    expect(cells(w.run('kubectl get pod my-pod').text.trim().split('\n')[1])[2]).toBe('Terminating');
  });

  it('filters by label, shows labels and label columns', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.run('kubectl apply -f sidecar-pod.yaml');
    expect(w.run('kubectl get pods -l app=web').text.trim().split('\n')).toHaveLength(4);
    expect(w.run('kubectl get pods -l app!=web').text.trim().split('\n').slice(1).map((l) => cells(l)[0])).toEqual(['my-pod']);
    expect(w.run('kubectl get pods -l "app in (web, api)" -o name').text.split('\n').filter(Boolean)).toHaveLength(3);
    const shown = w.run('kubectl get pods my-pod --show-labels').text.split('\n');
    expect(cells(shown[0]).at(-1)).toBe('LABELS');
    expect(cells(shown[1]).at(-1)).toBe('<none>');
    const withCol = w.run('kubectl get pods -L app').text.split('\n');
    expect(cells(withCol[0]).at(-1)).toBe('APP');
    expect(w.run('kubectl get pods -l "=bad"').exitCode).toBe(1);
  });
});

describe('kubectl get: several kinds, names and errors', () => {
  it('prints each kind as its own table with kind-qualified names', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(20_000);
    const text = w.run('kubectl get deploy,rs').text;
    const [deploy, rs] = text.split('\n\n');
    expect(cells(deploy.split('\n')[0])).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    expect(cells(deploy.split('\n')[1])).toEqual(['deployment.apps/web', '3/3', '3', '3', '20s']);
    expect(cells(rs.split('\n')[0])).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    expect(cells(rs.split('\n')[1])).toEqual([expect.stringMatching(/^replicaset\.apps\/web-[a-z0-9]+$/), '3', '3', '3', '20s']);
  });

  it('get all in kube-system: pods, services, daemonsets, deployments, replicasets', () => {
    const w = world();
    const groups = w.run('kubectl get all -n kube-system').text.trim().split('\n\n');
    expect(groups.map((g) => cells(g.split('\n')[1])[0].split('/')[0])).toEqual(['pod', 'service', 'daemonset.apps', 'deployment.apps', 'replicaset.apps']);
    expect(cells(groups[2].split('\n')[0])).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE']);
    expect(cells(groups[2].split('\n')[1])).toEqual(['daemonset.apps/kube-proxy', '4', '4', '4', '4', '4', 'kubernetes.io/os=linux', '42d']);
    expect(cells(groups[1].split('\n')[1])).toEqual(['service/kube-dns', 'ClusterIP', '10.96.0.10', '<none>', '53/UDP,53/TCP,9153/TCP', '42d']);
  });

  it('NotFound for a missing name, exit 1; found ones still print', () => {
    const w = world();
    const r = w.run('kubectl get deployments x');
    expect(r.text).toBe('Error from server (NotFound): deployments.apps "x" not found\n');
    expect(r.exitCode).toBe(1);
    const both = w.run('kubectl get nodes node-1 node-9');
    expect(both.text).toBe('NAME     STATUS   ROLES    AGE   VERSION\nnode-1   Ready    <none>   42d   v1.34.1\nError from server (NotFound): nodes "node-9" not found\n');
    expect(both.exitCode).toBe(1);
  });

  it('unknown resource types and a missing type', () => {
    const w = world();
    expect(w.run('kubectl get podz').text).toBe('error: the server doesn\'t have a resource type "podz"\n');
    const none = w.run('kubectl get');
    expect(none.exitCode).toBe(1);
    expect(none.text).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  });

  it('accepts short names, plurals, singulars and group-qualified names', () => {
    const w = world();
    const base = w.run('kubectl get deployments -n kube-system').text;
    for (const t of ['deploy', 'deployment', 'deployments.apps', 'deployments.v1.apps', 'Deployment']) expect(w.run(`kubectl get ${t} -n kube-system`).text).toBe(base);
    expect(w.run('kubectl get deploy/coredns -n kube-system').text).toBe(base);
  });
});

describe('kubectl get events and endpoints', () => {
  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE with pod/NAME objects', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(15_000);
    const lines = w.run('kubectl get events').text.trim().split('\n');
    expect(cells(lines[0])).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    const scaled = lines.find((l) => l.includes('ScalingReplicaSet'))!;
    expect(cells(scaled)).toEqual(['15s', 'Normal', 'ScalingReplicaSet', 'deployment/web', expect.stringMatching(/^Scaled up replica set web-[a-z0-9]+ from 0 to 3$/)]);
    const scheduled = lines.filter((l) => l.includes('Scheduled'));
    expect(scheduled).toHaveLength(3);
    expect(cells(scheduled[0])[3]).toMatch(/^pod\/web-/);
  });

  it('endpoints warn that v1 Endpoints is deprecated, and list ready pod IPs', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml -f web-service.yaml');
    w.c.advance(30_000);
    const text = w.run('kubectl get ep web').text;
    expect(text.split('\n')[0]).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
    expect(cells(text.split('\n')[2])[1]).toMatch(/^10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080$/);
    expect(cells(w.run('kubectl get svc web').text.split('\n')[1])).toEqual(['web', 'ClusterIP', expect.stringMatching(/^10\.\d+\.\d+\.\d+$/), '<none>', '80/TCP', '30s']);
  });
});

describe('kubectl get output formats', () => {
  it('-o yaml: the object with RFC 3339 times and sorted keys; a List for several', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(20_000);
    const y = w.run('kubectl get deploy web -o yaml').text;
    expect(y.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n')).toBe(true);
    expect(y).toContain('  creationTimestamp: "2026-03-14T00:00:00Z"\n');
    expect(y).toContain('kubectl.kubernetes.io/last-applied-configuration: |\n');
    expect(y).toContain('  replicas: 3\n');
    expect(y).not.toContain('unavailableReplicas');
    const list = w.run('kubectl get pods -o yaml').text;
    expect(list.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n')).toBe(true);
    expect(list.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('-o json indents four spaces; -o name, jsonpath and custom-columns', () => {
    const w = world();
    const j = w.run('kubectl get node node-1 -o json').text;
    expect(j.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Node",\n')).toBe(true);
    expect(JSON.parse(j).metadata.name).toBe('node-1');
    expect(w.run('kubectl get nodes -o name').text).toBe('node/control-plane\nnode/node-1\nnode/node-2\nnode/node-3\n');
    expect(w.run("kubectl get nodes -o jsonpath='{.items[*].status.addresses[0].address}'").text).toBe('10.0.0.10 10.0.0.11 10.0.0.12 10.0.0.13\n');
    expect(w.run('kubectl get nodes -o jsonpath=\'{range .items[*]}{.metadata.name}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}\'').text).toBe('control-plane\tTrue\nnode-1\tTrue\nnode-2\tTrue\nnode-3\tTrue\n');
    expect(w.run('kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR').text.split('\n')[1]).toBe('control-plane   10.244.0.0/24');
    expect(w.run('kubectl get nodes -o toml').text).toMatch(/^error: unable to match a printer suitable for the output format "toml", allowed formats are: /);
  });

  it('--sort-by orders by a field', () => {
    const w = world();
    const names = w.run('kubectl get pods -A --sort-by=.spec.nodeName -o name').text.trim().split('\n');
    expect(names).toHaveLength(10);
    expect(w.run('kubectl get pods -A --field-selector spec.nodeName=control-plane -o name').text.trim().split('\n')).toHaveLength(5);
  });
});

describe('kubectl get -w', () => {
  it('keeps the terminal and prints a row each time an object changes', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    const r = w.run('kubectl get pods -w');
    expect(r.follow).toBeDefined();
    expect(r.text.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS/);
    let out = '';
    for (let i = 0; i < 15; i++) {
      w.c.advance(1000);
      out += r.follow!.poll(w.c.now).text;
    }
    expect(out).toMatch(/web-\S+\s+1\/1\s+Running\s+0\s+\d+s/);
  });
});

describe('the control plane is down', () => {
  it('etcd down: Error from server: etcdserver: request timed out', () => {
    const w = world();
    faults.controlPlaneDown(w.c);
    w.c.advance(5_000);
    const r = w.run('kubectl get pods');
    expect(r.text).toBe('Error from server: etcdserver: request timed out\n');
    expect(r.exitCode).toBe(1);
    // The API server itself still answers /version.
    expect(w.run('kubectl version').text).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1\n');
  });

  it('control plane powered off: the client times out', () => {
    const w = world();
    faults.powerLoss(w.c, 'control-plane');
    const r = w.run('kubectl get nodes');
    expect(r.text).toBe('Unable to connect to the server: dial tcp 10.0.0.10:6443: i/o timeout\n');
    expect(w.run('kubectl version').text).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\nUnable to connect to the server: dial tcp 10.0.0.10:6443: i/o timeout\n');
  });
});
