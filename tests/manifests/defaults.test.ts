import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, Service } from '../../shared/sim/api/types.js';
import { deployment, only } from './helpers.js';

describe('defaults, as the API server sets them', () => {
  it('Deployment: replicas, strategy, history, deadline; PodSpec and container defaults', () => {
    const d = only(deployment().replace('  replicas: 3\n', '')).object as unknown as Deployment;
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    const spec = d.spec.template.spec;
    expect(spec.restartPolicy).toBe('Always');
    expect(spec.terminationGracePeriodSeconds).toBe(30);
    expect(spec.dnsPolicy).toBe('ClusterFirst');
    expect(spec.schedulerName).toBe('default-scheduler');
    expect(spec.securityContext).toEqual({});
    // SetDefaults_Pod, not SetDefaults_PodSpec: templates do not get it.
    expect(spec.enableServiceLinks).toBeUndefined();
    expect(spec.tolerations).toBeUndefined();
    const c = spec.containers[0];
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.terminationMessagePath).toBe('/dev/termination-log');
    expect(c.terminationMessagePolicy).toBe('File');
    expect(c.resources).toEqual({});
    expect(d.status).toEqual({});
    expect(d.metadata.uid).toBeUndefined();
  });

  it('Recreate gets no rollingUpdate', () => {
    const d = only(deployment().replace('  replicas: 3\n', '  replicas: 3\n  strategy:\n    type: Recreate\n')).object as unknown as Deployment;
    expect(d.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('pull policy: Always for latest or no tag, IfNotPresent otherwise', () => {
    const policy = (image: string) =>
      (only(deployment().replace('web:1.0', image)).object as unknown as Deployment).spec.template.spec.containers[0].imagePullPolicy;
    expect(policy('nginx')).toBe('Always');
    expect(policy('nginx:latest')).toBe('Always');
    expect(policy('nginx:1.25')).toBe('IfNotPresent');
    expect(policy('localhost:5000/web')).toBe('Always');
    expect(policy('registry.io:5000/team/web:2')).toBe('IfNotPresent');
    expect(policy('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')).toBe('IfNotPresent');
  });

  it('Pod: enableServiceLinks, port protocol, requests copied from limits, canonical quantities', () => {
    const p = only(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x:1\n    ports:\n    - containerPort: 80\n' +
        '    resources:\n      limits:\n        cpu: 0.5\n        memory: 2048Mi\n',
    ).object as unknown as Pod;
    expect(p.spec.enableServiceLinks).toBe(true);
    expect(p.spec.containers[0].ports?.[0].protocol).toBe('TCP');
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '2Gi' }, requests: { cpu: '500m', memory: '2Gi' } });
    expect(p.status.phase).toBe('Pending');
  });

  it('probes get their timings and HTTP defaults', () => {
    const d = only(deployment().replace('image: web:1.0', 'image: web:1.0\n        readinessProbe:\n          httpGet:\n            port: 8080')).object as unknown as Deployment;
    expect(d.spec.template.spec.containers[0].readinessProbe).toEqual({
      failureThreshold: 3,
      httpGet: { path: '/', port: 8080, scheme: 'HTTP' },
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    });
  });

  it('Service: type, affinity, protocol, targetPort, IP family, traffic policy; no clusterIP', () => {
    const s = only('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n').object as unknown as Service;
    expect(s.spec).toEqual({
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('keys come out sorted, as kubectl shows objects', () => {
    const d = only(deployment()).object!;
    expect(Object.keys(d)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  });
});
