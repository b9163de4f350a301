/**
 * `kubectl describe` against a real cluster: the layout of describe.go (tabwriter blocks,
 * multi-line labels and tolerations, container states) and the Events table with its
 * `12s (x4 over 50s)` ages.
 */
import { describe, expect, it } from 'vitest';
import { kubeAge } from '../../shared/shell/duration.js';
import { tabwrite } from '../../shared/shell/tabwriter.js';
import { until, world } from './kubectl-helpers.js';

describe('tabwriter', () => {
  it('aligns each column block until a line without that cell, padding 2, as Go does', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/web\nEvents:\n  Type\tReason\n  ----\t------\n';
    // `  IP:` and `Controlled By:` are consecutive lines with a first cell: one block.
    expect(tabwrite(text)).toBe('Name:       web\nNamespace:  default\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/web\nEvents:\n  Type  Reason\n  ----  ------\n');
  });

  it('keeps the padding of empty cells (two tabs make an empty column)', () => {
    expect(tabwrite('a\tb\t\tc\nlong\tx\t\ty\n')).toBe('a     b    c\nlong  x    y\n');
  });
});

describe('kubectl describe pod', () => {
  it('a CrashLoopBackOff pod: Waiting/Terminated states and the BackOff event counted (xN over ...)', () => {
    const w = world(3);
    w.run('kubectl create deployment crash --image=web:1.2');
    until(w.c, () => (w.c.events.list().find((e) => e.reason === 'BackOff')?.count ?? 0) >= 3, 5 * 60_000);
    w.c.advance(7_000);
    const pod = w.c.store.list('Pod', 'default')[0];
    const backoff = w.c.events.about(pod.metadata.uid).find((e) => e.reason === 'BackOff')!;
    const out = w.run(`kubectl describe pod ${pod.metadata.name}`).text;
    const lines = out.split('\n');
    expect(lines[0]).toBe(`Name:             ${pod.metadata.name}`);
    expect(lines).toContain('Namespace:        default');
    expect(lines).toContain(`Controlled By:  ReplicaSet/${pod.metadata.ownerReferences![0].name}`);
    expect(out).toMatch(/\n {4}State: {10}Waiting\n {6}Reason: {7}CrashLoopBackOff\n {4}Last State: {5}Terminated\n {6}Reason: {7}Error\n {6}Exit Code: {4}1\n {6}Started: {6}Sat, 14 Mar 2026 \d\d:\d\d:\d\d \+0000\n {6}Finished: {5}Sat, 14 Mar 2026/);
    expect(out).toContain('    Ready:          False\n');
    // One tabwriter block from the conditions (`  PodReadyToStartContainers `) to the tolerations.
    expect(lines).toContain('Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s');
    expect(lines).toContain('                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s');
    const age = `${kubeAge(w.c.now - backoff.lastTimestamp)} (x${backoff.count} over ${kubeAge(w.c.now - backoff.firstTimestamp)})`;
    expect(backoff.count).toBeGreaterThanOrEqual(3);
    const line = lines.find((l) => /^ {2}Warning +BackOff /.test(l))!;
    expect(line).toMatch(/^ {2}Warning {2}BackOff +\S+ \(x\d+ over [0-9a-z]+\) +kubelet +spec\.containers\{web\}: Back-off restarting failed container web in pod crash-/);
    expect(line).toContain(`  ${age}  `);
    expect(lines.indexOf('Events:')).toBeGreaterThan(0);
    expect(lines[lines.indexOf('Events:') + 1]).toMatch(/^ {2}Type {5}Reason +Age +From +Message$/);
    expect(lines[lines.indexOf('Events:') + 2]).toMatch(/^ {2}---- {5}------ +---- +---- +-------$/);
  });

  it('a running pod of the starter Deployment', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    const pod = w.c.store.list('Pod', 'default')[0];
    const out = w.run(`kubectl describe pods/${pod.metadata.name}`).text;
    expect(out).toContain(`Node:             ${pod.spec.nodeName}/${pod.status.hostIP}\n`);
    expect(out).toContain('Labels:           app=web\n                  pod-template-hash=');
    expect(out).toContain('Status:           Running\n');
    expect(out).toContain('    State:          Running\n      Started:      Sat, 14 Mar 2026 00:00:0');
    expect(out).toContain('    Port:           8080/TCP\n    Host Port:      0/TCP\n');
    expect(out).toContain('    Limits:\n      memory:  512Mi\n    Requests:\n      cpu:        250m\n      memory:     256Mi\n');
    expect(out).toContain('Conditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n  Initialized                 True \n  Ready                       True \n');
    expect(out).toContain('QoS Class:                    Burstable\n');
    expect(out).toMatch(/\n {2}Normal +Scheduled +30s +default-scheduler +Successfully assigned default\/web-\S+ to node-\d\n/);
  });

  it('a name prefix describes every match; nothing matching is NotFound', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    const out = w.run('kubectl describe pods web').text;
    expect(out.match(/^Name: {13}web-/gm)).toHaveLength(3);
    expect(out).toContain('\n\n\nName:');
    const r = w.run('kubectl describe pod nope');
    expect(r.text).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl describe node, deployment, replicaset, service', () => {
  it('node: roles, taints, lease, conditions table, capacity, non-terminated pods and allocated resources', () => {
    const w = world();
    const out = w.run('kubectl describe node control-plane').text;
    const lines = out.split('\n');
    expect(lines[0]).toBe('Name:               control-plane');
    expect(lines[1]).toBe('Roles:              control-plane');
    expect(out).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\nUnschedulable:      false\nLease:\n  HolderIdentity:  control-plane\n  AcquireTime:     <unset>\n');
    expect(out).toMatch(/\nConditions:\n {2}Type {13}Status {2}LastHeartbeatTime {17}LastTransitionTime {16}Reason {23}Message\n {2}---- {13}------ {2}-----------------/);
    expect(out).toMatch(/\n {2}Ready {12}True {4}\S.* \+0000 {3}\S.* \+0000 {3}KubeletReady {17}kubelet is posting ready status\n/);
    expect(out).toContain('Capacity:\n  cpu:                2\n  ephemeral-storage:  30Gi\n  hugepages-1Gi:      0\n  hugepages-2Mi:      0\n  memory:             4Gi\n  pods:               110\n');
    expect(out).toMatch(/Non-terminated Pods: {10}\(5 in total\)\n {2}Namespace {19}Name {37}CPU Requests {2}CPU Limits {2}Memory Requests {2}Memory Limits {2}Age\n/);
    expect(out).toMatch(/\n {2}kube-system {17}etcd-control-plane {23}100m \(5%\) {5}0 \(0%\) {6}100Mi \(2%\) {7}0 \(0%\) {9}42d\n/);
    expect(out).toContain('Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n  Resource           Requests    Limits\n  --------           --------    ------\n  cpu                650m (32%)  0 (0%)\n');
  });

  it('deployment: replicas line, strategy, pod template, conditions and replica sets', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    const out = w.run('kubectl describe deployment web').text;
    expect(out).toContain('Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n');
    expect(out).toContain('StrategyType:           RollingUpdate\nMinReadySeconds:        0\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\nPod Template:\n  Labels:  app=web\n  Containers:\n   app:\n');
    expect(out).toContain('Conditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    NewReplicaSetAvailable\n');
    expect(out).toMatch(/OldReplicaSets: {2}<none>\nNewReplicaSet: {3}web-[a-z0-9]+ \(3\/3 replicas created\)\n/);
    expect(out).toMatch(/Normal {2}ScalingReplicaSet {2}30s {3}deployment-controller {2}Scaled up replica set web-[a-z0-9]+ from 0 to 3\n$/);
    // last-applied-configuration is never shown.
    expect(out).not.toContain('last-applied');
  });

  it('replicaset: selector, controlled by, pods status', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    const rs = w.c.store.list('ReplicaSet', 'default')[0].metadata.name;
    const out = w.run(`kubectl describe rs ${rs}`).text;
    expect(out).toContain(`Name:           ${rs}\n`);
    expect(out).toContain('Controlled By:  Deployment/web\nReplicas:       3 current / 3 desired\nPods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
  });

  it('service: endpoints are the ready pods', () => {
    const w = world();
    w.run('kubectl apply -f web.yaml -f web-service.yaml');
    const before = w.run('kubectl describe svc web').text;
    expect(before).toMatch(/\nEndpoints: {16}\n/);
    w.c.advance(30_000);
    const out = w.run('kubectl describe svc web').text;
    expect(out).toContain('Selector:                 app=web\nType:                     ClusterIP\nIP Family Policy:         SingleStack\nIP Families:              IPv4\n');
    expect(out).toContain('Port:                     <unset>  80/TCP\nTargetPort:               8080/TCP\n');
    expect(out).toMatch(/Endpoints: {16}10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080\n/);
    expect(out.endsWith('Events:                   <none>\n')).toBe(true);
  });
});
