/**
 * Tab completion: command names, kubectl verbs and resource types, flags, and the names of
 * the objects in the player's town (pods, nodes, files, hand-started containers), read from
 * the room state. It only suggests: the server decides what a command does.
 */
export interface CompletionWorld {
  /** On a node after ssh (docker and the node tools), or on the workstation. */
  onNode: boolean;
  pods: string[];
  nodes: string[];
  apps: string[];
  files: string[];
  /** Containers started by hand on the node the shell is on. */
  containers: string[];
}

const WORKSTATION = ['kubectl', 'ssh', 'ls', 'cat', 'help', 'history', 'clear', 'echo', 'whoami', 'hostname', 'exit', 'cloud'];
const NODE = ['docker', 'df', 'free', 'uptime', 'systemctl', 'journalctl', 'crictl', 'reboot', 'shutdown', 'exit', 'logout', 'help', 'history', 'clear', 'echo', 'whoami', 'hostname', 'ssh', 'kubectl'];
const VERBS = ['get', 'describe', 'logs', 'delete', 'apply', 'cordon', 'uncordon', 'drain', 'scale', 'rollout', 'edit', 'explain', 'top', 'version', 'create', 'expose', 'label', 'set', 'api-resources', 'cluster-info'];
const TYPES = ['pods', 'nodes', 'deployments', 'replicasets', 'services', 'events', 'endpoints', 'daemonsets', 'namespaces', 'all'];
const ROLLOUT = ['status', 'undo', 'history', 'restart', 'pause', 'resume'];
const FLAGS = ['-n', '--namespace', '-A', '--all-namespaces', '-o', '--output', '-f', '--filename', '-l', '--selector', '-w', '--watch', '--replicas=', '--ignore-daemonsets', '--delete-emptydir-data', '--force', '--grace-period=', '--to-revision=', '--show-labels', '-c', '--container', '--previous', '--tail='];
const OUTPUTS = ['wide', 'yaml', 'json', 'name', 'jsonpath='];
const DOCKER = ['ps', 'images', 'restart', 'start', 'stop', 'logs', 'rm', 'rmi', 'pull', 'run', 'inspect', 'exec', 'kill', 'system', 'container', 'image', 'version', 'update'];
const CLOUD = ['servers'];
const CLOUD_SERVERS = ['list', 'create', 'delete'];

export interface Completion {
  /** Where the word being completed starts in the line. */
  start: number;
  candidates: string[];
}

export function complete(line: string, cursor: number, w: CompletionWorld): Completion {
  const head = line.slice(0, cursor);
  const start = head.search(/\S*$/);
  const word = head.slice(start);
  const before = head.slice(0, start).trim().split(/\s+/).filter(Boolean);
  const pick = (list: string[]) => ({ start, candidates: unique(list).filter((c) => c.startsWith(word)).sort() });
  if (!before.length) return pick(w.onNode ? NODE : WORKSTATION);
  const cmd = before[0] === 'sudo' ? before[1] : before[0];
  const args = before[0] === 'sudo' ? before.slice(2) : before.slice(1);
  const prev = before.at(-1) ?? '';
  switch (cmd) {
    case 'kubectl':
      return pick(kubectlWords(args, prev, word, w));
    case 'ssh':
      return pick(w.nodes);
    case 'cat':
      return pick(w.files);
    case 'docker':
      return pick(dockerWords(args, word, w));
    case 'cloud':
      return pick(args.length === 0 ? CLOUD : args[0] === 'servers' && args.length === 1 ? CLOUD_SERVERS : []);
    case 'journalctl':
    case 'systemctl':
      return pick(args.length === 0 && cmd === 'systemctl' ? ['status', 'restart', 'start', 'stop'] : ['kubelet', 'docker', '-u']);
    default:
      return { start, candidates: [] };
  }
}

function kubectlWords(args: string[], prev: string, word: string, w: CompletionWorld): string[] {
  if (word.startsWith('-')) return FLAGS;
  if (prev === '-n' || prev === '--namespace') return ['default', 'kube-system'];
  if (prev === '-f' || prev === '--filename') return w.files;
  if (prev === '-o' || prev === '--output') return OUTPUTS;
  const words = args.filter((a) => !a.startsWith('-'));
  const verb = words[0];
  if (!verb) return VERBS;
  const rest = words.slice(1);
  switch (verb) {
    case 'get':
    case 'describe':
    case 'delete':
    case 'edit':
    case 'label':
      if (!rest.length) return TYPES;
      return namesOf(rest[0], w);
    case 'logs':
      return w.pods;
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return w.nodes;
    case 'scale':
      return rest.length ? [] : [...w.apps.map((a) => `deployment/${a}`), 'deployment'];
    case 'rollout':
      if (!rest.length) return ROLLOUT;
      return w.apps.map((a) => `deployment/${a}`);
    case 'apply':
    case 'create':
      return ['-f'];
    case 'top':
      return rest.length ? namesOf(rest[0], w) : ['pods', 'nodes'];
    default:
      return [];
  }
}

function namesOf(type: string, w: CompletionWorld): string[] {
  switch (type.replace(/\/.*/, '')) {
    case 'pod':
    case 'pods':
    case 'po':
      return w.pods;
    case 'node':
    case 'nodes':
    case 'no':
      return w.nodes;
    case 'deployment':
    case 'deployments':
    case 'deploy':
    case 'service':
    case 'services':
    case 'svc':
      return w.apps;
    default:
      return [];
  }
}

function dockerWords(args: string[], word: string, w: CompletionWorld): string[] {
  if (word.startsWith('-')) return ['-a', '--all', '-d', '--name', '-p', '--restart', '-f', '--force', '--tail'];
  const words = args.filter((a) => !a.startsWith('-'));
  if (!words.length) return DOCKER;
  if (words[0] === 'system') return words.length === 1 ? ['prune', 'df'] : [];
  if (words[0] === 'container') return words.length === 1 ? ['prune', 'ls', 'rm'] : w.containers;
  if (words[0] === 'image') return words.length === 1 ? ['prune', 'ls', 'rm'] : [];
  if (['restart', 'start', 'stop', 'logs', 'rm', 'inspect', 'exec', 'kill', 'update'].includes(words[0])) return w.containers;
  return [];
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** The longest prefix every candidate shares. */
export function commonPrefix(list: string[]): string {
  if (!list.length) return '';
  let p = list[0];
  for (const s of list) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}
