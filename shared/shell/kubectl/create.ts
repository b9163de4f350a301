/**
 * `kubectl create -f FILE` (imperative: an existing object is an error) and
 * `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P]`, which builds the
 * Deployment the way kubectl's generator does (labels `app=NAME`, a container named after
 * the image) and lets the API server default and validate it.
 */
import { parseManifests, serializeYaml } from '../../manifests/index.js';
import { ApiError, type AnyNewObject } from '../../sim/apiserver.js';
import { deepClone } from '../../sim/clone.js';
import { bool, int, str, strs } from '../flags.js';
import { toJson, toWire } from '../wire.js';
import { done, type Command, type Invocation } from './command.js';
import { KubectlError, usageError } from './errors.js';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, FILENAME_FLAG, LAST_APPLIED, lastAppliedOf, unreachable } from './apply.js';
import { aggregate, errorForms, requireFiles, validDocs, type Json } from './manifest-files.js';
import { namespaceExists } from './objects.js';
import { byKind, groupResource, qualifiedName } from './resources.js';

/** Real `kubectl create` subcommands the game does not simulate. */
const NOT_SIMULATED = ['clusterrole', 'clusterrolebinding', 'configmap', 'cm', 'cronjob', 'cj', 'ingress', 'ing', 'job', 'namespace', 'ns', 'poddisruptionbudget', 'pdb', 'priorityclass', 'pc', 'quota', 'role', 'rolebinding', 'secret', 'service', 'svc', 'serviceaccount', 'sa', 'token'];

const createDeployment: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  long: 'Create a deployment with the specified name.',
  examples: `  # Create a deployment named my-dep that runs the busybox image
  kubectl create deployment my-dep --image=busybox

  # Create a deployment with a command
  kubectl create deployment my-dep --image=busybox -- date

  # Create a deployment named my-dep that runs the nginx image with 3 replicas
  kubectl create deployment my-dep --image=nginx --replicas=3

  # Create a deployment named my-dep that runs the busybox image and expose port 5701
  kubectl create deployment my-dep --image=busybox --port=5701

  # Create a deployment named my-dep that runs multiple containers
  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`,
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'image', type: 'strings', default: [], usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
    { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name).' },
    { name: 'save-config', type: 'bool', default: false, usage: 'If true, the configuration of current object will be saved in its annotation.' },
  ],
  write: true,
  run: runCreateDeployment,
};

