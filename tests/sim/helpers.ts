/** Test helpers: a Deployment as `kubectl create deployment` would make it, and clock utilities. */
import type { Deployment, Pod } from '../../shared/sim/api/types.js';
import type { NewObject } from '../../shared/sim/apiserver.js';
import { isPodReady } from '../../shared/sim/api/pods.js';
import type { Cluster } from '../../shared/sim/cluster.js';

export function deployment(name: string, replicas: number, image: string, extra: Partial<Deployment['spec']> = {}, containerExtra: Record<string, unknown> = {}): NewObject<Deployment> {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name: 'app', image, imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 8080, protocol: 'TCP' }], resources: { requests: { cpu: '250m', memory: '256Mi' } }, ...containerExtra }],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          schedulerName: 'default-scheduler',
        },
      },
      ...extra,
    },
    status: {},
  };
}

export function podsOf(c: Cluster, app: string): Pod[] {
  return c.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === app);
}

export function readyPods(c: Cluster, app: string): Pod[] {
  return podsOf(c, app).filter((p) => isPodReady(p) && p.metadata.deletionTimestamp === undefined);
}

/** Advances in `step` ms increments until `cond` holds; returns the sim time it first held. */
export function advanceUntil(c: Cluster, cond: () => boolean, maxMs: number, step = 1000): number {
  const end = c.now + maxMs;
  while (!cond()) {
    if (c.now >= end) throw new Error(`condition not met within ${maxMs} ms (now ${c.now})`);
    c.advance(step);
  }
  return c.now;
}
