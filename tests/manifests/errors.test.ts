import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../shared/manifests/index.js';
import { QUANTITY_ERROR } from '../../shared/sim/api/quantity.js';
import { deployment, only } from './helpers.js';

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('YAML syntax errors reject the whole file, in go-yaml words', () => {
  it('mapping values on line 12, with the column of the colon', () => {
    const text = deployment().split('\n');
    text[11] = '      labels: app: web'; // line 12
    const r = parseManifests('web.yaml', text.join('\n'));
    expect(r.error).toBe(
      'error: error parsing web.yaml: error converting YAML to JSON: yaml: line 12: mapping values are not allowed in this context',
    );
    expect(r.docs).toEqual([]);
    expect([r.errorLine, r.errorColumn]).toEqual([12, 18]);
  });

  it('a key indented one space too little: go-yaml names the line before', () => {
    const r = parseManifests('web.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n labels: {}\n');
    expect(r.error).toBe('error: error parsing web.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key');
    expect([r.errorLine, r.errorColumn]).toEqual([5, 2]);
  });

  it('a list item that lost its dash', () => {
    const r = parseManifests('pod.yaml', 'spec:\n  containers:\n    - name: a\n      image: x\n    name: b\n');
    expect(r.error).toBe("error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: did not find expected '-' indicator");
  });

  it('a tab used for indentation', () => {
    const r = parseManifests('pod.yaml', 'metadata:\n\tname: p\n');
    expect(r.error).toBe('error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 2: found character that cannot start any token');
    expect([r.errorLine, r.errorColumn]).toEqual([2, 1]);
  });

  it("a key without its colon: could not find expected ':'", () => {
    const r = parseManifests('svc.yaml', 'apiVersion: v1\nkind\nmetadata:\n  name: web\n');
    expect(r.error).toBe("error: error parsing svc.yaml: error converting YAML to JSON: yaml: line 3: could not find expected ':'");
  });

  it('an error on the first line of a document carries no line number, like go-yaml', () => {
    const r = parseManifests('web.yaml', 'kind: Pod: x\n');
    expect(r.error).toBe('error: error parsing web.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context');
    expect(r.errorLine).toBe(1);
  });

  it('counts lines from the start of the document, as kubectl does, but marks the file line', () => {
    const r = parseManifests('two.yaml', 'apiVersion: v1\nkind: Pod\n---\nmetadata:\n  name: x: y\n');
    expect(r.error).toBe('error: error parsing two.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context');
    expect(r.errorLine).toBe(5);
  });

  it('an unclosed quote', () => {
    const r = parseManifests('p.yaml', 'metadata:\n  name: "web\n');
    expect(r.error).toBe('error: error parsing p.yaml: error converting YAML to JSON: yaml: line 3: found unexpected end of stream');
  });

  it('a bad document separator', () => {
    const r = parseManifests('p.yaml', 'a: 1\n--- b: 2\n');
    expect(r.error).toBe('error: error parsing p.yaml: invalid Yaml document separator: b: 2');
    expect(r.errorLine).toBe(2);
  });
});

describe('client-side validation and mapping', () => {
  it('missing apiVersion and kind', () => {
    const d = only('metadata:\n  name: web\n');
    expect(d.error).toBe(
      'error: error validating "web.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    expect(d.stopsFile).toBe(true);
  });

  it('one missing field is not bracketed', () => {
    expect(only('apiVersion: v1\nmetadata: {name: x}\n').error).toBe(
      'error: error validating "web.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  it('a misspelt kind', () => {
    const d = only(deployment().replace('kind: Deployment', 'kind: Deploymnt'));
    expect(d.error).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "web.yaml": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first',
    );
    expect(d.errorLine).toBe(2);
  });

  it('a Deployment in the core group', () => {
    expect(only(deployment().replace('apps/v1', 'v1')).error).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "web.yaml": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first',
    );
  });

  it('a missing name', () => {
    expect(only(deployment('', '  labels: {app: web}\n')).error).toBe(
      'error: error when retrieving current configuration of:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "", Namespace: "default"\nfrom server for: "web.yaml": resource name may not be empty',
    );
  });

  it('generateName cannot be applied', () => {
    expect(only(deployment('', '  generateName: web-\n')).error).toBe('error: from web-: cannot use generate name with apply');
  });
});

