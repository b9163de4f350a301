/**
 * The fields the API server knows for Pod, Deployment and Service (core/v1, apps/v1 as of
 * Kubernetes 1.34), in Go declaration order, with the Go type each one decodes into. Strict
 * decoding rejects any other field, and the Go type names appear in kubectl's type errors
 * (`cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`).
 *
 * Notation: `s` string, `b` bool, `i32` / `i64` integers, `q` resource quantity, `ios`
 * int-or-string, `*` anything (real fields the game does not model: kept as written),
 * `s:v1.RestartPolicy` a named string type, `Name` a struct below, `[]T` a list, `{}T` a
 * map with string keys (`{}q:v1.ResourceList` names the map type).
 */

export interface StructDef {
  /** The Go type as `reflect.Type.String()` prints it. */
  go: string;
  fields: Record<string, string>;
}

const OPAQUE = (names: string): Record<string, string> =>
  Object.fromEntries(names.split(' ').map((n) => [n, '*']));

export const STRUCTS: Record<string, StructDef> = {
  Pod: { go: 'v1.Pod', fields: { kind: 's', apiVersion: 's', metadata: 'ObjectMeta', spec: 'PodSpec', status: '*' } },
  Deployment: {
    go: 'v1.Deployment',
    fields: { kind: 's', apiVersion: 's', metadata: 'ObjectMeta', spec: 'DeploymentSpec', status: '*' },
  },
  Service: { go: 'v1.Service', fields: { kind: 's', apiVersion: 's', metadata: 'ObjectMeta', spec: 'ServiceSpec', status: '*' } },
  ObjectMeta: {
    go: 'v1.ObjectMeta',
    fields: {
      name: 's',
      generateName: 's',
      namespace: 's',
      selfLink: 's',
      uid: 's',
      resourceVersion: 's',
      generation: 'i64',
      creationTimestamp: '*',
      deletionTimestamp: '*',
      deletionGracePeriodSeconds: 'i64',
      labels: '{}s',
      annotations: '{}s',
      ownerReferences: '*',
      finalizers: '[]s',
      managedFields: '*',
    },
  },
  DeploymentSpec: {
    go: 'v1.DeploymentSpec',
    fields: {
      replicas: 'i32',
      selector: 'LabelSelector',
      template: 'PodTemplateSpec',
      strategy: 'DeploymentStrategy',
      minReadySeconds: 'i32',
      revisionHistoryLimit: 'i32',
      paused: 'b',
      progressDeadlineSeconds: 'i32',
    },
  },
  DeploymentStrategy: {
    go: 'v1.DeploymentStrategy',
    fields: { type: 's:v1.DeploymentStrategyType', rollingUpdate: 'RollingUpdateDeployment' },
  },
  RollingUpdateDeployment: { go: 'v1.RollingUpdateDeployment', fields: { maxUnavailable: 'ios', maxSurge: 'ios' } },
  LabelSelector: { go: 'v1.LabelSelector', fields: { matchLabels: '{}s', matchExpressions: '[]LabelSelectorRequirement' } },
  LabelSelectorRequirement: {
    go: 'v1.LabelSelectorRequirement',
    fields: { key: 's', operator: 's:v1.LabelSelectorOperator', values: '[]s' },
  },
  PodTemplateSpec: { go: 'v1.PodTemplateSpec', fields: { metadata: 'ObjectMeta', spec: 'PodSpec' } },
  PodSpec: {
    go: 'v1.PodSpec',
    fields: {
      volumes: '[]Volume',
      initContainers: '[]Container',
      containers: '[]Container',
      ephemeralContainers: '*',
      restartPolicy: 's:v1.RestartPolicy',
      terminationGracePeriodSeconds: 'i64',
      activeDeadlineSeconds: 'i64',
      dnsPolicy: 's:v1.DNSPolicy',
      nodeSelector: '{}s',
      serviceAccountName: 's',
      serviceAccount: 's',
      automountServiceAccountToken: 'b',
      nodeName: 's',
      hostNetwork: 'b',
      hostPID: 'b',
      hostIPC: 'b',
      shareProcessNamespace: 'b',
      securityContext: '*',
      imagePullSecrets: '*',
      hostname: 's',
      subdomain: 's',
      affinity: '*',
      schedulerName: 's',
      tolerations: '[]Toleration',
      hostAliases: '*',
      priorityClassName: 's',
      priority: 'i32',
      dnsConfig: '*',
      readinessGates: '*',
      runtimeClassName: 's',
      enableServiceLinks: 'b',
      preemptionPolicy: 's:v1.PreemptionPolicy',
      overhead: '{}q:v1.ResourceList',
      topologySpreadConstraints: '*',
      setHostnameAsFQDN: 'b',
      os: '*',
      hostUsers: 'b',
      schedulingGates: '*',
      resourceClaims: '*',
      resources: '*',
      hostnameOverride: 's',
    },
  },
  Container: {
    go: 'v1.Container',
    fields: {
      name: 's',
      image: 's',
      command: '[]s',
      args: '[]s',
      workingDir: 's',
      ports: '[]ContainerPort',
      envFrom: '*',
      env: '[]EnvVar',
      resources: 'ResourceRequirements',
      resizePolicy: '*',
      restartPolicy: 's:v1.ContainerRestartPolicy',
      restartPolicyRules: '*',
      volumeMounts: '[]VolumeMount',
      volumeDevices: '*',
      livenessProbe: 'Probe',
      readinessProbe: 'Probe',
      startupProbe: 'Probe',
      lifecycle: '*',
      terminationMessagePath: 's',
      terminationMessagePolicy: 's:v1.TerminationMessagePolicy',
      imagePullPolicy: 's:v1.PullPolicy',
      securityContext: '*',
      stdin: 'b',
      stdinOnce: 'b',
      tty: 'b',
    },
  },
  ContainerPort: {
    go: 'v1.ContainerPort',
    fields: { name: 's', hostPort: 'i32', containerPort: 'i32', protocol: 's:v1.Protocol', hostIP: 's' },
  },
  EnvVar: { go: 'v1.EnvVar', fields: { name: 's', value: 's', valueFrom: '*' } },
  ResourceRequirements: {
    go: 'v1.ResourceRequirements',
    fields: { limits: '{}q:v1.ResourceList', requests: '{}q:v1.ResourceList', claims: '*' },
  },
  VolumeMount: {
    go: 'v1.VolumeMount',
    fields: {
      name: 's',
      readOnly: 'b',
      recursiveReadOnly: '*',
      mountPath: 's',
      subPath: 's',
      mountPropagation: '*',
      subPathExpr: 's',
    },
  },
  Probe: {
    go: 'v1.Probe',
    fields: {
      exec: 'ExecAction',
      httpGet: 'HTTPGetAction',
      tcpSocket: 'TCPSocketAction',
      grpc: '*',
      initialDelaySeconds: 'i32',
      timeoutSeconds: 'i32',
      periodSeconds: 'i32',
      successThreshold: 'i32',
      failureThreshold: 'i32',
      terminationGracePeriodSeconds: 'i64',
    },
  },
  ExecAction: { go: 'v1.ExecAction', fields: { command: '[]s' } },
  HTTPGetAction: {
    go: 'v1.HTTPGetAction',
    fields: { path: 's', port: 'ios', host: 's', scheme: 's:v1.URIScheme', httpHeaders: '*' },
  },
  TCPSocketAction: { go: 'v1.TCPSocketAction', fields: { port: 'ios', host: 's' } },
  Volume: {
    go: 'v1.Volume',
    fields: {
      name: 's',
      hostPath: 'HostPathVolumeSource',
      emptyDir: 'EmptyDirVolumeSource',
      configMap: 'ConfigMapVolumeSource',
      ...OPAQUE(
        'gcePersistentDisk awsElasticBlockStore gitRepo secret nfs iscsi glusterfs persistentVolumeClaim rbd ' +
          'flexVolume cinder cephfs flocker downwardAPI fc azureFile vsphereVolume quobyte azureDisk ' +
          'photonPersistentDisk projected portworxVolume scaleIO storageos csi ephemeral image',
      ),
    },
  },
  HostPathVolumeSource: { go: 'v1.HostPathVolumeSource', fields: { path: 's', type: 's:v1.HostPathType' } },
  EmptyDirVolumeSource: { go: 'v1.EmptyDirVolumeSource', fields: { medium: 's:v1.StorageMedium', sizeLimit: 'q' } },
  ConfigMapVolumeSource: {
    go: 'v1.ConfigMapVolumeSource',
    fields: { name: 's', items: '*', defaultMode: 'i32', optional: 'b' },
  },
  Toleration: {
    go: 'v1.Toleration',
    fields: {
      key: 's',
      operator: 's:v1.TolerationOperator',
      value: 's',
      effect: 's:v1.TaintEffect',
      tolerationSeconds: 'i64',
    },
  },
  ServiceSpec: {
    go: 'v1.ServiceSpec',
    fields: {
      ports: '[]ServicePort',
      selector: '{}s',
      clusterIP: 's',
      clusterIPs: '[]s',
      type: 's:v1.ServiceType',
      externalIPs: '[]s',
      sessionAffinity: 's:v1.ServiceAffinity',
      loadBalancerIP: 's',
      loadBalancerSourceRanges: '[]s',
      externalName: 's',
      externalTrafficPolicy: 's:v1.ServiceExternalTrafficPolicy',
      healthCheckNodePort: 'i32',
      publishNotReadyAddresses: 'b',
      sessionAffinityConfig: '*',
      ipFamilies: '[]s:v1.IPFamily',
      ipFamilyPolicy: 's:v1.IPFamilyPolicy',
      allocateLoadBalancerNodePorts: 'b',
      loadBalancerClass: 's',
      internalTrafficPolicy: 's:v1.ServiceInternalTrafficPolicy',
      trafficDistribution: 's',
    },
  },
  ServicePort: {
    go: 'v1.ServicePort',
    fields: { name: 's', protocol: 's:v1.Protocol', appProtocol: 's', port: 'i32', targetPort: 'ios', nodePort: 'i32' },
  },
};

/** What `reflect.Type.String()` prints for a field type, as in `... of type []v1.Container`. */
export function goTypeName(t: string): string {
  if (t.startsWith('[]')) return `[]${goTypeName(t.slice(2))}`;
  if (t.startsWith('{}')) {
    const [elem, named] = t.slice(2).split(':v1.');
    return named ? `v1.${named}` : `map[string]${goTypeName(elem)}`;
  }
  if (t.startsWith('s:')) return t.slice(2);
  switch (t) {
    case 's':
      return 'string';
    case 'b':
      return 'bool';
    case 'i32':
    case 'ios':
      return 'int32';
    case 'i64':
      return 'int64';
    case 'q':
      return 'resource.Quantity';
    case '*':
      return 'interface {}';
  }
  return STRUCTS[t]?.go ?? t;
}