export const create: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
  examples: `  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json

  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -

  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  kubectl create -f registry.yaml --edit -o json`,
  usage: 'kubectl create -f FILENAME [options]',
  flags: [{ ...FILENAME_FLAG, usage: 'Filename, directory, or URL to files to use to create the resource' }, DRY_RUN_FLAG, { name: 'save-config', type: 'bool', default: false, usage: 'If true, the configuration of current object will be saved in its annotation.' }, { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (name).' }],
  sub: [createDeployment],
  write: true,
  run: runCreateFile,
};

function runCreateFile(inv: Invocation) {
  const files = strs(inv.flags, 'filename');
  if (!files.length && inv.args.length) {
    const w = inv.args[0];
    if (NOT_SIMULATED.includes(w)) throw new KubectlError(`error: "kubectl create ${w}" is a real kubectl command that Kubetown does not simulate (here: kubectl create deployment, kubectl create -f FILE)`);
    throw usageError('kubectl create', `unknown command "${inv.args.join(' ')}"`);
  }
  requireFiles(files);
  const dryRun = dryRunOf(str(inv.flags, 'dry-run'));
  const c = inv.cluster;
  let out = '';
  const errors: { single: string; multi: string }[] = [];
  for (const { file, object: obj, raw } of validDocs(inv.ctx, files, errors)) {
    const type = byKind(obj.kind);
    const ns = type.namespaced ? (obj.metadata.namespace || inv.namespace) : undefined;
    const down = unreachable(c, file, obj.kind, obj.metadata.name, ns ?? '');
    if (down) {
      errors.push(errorForms(down.text));
      continue;
    }
    if (c.store.get(obj.kind, obj.metadata.name, ns)) {
      const msg = `${groupResource(type)} ${JSON.stringify(obj.metadata.name)} already exists`;
      errors.push({ single: `Error from server (AlreadyExists): error when creating ${JSON.stringify(file)}: ${msg}`, multi: `error when creating ${JSON.stringify(file)}: ${msg}` });
      continue;
    }
    if (ns && !namespaceExists(c, ns)) {
      errors.push({ single: `Error from server (NotFound): error when creating ${JSON.stringify(file)}: namespaces "${ns}" not found`, multi: `error when creating ${JSON.stringify(file)}: namespaces "${ns}" not found` });
      continue;
    }
    if (dryRun === 'none') {
      const created = deepClone(obj) as AnyNewObject;
      if (ns) created.metadata.namespace = ns;
      if (bool(inv.flags, 'save-config')) created.metadata.annotations = { ...(created.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(raw ?? {}, ns) };
      c.api.create(created);
    }
    out += str(inv.flags, 'output') === 'name' ? `${qualifiedName(type, obj.metadata.name)}\n` : `${qualifiedName(type, obj.metadata.name)} created${dryRunSuffix(dryRun)}\n`;
    }
  return done(out + aggregate(errors), errors.length ? 1 : 0);
}

/** kubectl's container name for an image: the last path part, without tag or digest. */
export function containerNameFor(image: string): string {
  let name = image.split('/').at(-1) ?? image;
  name = name.split('@')[0].split(':')[0];
  return name.replace(/_/g, '-');
}

function runCreateDeployment(inv: Invocation) {
  const path = 'kubectl create deployment';
  if (inv.args.length !== 1) throw usageError(path, `exactly one NAME is required, got ${inv.args.length}`);
  const images = strs(inv.flags, 'image');
  if (!images.length) throw new KubectlError('error: required flag(s) "image" not set');
  const name = inv.args[0];
  const replicas = int(inv.flags, 'replicas');
  const port = int(inv.flags, 'port');
  const dryRun = dryRunOf(str(inv.flags, 'dry-run'));
  const o = str(inv.flags, 'output');
  if (o && !['yaml', 'json', 'name'].includes(o)) throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: json,name,yaml`);
  const labels = { app: name };
  const used = new Set<string>();
  const containers = images.map((image) => {
    let cname = containerNameFor(image);
    for (let i = 1; used.has(cname); i++) cname = `${containerNameFor(image)}-${i}`;
    used.add(cname);
    return { name: cname, image, resources: {} as Record<string, never> };
  });
  if (port >= 0) (containers[0] as Record<string, unknown>).ports = [{ containerPort: port }];
  const object = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels, name, ...(inv.flags.set.has('namespace') ? { namespace: inv.namespace } : {}) },
    spec: { replicas, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { creationTimestamp: null, labels }, spec: { containers } } },
    status: {},
  };
  if (dryRun === 'client' && (o === 'yaml' || o === 'json')) {
    const w = toWire(object, 0);
    return done(o === 'yaml' ? serializeYaml(w) : toJson(w));
  }
  const c = inv.cluster;
  c.api.check();
  // The API server defaults and validates it like any manifest.
  const { metadata, spec, ...rest } = object;
  const { creationTimestamp: _c, ...meta } = metadata;
  const { creationTimestamp: _t, ...tplMeta } = spec.template.metadata;
  const doc = parseManifests('', serializeYaml({ ...rest, metadata: meta, spec: { ...spec, template: { ...spec.template, metadata: tplMeta } } })).docs[0];
  if (!doc?.object) throw new KubectlError(`error: failed to create deployment: ${doc?.status?.message ?? doc?.error?.replace(/^error: /, '') ?? 'invalid object'}`);
  if (!namespaceExists(c, inv.namespace)) throw new KubectlError(`error: failed to create deployment: namespaces "${inv.namespace}" not found`);
  const qn = qualifiedName(byKind('Deployment'), name);
  if (dryRun === 'none') {
    const created = doc.object as AnyNewObject;
    created.metadata.namespace = inv.namespace;
    if (bool(inv.flags, 'save-config')) created.metadata.annotations = { [LAST_APPLIED]: lastAppliedOf({ ...rest, metadata: meta, spec: object.spec } as unknown as Record<string, Json>, inv.namespace) };
    try {
      c.api.create(created);
    } catch (e) {
      if (e instanceof ApiError) throw new KubectlError(`error: failed to create deployment: ${e.message}`);
      throw e;
    }
  }
  return done(o === 'name' ? `${qn}\n` : `${qn} created${dryRunSuffix(dryRun)}\n`);
}
