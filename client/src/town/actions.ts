/**
 * What a click on the town offers: each action is the real command line(s) a player would
 * type, run in the terminal for everyone to see. Kubernetes actions run from the workstation,
 * by-hand ones from an ssh session on the node.
 */
export interface TownAction {
  id: string;
  /** Translation key of the button's words. */
  label: string;
  lines: string[];
  danger?: boolean;
}

/** The node the terminal is on (`root@node-2:~# `), if any. */
export function hostOf(prompt: string): string | undefined {
  return /^root@([^:]+):/.exec(prompt)?.[1];
}

/** Kubectl runs from the workstation: leave an ssh session first. */
function fromWorkstation(lines: string[], host: string | undefined): string[] {
  return host ? ['exit', ...lines] : lines;
}

/** Docker runs on the node: ssh there first (leaving another node if needed). */
function onNode(node: string, lines: string[], host: string | undefined): string[] {
  if (host === node) return lines;
  return [...(host ? ['exit'] : []), `ssh ${node}`, ...lines];
}

export function podActions(p: { name: string; namespace: string }, prompt: string): TownAction[] {
  const ns = p.namespace && p.namespace !== 'default' ? ` -n ${p.namespace}` : '';
  const host = hostOf(prompt);
  return [
    { id: 'describe', label: 'actions.describe', lines: fromWorkstation([`kubectl describe pod ${p.name}${ns}`], host) },
    { id: 'logs', label: 'actions.logs', lines: fromWorkstation([`kubectl logs ${p.name}${ns}`], host) },
    { id: 'delete', label: 'actions.deletePod', lines: fromWorkstation([`kubectl delete pod ${p.name}${ns}`], host), danger: true },
  ];
}

export function nodeActions(n: { name: string; role: string; cordoned: boolean }, prompt: string): TownAction[] {
  const host = hostOf(prompt);
  const list: TownAction[] = [{ id: 'describe', label: 'actions.describeNode', lines: fromWorkstation([`kubectl describe node ${n.name}`], host) }];
  if (n.role !== 'control-plane') {
    list.push(
      n.cordoned
        ? { id: 'uncordon', label: 'actions.uncordon', lines: fromWorkstation([`kubectl uncordon ${n.name}`], host) }
        : { id: 'cordon', label: 'actions.cordon', lines: fromWorkstation([`kubectl cordon ${n.name}`], host) },
      { id: 'drain', label: 'actions.drain', lines: fromWorkstation([`kubectl drain ${n.name} --ignore-daemonsets`], host), danger: true },
    );
  }
  if (host !== n.name) list.push({ id: 'ssh', label: 'actions.ssh', lines: [...(host ? ['exit'] : []), `ssh ${n.name}`] });
  list.push({ id: 'ps', label: 'actions.dockerPs', lines: onNode(n.name, ['docker ps -a'], host) });
  return list;
}

export function handActions(node: string, name: string, prompt: string): TownAction[] {
  const host = hostOf(prompt);
  return [
    { id: 'restart', label: 'actions.dockerRestart', lines: onNode(node, [`docker restart ${name}`], host) },
    { id: 'logs', label: 'actions.dockerLogs', lines: onNode(node, [`docker logs --tail 20 ${name}`], host) },
    { id: 'ps', label: 'actions.dockerPs', lines: onNode(node, ['docker ps -a'], host) },
  ];
}
