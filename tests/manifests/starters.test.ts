import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests, serializeYaml } from '../../shared/manifests/index.js';
import type { Deployment, Pod, Service } from '../../shared/sim/api/types.js';

const dir = path.resolve(__dirname, '../../assets/manifests');
const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');

describe('starter manifests', () => {
  it('web-deployment.yaml: three replicas of web:1.0', () => {
    const r = parseManifests('web-deployment.yaml', read('web-deployment.yaml'));
    expect(r.error).toBeUndefined();
    expect(r.docs).toHaveLength(1);
    expect(r.docs[0].error).toBeUndefined();
    const d = r.docs[0].object as unknown as Deployment;
    expect(d.kind).toBe('Deployment');
    expect(d.metadata.name).toBe('web');
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    const c = d.spec.template.spec.containers;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ name: 'app', image: 'web:1.0', ports: [{ containerPort: 8080, protocol: 'TCP' }] });
    expect(c[0].resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } });
  });

  it('web-service.yaml: port 80 to 8080 on app=web', () => {
    const r = parseManifests('web-service.yaml', read('web-service.yaml'));
    const s = r.docs[0].object as unknown as Service;
    expect(r.docs[0].error).toBeUndefined();
    expect(s.spec.selector).toEqual({ app: 'web' });
    expect(s.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 8080 }]);
  });

  it('sidecar-pod.yaml: nginx with a fluent-bit sidecar', () => {
    const r = parseManifests('sidecar-pod.yaml', read('sidecar-pod.yaml'));
    const p = r.docs[0].object as unknown as Pod;
    expect(r.docs[0].error).toBeUndefined();
    expect(p.metadata.name).toBe('my-pod');
    expect(p.spec.containers.map((c) => [c.name, c.image, c.imagePullPolicy])).toEqual([
      ['app', 'nginx:1.14.2', 'IfNotPresent'],
      ['sidecar', 'fluent/fluent-bit', 'Always'],
    ]);
  });

  it('all three in one file, with document lines', () => {
    const text = ['web-deployment.yaml', 'web-service.yaml', 'sidecar-pod.yaml'].map(read).join('---\n');
    const r = parseManifests('town.yaml', `---\n${text}\n---\n\n---\n`);
    expect(r.error).toBeUndefined();
    expect(r.docs.map((d) => [d.kind, d.name, d.error])).toEqual([
      ['Deployment', 'web', undefined],
      ['Service', 'web', undefined],
      ['Pod', 'my-pod', undefined],
    ]);
    expect(r.docs[1].line).toBeGreaterThan(r.docs[0].line);
  });

  it('serializes like kubectl get -o yaml', () => {
    const r = parseManifests('web-service.yaml', read('web-service.yaml'));
    expect(serializeYaml(r.docs[0].object)).toBe(
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: web',
        'spec:',
        '  internalTrafficPolicy: Cluster',
        '  ipFamilies:',
        '  - IPv4',
        '  ipFamilyPolicy: SingleStack',
        '  ports:',
        '  - port: 80',
        '    protocol: TCP',
        '    targetPort: 8080',
        '  selector:',
        '    app: web',
        '  sessionAffinity: None',
        '  type: ClusterIP',
        'status:',
        '  loadBalancer: {}',
        '',
      ].join('\n'),
    );
    expect(serializeYaml({ value: 'yes', port: '8080', long: 'x '.repeat(100).trim(), empty: {} })).toBe(
      `value: "yes"\nport: "8080"\nlong: ${'x '.repeat(100).trim()}\nempty: {}\n`,
    );
  });
});