describe('strict decoding on the server', () => {
  it('an unknown field', () => {
    const d = only(deployment().replace('replicas: 3', 'replicass: 3'));
    expect(d.error).toBe(
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"',
    );
    expect(d.status).toEqual({
      reason: 'BadRequest',
      message: 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"',
    });
    expect([d.errorLine, d.errorColumn]).toEqual([6, 3]);
  });

  it('unknown fields inside lists carry the index, all listed in key order', () => {
    const d = only(deployment().replace('image: web:1.0', 'imagee: web:1.0').replace('replicas: 3', 'replicass: 3'));
    expect(d.error).toBe(
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass", unknown field "spec.template.spec.containers[0].imagee"',
    );
  });

  it('a string where an int32 goes', () => {
    expect(only(deployment().replace('replicas: 3', 'replicas: "3"')).error).toBe(
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('a number where a string goes (env values)', () => {
    const d = only(deployment().replace('image: web:1.0', 'image: web:1.0\n        env:\n        - name: PORT\n          value: 8080'));
    expect(d.error).toBe(
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    );
  });

  it('YAML 1.1 booleans reach the server as booleans', () => {
    const d = only(deployment().replace('app: web\n    spec', 'app: web\n        debug: yes\n    spec'));
    expect(d.error).toContain('json: cannot unmarshal bool into Go struct field ObjectMeta.spec.template.metadata.labels of type string');
  });

  it('a fractional replica count', () => {
    expect(only(deployment().replace('replicas: 3', 'replicas: 1.5')).error).toContain(
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('a list where an object goes', () => {
    expect(only(deployment().replace('  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n', '  replicas: 3\n  selector: [app]\n')).error).toContain(
      'json: cannot unmarshal array into Go struct field DeploymentSpec.spec.selector of type v1.LabelSelector',
    );
  });

  it('a bad quantity', () => {
    const d = only('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    resources:\n      limits:\n        memory: lots\n');
    expect(d.error).toBe(`Error from server (BadRequest): error when creating "web.yaml": Pod in version "v1" cannot be handled as a Pod: ${QUANTITY_ERROR}`);
    expect(d.errorLine).toBe(11);
  });

  it('quantities with an unknown suffix', () => {
    const d = only('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    resources:\n      limits:\n        memory: 1ki\n');
    expect(d.error).toContain("cannot be handled as a Pod: unable to parse quantity's suffix");
  });
});

describe('field validation on the server', () => {
  it('an invalid object name', () => {
    const d = only(deployment('', '  name: My_App\n'));
    expect(d.error).toBe(`The Deployment "My_App" is invalid: metadata.name: Invalid value: "My_App": ${SUBDOMAIN}`);
    expect(d.status?.message).toBe(`Deployment.apps "My_App" is invalid: metadata.name: Invalid value: "My_App": ${SUBDOMAIN}`);
    expect(d.errorLine).toBe(4);
  });

  it('Service names are DNS-1035 labels', () => {
    const d = only('apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports:\n  - port: 80\n');
    expect(d.error).toBe(`The Service "1web" is invalid: metadata.name: Invalid value: "1web": ${DNS1035}`);
  });

  it('container names are DNS-1123 labels', () => {
    const d = only(deployment().replace('- name: app', '- name: App'));
    expect(d.error).toBe(`The Deployment "web" is invalid: spec.template.spec.containers[0].name: Invalid value: "App": ${LABEL}`);
  });

  it('negative replicas', () => {
    expect(only(deployment().replace('replicas: 3', 'replicas: -1')).error).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('a selector that does not match the template', () => {
    const d = only(deployment().replace('        app: web\n', '        app: api\n'));
    expect(d.error).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`',
    );
  });

  it('a missing selector also fails the template match, as in a real cluster', () => {
    const d = only(deployment().replace('  selector:\n    matchLabels:\n      app: web\n', ''));
    expect(d.error).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    );
    expect(d.status).toEqual({
      reason: 'Invalid',
      message:
        'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`]',
      causes: ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
    });
  });

  it('an empty selector', () => {
    expect(only(deployment().replace('  selector:\n    matchLabels:\n      app: web\n', '  selector: {}\n')).error).toContain(
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    );
  });

  it('a missing image', () => {
    expect(only(deployment().replace('        image: web:1.0\n', '')).error).toBe(
      'The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value',
    );
  });

  it('no containers', () => {
    expect(only(deployment().replace('      containers:\n      - name: app\n        image: web:1.0\n', '      containers: []\n')).error).toBe(
      'The Deployment "web" is invalid: spec.template.spec.containers: Required value',
    );
  });

  it('ports out of range', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    ports:\n    - containerPort: 70000\n';
    expect(only(pod).error).toBe('The Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive');
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 0\n    targetPort: 8080\n';
    expect(only(svc).error).toBe('The Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive');
  });

  it('duplicate container names', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n  - name: a\n    image: z\n';
    expect(only(pod).error).toBe('The Pod "p" is invalid: spec.containers[1].name: Duplicate value: "a"');
  });

  it('a Deployment must restart its pods Always', () => {
    expect(only(deployment().replace('    spec:\n      containers', '    spec:\n      restartPolicy: Never\n      containers')).error).toBe(
      'The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    );
  });

  it('requests above limits', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    resources:\n      requests: {memory: 1Gi}\n      limits: {memory: 512Mi}\n';
    expect(only(pod).error).toBe('The Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi');
  });

  it('a Service needs ports', () => {
    expect(only('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n').error).toBe(
      'The Service "web" is invalid: spec.ports: Required value',
    );
  });
});

describe('documents are judged one by one', () => {
  it('a bad document does not spoil the good ones', () => {
    const good = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n';
    const r = parseManifests('all.yaml', `${good}---\n${deployment().replace('replicas: 3', 'replicas: -2')}---\n${good.replace('web', 'api')}`);
    expect(r.error).toBeUndefined();
    expect(r.docs.map((d) => [d.kind, d.name, d.error === undefined, d.line])).toEqual([
      ['Service', 'web', true, 1],
      ['Deployment', 'web', false, 9],
      ['Service', 'api', true, 27],
    ]);
  });
});
