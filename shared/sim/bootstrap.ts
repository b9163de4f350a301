/**
 * How the town looks when the night begins: a kubeadm cluster built weeks ago (a
 * control-plane node with its static pods, workers, CoreDNS, kube-proxy) and, from before
 * anyone wrote a manifest, the app started by hand with `docker run` on every worker.
 */
import type { DaemonSet, Deployment, Node, Pod, Service, Time } from './api/types.js';
import type { NewObject } from './apiserver.js';
import { formatBinary } from './api/quantity.js';
import type { Machine, MachineSpec } from './runtime/machine.js';
import type { RestartPolicyName } from './runtime/docker.js';
import { PAUSE_IMAGE } from './controllers/kubelet.js';

export const KUBERNETES_VERSION = 'v1.34.1';
export const DOCKER_VERSION = '27.3.1';
export const KERNEL_VERSION = '6.8.0-48-generic';
export const OS_IMAGE = 'Ubuntu 24.04.1 LTS';
export const CONTROL_PLANE_NAME = 'control-plane';
export const CONTROL_PLANE_IP = '10.0.0.10';

const GiB = 1024 ** 3;

export interface MachineSize {
  cpu: number;
  memoryGi: number;
  diskGi: number;
}

export const DEFAULT_WORKER: MachineSize = { cpu: 4, memoryGi: 8, diskGi: 30 };
export const DEFAULT_CONTROL_PLANE: MachineSize = { cpu: 2, memoryGi: 4, diskGi: 30 };

export function workerName(i: number): string {
  return `node-${i}`;
}

export function machineSpec(name: string, role: MachineSpec['role'], index: number, size: MachineSize): MachineSpec {
  return {
    name,
    role,
    ip: role === 'control-plane' ? CONTROL_PLANE_IP : workerIP(index),
    cpuMilli: size.cpu * 1000,
    memoryBytes: size.memoryGi * GiB,
    diskBytes: size.diskGi * GiB,
  };
}

function workerIP(i: number): string {
  return `10.0.${Math.floor((10 + i) / 250)}.${(10 + i) % 250}`;
}

/** The Node object a kubelet registers, already Ready. */
export function nodeObject(m: Machine, index: number, created: Time): NewObject<Node> {
  const spec = m.spec;
  const cp = spec.role === 'control-plane';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
  };
  if (cp) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  // Quantities in the API's canonical form (`8Gi`, `30Gi`).
  const capacity = { cpu: String(spec.cpuMilli / 1000), 'ephemeral-storage': formatBinary(spec.diskBytes), 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: formatBinary(spec.memoryBytes), pods: '110' };
  const allocatable = {
    cpu: String(spec.cpuMilli / 1000),
    // nodefs.available<10% is held back for eviction.
    'ephemeral-storage': String(Math.floor(spec.diskBytes * 0.9)),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    // memory.available<100Mi is held back for eviction.
    memory: formatBinary(spec.memoryBytes - 100 * 1024 * 1024),
    pods: '110',
  };
  const podCIDR = `10.244.${index}.0/24`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: created,
    },
    spec: { podCIDR, podCIDRs: [podCIDR], ...(cp ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}) },
    status: {
      capacity,
      allocatable,
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: created, lastTransitionTime: created, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', lastHeartbeatTime: created, lastTransitionTime: created, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', lastHeartbeatTime: created, lastTransitionTime: created, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', lastHeartbeatTime: created, lastTransitionTime: created, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        { type: 'InternalIP', address: spec.ip },
        { type: 'Hostname', address: spec.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: m.bootId.replace(/-/g, ''),
        systemUUID: m.bootId.toUpperCase(),
        bootID: m.bootId,
        kernelVersion: KERNEL_VERSION,
        osImage: OS_IMAGE,
        containerRuntimeVersion: `docker://${DOCKER_VERSION}`,
        kubeletVersion: KUBERNETES_VERSION,
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [],
    },
  };
}

/** Images every node has from the day it joined. */
export function nodeImages(role: MachineSpec['role']): string[] {
  const common = [PAUSE_IMAGE, `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`, 'registry.k8s.io/coredns/coredns:v1.12.1'];
  if (role !== 'control-plane') return common;
  return [
    ...common,
    'registry.k8s.io/etcd:3.6.4-0',
    `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
    `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
    `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  ];
}

export const STATIC_PODS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
export type StaticPodName = (typeof STATIC_PODS)[number];

const STATIC_IMAGES: Record<StaticPodName, string> = {
  etcd: 'registry.k8s.io/etcd:3.6.4-0',
  'kube-apiserver': `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  'kube-controller-manager': `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  'kube-scheduler': `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
};

const STATIC_REQUESTS: Record<StaticPodName, string> = { etcd: '100m', 'kube-apiserver': '250m', 'kube-controller-manager': '200m', 'kube-scheduler': '100m' };

/** A mirror pod of one of kubeadm's static pods (from /etc/kubernetes/manifests). */
export function staticPod(name: StaticPodName, node: Node): NewObject<Pod> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${name}-${node.metadata.name}`,
      namespace: 'kube-system',
      labels: { component: name, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.mirror': 'static', 'kubernetes.io/config.source': 'file' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid, controller: true }],
    },
    spec: {
      containers: [
        {
          name,
          image: STATIC_IMAGES[name],
          command: [name],
          resources: { requests: { cpu: STATIC_REQUESTS[name], ...(name === 'etcd' ? { memory: '100Mi' } : {}) } },
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      nodeName: node.metadata.name,
      hostNetwork: true,
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      priority: 2000001000,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
    status: { phase: 'Pending' },
  };
}

export function systemServices(): NewObject<Service>[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.0.10',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    },
  ];
}

const POD_DEFAULTS = { restartPolicy: 'Always' as const, terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler' };

export function coreDNS(): NewObject<Deployment> {
  const labels = { 'k8s-app': 'kube-dns' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { labels },
        spec: {
          ...POD_DEFAULTS,
          dnsPolicy: 'Default',
          priority: 2000000000,
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.12.1',
              imagePullPolicy: 'IfNotPresent',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
            },
          ],
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
    status: {},
  };
}

export function kubeProxy(): NewObject<DaemonSet> {
  const labels = { 'k8s-app': 'kube-proxy' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: 'RollingUpdate' },
      revisionHistoryLimit: 10,
      template: {
        metadata: { labels },
        spec: {
          ...POD_DEFAULTS,
          hostNetwork: true,
          priority: 2000001000,
          containers: [{ name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`, imagePullPolicy: 'IfNotPresent', command: ['/usr/local/bin/kube-proxy'] }],
          tolerations: [{ operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
    status: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 },
  };
}

/** How the app was started by hand on each worker, before the night. */
export interface OldWorld {
  image: string;
  restart: RestartPolicyName;
  /** Older images left on disk by earlier hand deploys. */
  leftovers: string[];
}

export const DEFAULT_OLD_WORLD: OldWorld = { image: 'web:1.0', restart: 'no', leftovers: ['web:0.8', 'web:0.9'] };

