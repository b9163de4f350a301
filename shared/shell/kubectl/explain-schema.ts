/**
 * The part of the cluster's OpenAPI schema `kubectl explain` walks: the supported kinds a few
 * levels deep, with the API's own field descriptions (trimmed where they run long).
 */
export interface FieldDoc {
  /** `string`, `integer`, `boolean`, `[]Container`, `map[string]string`, or a type name below. */
  type: string;
  description: string;
  required?: boolean;
  enum?: string[];
}

export interface TypeDoc {
  description: string;
  fields: Record<string, FieldDoc>;
}

const API_CONVENTIONS = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';

const COMMON = {
  apiVersion: { type: 'string', description: `APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: ${API_CONVENTIONS}#resources` },
  kind: { type: 'string', description: `Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: ${API_CONVENTIONS}#types-kinds` },
  metadata: { type: 'ObjectMeta', description: `Standard object's metadata. More info: ${API_CONVENTIONS}#metadata` },
};

const SPEC_STATUS = `More info: ${API_CONVENTIONS}#spec-and-status`;

export const TYPES: Record<string, TypeDoc> = {
  Pod: {
    description: 'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    fields: {
      ...COMMON,
      spec: { type: 'PodSpec', description: `Specification of the desired behavior of the pod. ${SPEC_STATUS}` },
      status: { type: 'PodStatus', description: `Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. ${SPEC_STATUS}` },
    },
  },
  Deployment: {
    description: 'Deployment enables declarative updates for Pods and ReplicaSets.',
    fields: {
      ...COMMON,
      spec: { type: 'DeploymentSpec', description: 'Specification of the desired behavior of the Deployment.' },
      status: { type: 'DeploymentStatus', description: 'Most recently observed status of the Deployment.' },
    },
  },
  ReplicaSet: {
    description: 'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
    fields: {
      ...COMMON,
      metadata: { type: 'ObjectMeta', description: `If the Labels of a ReplicaSet are empty, they are defaulted to be the same as the Pod(s) that the ReplicaSet manages. Standard object's metadata. More info: ${API_CONVENTIONS}#metadata` },
      spec: { type: 'ReplicaSetSpec', description: `Spec defines the specification of the desired behavior of the ReplicaSet. ${SPEC_STATUS}` },
      status: { type: 'ReplicaSetStatus', description: `Status is the most recently observed status of the ReplicaSet. This data may be out of date by some window of time. Populated by the system. Read-only. ${SPEC_STATUS}` },
    },
  },
  DaemonSet: {
    description: 'DaemonSet represents the configuration of a daemon set.',
    fields: {
      ...COMMON,
      spec: { type: 'DaemonSetSpec', description: `The desired behavior of this daemon set. ${SPEC_STATUS}` },
      status: { type: 'DaemonSetStatus', description: `The current status of this daemon set. This data may be out of date by some window of time. Populated by the system. Read-only. ${SPEC_STATUS}` },
    },
  },
  Service: {
    description: 'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
    fields: {
      ...COMMON,
      spec: { type: 'ServiceSpec', description: `Spec defines the behavior of a service. ${SPEC_STATUS}` },
      status: { type: 'ServiceStatus', description: `Most recently observed status of the service. Populated by the system. Read-only. ${SPEC_STATUS}` },
    },
  },
  Node: {
    description: 'Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).',
    fields: {
      ...COMMON,
      spec: { type: 'NodeSpec', description: `Spec defines the behavior of a node. ${SPEC_STATUS}` },
      status: { type: 'NodeStatus', description: `Most recently observed status of the node. Populated by the system. Read-only. ${SPEC_STATUS}` },
    },
  },
  Namespace: {
    description: 'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
    fields: {
      ...COMMON,
      spec: { type: 'NamespaceSpec', description: `Spec defines the behavior of the Namespace. ${SPEC_STATUS}` },
      status: { type: 'NamespaceStatus', description: `Status describes the current status of a Namespace. ${SPEC_STATUS}` },
    },
  },
  Event: {
    description:
      'Event is a report of an event somewhere in the cluster.  Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplementary data.',
    fields: {
      ...COMMON,
      count: { type: 'integer', description: 'The number of times this event has occurred.' },
      firstTimestamp: { type: 'string', description: 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)' },
      involvedObject: { type: 'ObjectReference', description: 'The object that this event is about.', required: true },
      lastTimestamp: { type: 'string', description: 'The time at which the most recent occurrence of this event was recorded.' },
      message: { type: 'string', description: 'A human-readable description of the status of this operation.' },
      reason: { type: 'string', description: "This should be a short, machine understandable string that gives the reason for the transition into the object's current status." },
      source: { type: 'EventSource', description: 'The component reporting this event. Should be a short machine understandable string.' },
      type: { type: 'string', description: 'Type of this event (Normal, Warning), new types could be added in the future' },
    },
  },
  Endpoints: {
    description: 'Endpoints is a collection of endpoints that implement the actual service. Deprecated: This API is deprecated in v1.33+. Use discoveryv1.EndpointSlice.',
    fields: {
      ...COMMON,
      subsets: { type: '[]EndpointSubset', description: 'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports.' },
    },
  },
  ObjectMeta: {
    description: 'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
    fields: {
      annotations: { type: 'map[string]string', description: 'Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations' },
      creationTimestamp: { type: 'string', description: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.' },
      generateName: { type: 'string', description: 'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.' },
      labels: { type: 'map[string]string', description: 'Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels' },
      name: { type: 'string', description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names' },
      namespace: { type: 'string', description: 'Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace, but "default" is the canonical representation. Not all objects are required to be scoped to a namespace - the value of this field for those objects will be empty. Must be a DNS_LABEL. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces' },
      ownerReferences: { type: '[]OwnerReference', description: 'List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected. If this object is managed by a controller, then an entry in this list will point to this controller, with the controller field set to true. There cannot be more than one managing controller.' },
      uid: { type: 'string', description: 'UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations. Populated by the system. Read-only. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids' },
    },
  },
  DeploymentSpec: {
    description: 'DeploymentSpec is the specification of the desired behavior of the Deployment.',
    fields: {
      minReadySeconds: { type: 'integer', description: 'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)' },
      paused: { type: 'boolean', description: 'Indicates that the deployment is paused.' },
      progressDeadlineSeconds: { type: 'integer', description: 'The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Note that progress will not be estimated during the time a deployment is paused. Defaults to 600s.' },
      replicas: { type: 'integer', description: 'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.' },
      revisionHistoryLimit: { type: 'integer', description: 'The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.' },
      selector: { type: 'LabelSelector', description: "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.", required: true },
      strategy: { type: 'DeploymentStrategy', description: 'The deployment strategy to use to replace existing pods with new ones.' },
      template: { type: 'PodTemplateSpec', description: 'Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".', required: true },
    },
  },
  DeploymentStrategy: {
    description: 'DeploymentStrategy describes how to replace existing pods with new ones.',
    fields: {
      rollingUpdate: { type: 'RollingUpdateDeployment', description: 'Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.' },
      type: {
        type: 'string',
        enum: ['Recreate', 'RollingUpdate'],
        description:
          'Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.\n\nPossible enum values:\n - `"Recreate"` Kill all existing pods before creating new ones.\n - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one.',
      },
    },
  },
  RollingUpdateDeployment: {
    description: 'Spec to control the desired behavior of rolling update.',
    fields: {
      maxSurge: { type: 'IntOrString', description: 'The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up. Defaults to 25%. Example: when this is set to 30%, the new ReplicaSet can be scaled up immediately when the rolling update starts, such that the total number of old and new pods do not exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet can be scaled up further, ensuring that total number of pods running at any time during the update is at most 130% of desired pods.' },
      maxUnavailable: { type: 'IntOrString', description: 'The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding down. This can not be 0 if MaxSurge is 0. Defaults to 25%. Example: when this is set to 30%, the old ReplicaSet can be scaled down to 70% of desired pods immediately when the rolling update starts. Once new pods are ready, old ReplicaSet can be scaled down further, followed by scaling up the new ReplicaSet, ensuring that the total number of pods available at all times during the update is at least 70% of desired pods.' },
    },
  },
  LabelSelector: {
    description: 'A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all objects. A null label selector matches no objects.',
    fields: {
      matchExpressions: { type: '[]LabelSelectorRequirement', description: 'matchExpressions is a list of label selector requirements. The requirements are ANDed.' },
      matchLabels: { type: 'map[string]string', description: 'matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is "key", the operator is "In", and the values array contains only "value". The requirements are ANDed.' },
    },
  },
  PodTemplateSpec: {
    description: 'PodTemplateSpec describes the data a pod should have when created from a template',
    fields: {
      metadata: { type: 'ObjectMeta', description: `Standard object's metadata. More info: ${API_CONVENTIONS}#metadata` },
      spec: { type: 'PodSpec', description: `Specification of the desired behavior of the pod. ${SPEC_STATUS}` },
    },
  },
  ReplicaSetSpec: {
    description: 'ReplicaSetSpec is the specification of a ReplicaSet.',
    fields: {
      minReadySeconds: { type: 'integer', description: 'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)' },
      replicas: { type: 'integer', description: 'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#how-a-replicaset-works' },
      selector: { type: 'LabelSelector', description: 'Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', required: true },
      template: { type: 'PodTemplateSpec', description: 'Template is the object that describes the pod that will be created if insufficient replicas are detected. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#pod-template' },
    },
  },
  DaemonSetSpec: {
    description: 'DaemonSetSpec is the specification of a daemon set.',
    fields: {
      selector: { type: 'LabelSelector', description: "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", required: true },
      template: { type: 'PodTemplateSpec', description: "An object that describes the pod that will be created. The DaemonSet will create exactly one copy of this pod on every node that matches the template's node selector (or on every node if no node selector is specified). The only allowed template.spec.restartPolicy value is \"Always\".", required: true },
    },
  },
  PodSpec: {
    description: 'PodSpec is a description of a pod.',
    fields: {
      containers: { type: '[]Container', description: 'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.', required: true },
      hostNetwork: { type: 'boolean', description: "Host networking requested for this pod. Use the host's network namespace. When using HostNetwork you should specify ports so the scheduler is aware. When `hostNetwork` is true, specified `hostPort` fields in port definitions must match `containerPort`, and unspecified `hostPort` fields in port definitions are defaulted to match `containerPort`. Default to false." },
      initContainers: { type: '[]Container', description: 'List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started. If any init container fails, the pod is considered to have failed and is handled according to its restartPolicy. More info: https://kubernetes.io/docs/concepts/workloads/pods/init-containers/' },
      nodeName: { type: 'string', description: 'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod.' },
      nodeSelector: { type: 'map[string]string', description: "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/" },
      restartPolicy: {
        type: 'string',
        enum: ['Always', 'Never', 'OnFailure'],
        description:
          'Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n\nPossible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`',
      },
      terminationGracePeriodSeconds: { type: 'integer', description: 'Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). If this value is nil, the default grace period will be used instead. Defaults to 30 seconds.' },
      tolerations: { type: '[]Toleration', description: "If specified, the pod's tolerations." },
      volumes: { type: '[]Volume', description: 'List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes' },
    },
  },
  Container: {
    description: 'A single application container that you want to run within a pod.',
    fields: {
      args: { type: '[]string', description: "Arguments to the entrypoint. The container image's CMD is used if this is not provided. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell" },
      command: { type: '[]string', description: "Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell" },
      env: { type: '[]EnvVar', description: 'List of environment variables to set in the container. Cannot be updated.' },
      image: { type: 'string', description: 'Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.' },
      imagePullPolicy: {
        type: 'string',
        enum: ['Always', 'IfNotPresent', 'Never'],
        description: 'Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images',
      },
      livenessProbe: { type: 'Probe', description: 'Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes' },
      name: { type: 'string', description: 'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.', required: true },
      ports: { type: '[]ContainerPort', description: 'List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default "0.0.0.0" address inside a container will be accessible from the network. Cannot be updated.' },
      readinessProbe: { type: 'Probe', description: 'Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes' },
      resources: { type: 'ResourceRequirements', description: 'Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' },
      volumeMounts: { type: '[]VolumeMount', description: "Pod volumes to mount into the container's filesystem. Cannot be updated." },
    },
  },
  ContainerPort: {
    description: 'ContainerPort represents a network port in a single container.',
    fields: {
      containerPort: { type: 'integer', description: "Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.", required: true },
      hostPort: { type: 'integer', description: 'Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this.' },
      name: { type: 'string', description: 'If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.' },
      protocol: { type: 'string', enum: ['SCTP', 'TCP', 'UDP'], description: 'Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".' },
    },
  },
  ResourceRequirements: {
    description: 'ResourceRequirements describes the compute resource requirements.',
    fields: {
      limits: { type: 'map[string]Quantity', description: 'Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' },
      requests: { type: 'map[string]Quantity', description: 'Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' },
    },
  },
  Probe: {
    description: 'Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.',
    fields: {
      failureThreshold: { type: 'integer', description: 'Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1.' },
      httpGet: { type: 'HTTPGetAction', description: 'HTTPGet specifies an HTTP GET request to perform.' },
      initialDelaySeconds: { type: 'integer', description: 'Number of seconds after the container has started before liveness probes are initiated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes' },
      periodSeconds: { type: 'integer', description: 'How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1.' },
      successThreshold: { type: 'integer', description: 'Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1. Must be 1 for liveness and startup. Minimum value is 1.' },
      tcpSocket: { type: 'TCPSocketAction', description: 'TCPSocket specifies a connection to a TCP port.' },
      timeoutSeconds: { type: 'integer', description: 'Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes' },
    },
  },
  ServiceSpec: {
    description: 'ServiceSpec describes the attributes that a user creates on a service.',
    fields: {
      clusterIP: { type: 'string', description: 'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).' },
      ports: { type: '[]ServicePort', description: 'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies' },
      selector: { type: 'map[string]string', description: 'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/' },
      type: {
        type: 'string',
        enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
        description: 'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
      },
    },
  },
  ServicePort: {
    description: "ServicePort contains information on service's port.",
    fields: {
      name: { type: 'string', description: "The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names. When considering the endpoints for a Service, this must match the 'name' field in the EndpointPort. Optional if only one ServicePort is defined on this service." },
      nodePort: { type: 'integer', description: 'The port on each node on which this service is exposed when type is NodePort or LoadBalancer.  Usually assigned by the system. More info: https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport' },
      port: { type: 'integer', description: 'The port that will be exposed by this service.', required: true },
      protocol: { type: 'string', enum: ['SCTP', 'TCP', 'UDP'], description: 'The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.' },
      targetPort: { type: 'IntOrString', description: "Number or name of the port to access on the pods targeted by the service. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If this is a string, it will be looked up as a named port in the target Pod's container ports. If this is not specified, the value of the 'port' field is used (an identity map). More info: https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service" },
    },
  },
  NodeSpec: {
    description: 'NodeSpec describes the attributes that a node is created with.',
    fields: {
      podCIDR: { type: 'string', description: 'PodCIDR represents the pod IP range assigned to the node.' },
      podCIDRs: { type: '[]string', description: "podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 1st entry must match the podCIDR field. It may contain at most 1 value for each of IPv4 and IPv6." },
      taints: { type: '[]Taint', description: "If specified, the node's taints." },
      unschedulable: { type: 'boolean', description: 'Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration' },
    },
  },
  Taint: {
    description: 'The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.',
    fields: {
      effect: { type: 'string', enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'], description: 'Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute.', required: true },
      key: { type: 'string', description: 'Required. The taint key to be applied to a node.', required: true },
      timeAdded: { type: 'string', description: 'TimeAdded represents the time at which the taint was added.' },
      value: { type: 'string', description: 'The taint value corresponding to the taint key.' },
    },
  },
  Toleration: {
    description: 'The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.',
    fields: {
      effect: { type: 'string', enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'], description: 'Effect indicates the taint effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.' },
      key: { type: 'string', description: 'Key is the taint key that the toleration applies to. Empty means match all taint keys. If the key is empty, operator must be Exists; this combination means to match all values and all keys.' },
      operator: { type: 'string', enum: ['Equal', 'Exists'], description: "Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal. Exists is equivalent to wildcard for value, so that a pod can tolerate all taints of a particular category." },
      tolerationSeconds: { type: 'integer', description: 'TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute, otherwise this field is ignored) tolerates the taint. By default, it is not set, which means tolerate the taint forever (do not evict). Zero and negative values will be treated as 0 (evict immediately) by the system.' },
      value: { type: 'string', description: 'Value is the taint value the toleration matches to. If the operator is Exists, the value should be empty, otherwise just a regular string.' },
    },
  },
};
