/** Small builders shared by the manifest tests. */
import { parseManifests, type ManifestDoc } from '../../shared/manifests/index.js';

/** A Deployment manifest with a few fields swapped in. */
export function deployment(spec = '', meta = '  name: web\n'): string {
  return (
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n' +
    meta +
    'spec:\n' +
    (spec ||
      '  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n' +
        '    spec:\n      containers:\n      - name: app\n        image: web:1.0\n')
  );
}

/** The only document of a file, which must parse. */
export function only(text: string, file = 'web.yaml'): ManifestDoc {
  const r = parseManifests(file, text);
  if (r.error) throw new Error(`file error: ${r.error}`);
  if (r.docs.length !== 1) throw new Error(`expected 1 document, got ${r.docs.length}`);
  return r.docs[0];
}
