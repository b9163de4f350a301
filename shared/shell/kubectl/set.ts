/**
 * `kubectl set image deployment/web app=web:1.1`: a new pod template, which the Deployment
 * controller rolls out as a new ReplicaSet.
 */
import type { Deployment } from '../../sim/api/types.js';
import { str } from '../flags.js';
import { done, type Command } from './command.js';
import { notFoundText, usageError } from './errors.js';
import { groupResource, qualifiedName } from './resources.js';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG } from './apply.js';
import { SELECTOR_FLAG, targets } from './scale.js';

const setImage: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj),
replicaset (rs)`,
  examples: `  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1

  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  kubectl set image deployments,rc nginx=nginx:1.9.1 --all

  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  kubectl set image daemonset abc *=nginx:1.9.1`,
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources, in the namespace of the specified resource types' },
    DRY_RUN_FLAG,
    { name: 'record', type: 'bool', default: false, usage: 'Record current kubectl command in the resource annotation.' },
    SELECTOR_FLAG,
  ],
  write: true,
  run(inv) {
    const path = 'kubectl set image';
    const pairs = inv.args.filter((a) => a.includes('='));
    const resources = inv.args.filter((a) => !a.includes('='));
    if (!resources.length) throw usageError(path, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (!pairs.length) throw usageError(path, 'at least one image update is required');
    const images = new Map<string, string>();
    for (const p of pairs) {
      const [k, v] = [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)];
      if (!k || !v) throw usageError(path, `invalid image update ${p}: expected CONTAINER=IMAGE`);
      images.set(k, v);
    }
    const dryRun = dryRunOf(str(inv.flags, 'dry-run'));
    let out = inv.flags.set.has('record') ? 'Flag --record has been deprecated, --record will be removed in the future\n' : '';
    const errors: string[] = [];
    for (const t of targets({ ...inv, args: resources }, path)) {
      if (!t.obj) {
        errors.push(notFoundText(groupResource(t.type), t.name));
        continue;
      }
      if (t.type.kind !== 'Deployment') {
        errors.push(`error: setting the image of ${t.type.plural} is not simulated in Kubetown (set it on the Deployment)`);
        continue;
      }
      const d = t.obj as Deployment;
      const ctrs = d.spec.template.spec.containers;
      for (const name of images.keys()) {
        if (name !== '*' && !ctrs.some((ct) => ct.name === name)) errors.push(`error: unable to find container named "${name}"`);
      }
      if (errors.length) continue;
      const next = ctrs.map((ct) => (images.has(ct.name) ? { ...ct, image: images.get(ct.name)! } : images.has('*') ? { ...ct, image: images.get('*')! } : ct));
      // No change, no patch: kubectl prints nothing for it.
      if (next.every((ct, i) => ct.image === ctrs[i].image)) continue;
      if (dryRun === 'none') {
        d.spec.template = { ...d.spec.template, spec: { ...d.spec.template.spec, containers: next } };
        inv.cluster.api.update(d, true);
      }
      out += `${qualifiedName(t.type, t.name)} image updated${dryRunSuffix(dryRun)}\n`;
    }
    if (errors.length) out += `${errors.join('\n')}\n`;
    return done(out, errors.length ? 1 : 0);
  },
};

export const set: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  sub: [setImage],
};
