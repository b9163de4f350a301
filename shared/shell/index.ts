/**
 * The player's shell: reads a command line, runs the program it names where the player is
 * (their workstation, or a node after `ssh`), and returns what the terminal shows. Every
 * action in Kubetown — typed, clicked, or a bot's — goes through here.
 */
import { CONTROL_PLANE_NAME, KERNEL_VERSION, OS_IMAGE } from '../sim/bootstrap.js';
import type { Machine } from '../sim/runtime/machine.js';
import { suggest } from './flags.js';
import { kubectl } from './kubectl/index.js';
import { nodePrograms } from './node/index.js';
import { connectionLost } from './node/session.js';
import { tokenize } from './tokenize.js';
import { lines, result, type Command, type Session, type ShellContext, type ShellResult } from './types.js';
import { describeTime } from './duration.js';

export type { Session, ShellContext, ShellResult } from './types.js';

/** The longest command line the shell accepts. */
export const MAX_LINE = 4096;
const HISTORY = 200;

export function newSession(user = 'you', files: Record<string, string> = {}): Session {
  return { user, files: new Map(Object.entries(files)), history: [] };
}

/** `you@town:~$` on the workstation, `root@node-1:~#` on a node. */
export function prompt(s: Session): string {
  return s.host ? `root@${s.host}:~# ` : `${s.user}@town:~$ `;
}

/** What every shell has, wherever the player is. */
const everywhere: Record<string, Command> = {
  help: { run: help, help: 'this list' },
  history: { run: history, help: 'the commands you typed' },
  clear: { run: () => ({ ...result(''), clear: true }), help: 'clear the screen' },
  echo: { run: (_c, a) => result(`${a.join(' ')}\n`, 0, 'none'), help: 'print its arguments' },
};

const workstation: Record<string, Command> = {
  kubectl: { run: kubectl, help: 'talk to the cluster: kubectl get pods, kubectl apply -f web.yaml, ...' },
  ssh: { run: ssh, help: 'open a shell on a node: ssh node-1' },
  ls: { run: ls, help: 'list your manifest files' },
  cat: { run: cat, help: 'print a file: cat web.yaml' },
  ...everywhere,
  whoami: { run: (c) => result(`${c.session.user}\n`, 0, 'none'), help: 'who you are' },
  hostname: { run: (c) => result(`${c.session.host ?? 'town'}\n`, 0, 'none'), help: 'where you are' },
  exit: { run: exit, help: 'leave an ssh session' },
};

const onNode: Record<string, Command> = {
  ...nodePrograms,
  ls: { run: (c) => result(c.session.host === CONTROL_PLANE_NAME ? 'admin.conf\n' : '', 0, 'none'), help: 'list files here' },
  ...everywhere,
  whoami: { run: () => result('root\n', 0, 'none'), help: 'who you are' },
  hostname: { run: (c) => result(`${c.session.host}\n`, 0, 'none'), help: 'where you are' },
  exit: { run: exit, help: 'back to your workstation' },
  logout: { run: exit, help: 'back to your workstation' },
  ssh: { run: ssh, help: 'open a shell on another node' },
  kubectl: { run: kubectlOnNode, help: 'kubectl (works on the control plane, where admin.conf lives)' },
};

/** Runs one command line. Never throws: a bug in a command is reported, not raised. */
export function execute(ctx: ShellContext, line: string): ShellResult {
  const s = ctx.session;
  if (line.length > MAX_LINE) return result(`bash: command line too long (${line.length} > ${MAX_LINE} characters)\n`, 2, 'none');
  const trimmed = line.trim();
  if (trimmed) {
    s.history.push(trimmed);
    if (s.history.length > HISTORY) s.history.splice(0, s.history.length - HISTORY);
  }
  // An ssh session dies with its node.
  const dropped = checkSession(ctx);
  if (dropped) return dropped;
  const tok = tokenize(trimmed);
  if (!tok.ok) return result(`bash: ${tok.error}\n`, 2, 'none');
  let words = tok.words;
  if (!words.length) return result('', 0, 'none');
  if (words[0] === 'sudo') {
    if (!s.host) return result(`[sudo] password for ${s.user}: \nSorry, ${s.user} is not in the sudoers file. This incident will be reported.\n`, 1, 'none');
    words = words.slice(1);
    if (!words.length) return result('usage: sudo command\n', 1, 'none');
  }
  const table = s.host ? onNode : { ...workstation, ...(ctx.programs ?? {}) };
  const name = words[0];
  const cmd = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (!cmd) return notFound(name, Object.keys(table), !!s.host);
  try {
    return cmd.run(ctx, words.slice(1), trimmed);
  } catch (e) {
    return result(`${name}: internal error: ${(e as Error).message}\n`, 1, 'none');
  }
}

function notFound(name: string, known: string[], onNodeHost: boolean): ShellResult {
  const near = suggest(name, known, 2).filter((k) => k !== name);
  let text = `${name}: command not found\n`;
  if (near.length) text = `Command '${name}' not found, did you mean:\n${near.map((n) => `  command '${n}'`).join('\n')}\n`;
  else if (!onNodeHost && ['docker', 'df', 'free', 'systemctl', 'uptime', 'journalctl'].includes(name)) text += `(${name} runs on the servers: ssh node-1 first)\n`;
  else if (onNodeHost && ['cat', 'vi', 'nano'].includes(name)) text += '(your manifest files are on your workstation: exit first)\n';
  return result(text, 127, 'none');
}

function help(ctx: ShellContext): ShellResult {
  const table = ctx.session.host ? onNode : { ...workstation, ...(ctx.programs ?? {}) };
  const where = ctx.session.host ? `You are on ${ctx.session.host}, as root.` : 'You are on your workstation.';
  const rows = Object.entries(table)
    .filter(([n]) => n !== 'logout')
    .map(([n, c]) => `  ${n.padEnd(10)} ${c.help}`);
  const tips = ctx.session.host
    ? '\nBy hand: docker ps -a, docker logs web, docker restart web, docker run -d --name web -p 80:8080 web:1.0\n'
    : '\nDeclare it: kubectl apply -f web.yaml, then watch kubectl get pods. By hand: ssh node-1.\n';
  return result(`${where} Commands:\n${rows.join('\n')}\n${tips}`, 0, 'none');
}

function history(ctx: ShellContext): ShellResult {
  const h = ctx.session.history;
  return result(h.map((l, i) => `${String(i + 1).padStart(5)}  ${l}`).join('\n') + (h.length ? '\n' : ''), 0, 'none');
}

function ls(ctx: ShellContext, args: string[]): ShellResult {
  const names = [...ctx.session.files.keys()].sort();
  if (args.some((a) => a === '-l' || a === '-la' || a === '-al')) {
    const rows = names.map((n) => `-rw-r--r-- 1 ${ctx.session.user} ${ctx.session.user} ${String(ctx.session.files.get(n)!.length).padStart(5)} Mar 13 23:58 ${n}`);
    return result(`total ${names.length * 4}\n${rows.join('\n')}${rows.length ? '\n' : ''}`, 0, 'none');
  }
  return result(names.length ? `${names.join('  ')}\n` : '', 0, 'none');
}

function cat(ctx: ShellContext, args: string[]): ShellResult {
  if (!args.length) return result('cat: missing file operand\n', 1, 'none');
  let out = '';
  let code = 0;
  for (const a of args) {
    const f = ctx.session.files.get(a);
    if (f === undefined) {
      out += `cat: ${a}: No such file or directory\n`;
      code = 1;
    } else out += lines(f);
  }
  return result(out, code, 'none');
}

function machineFor(ctx: ShellContext, target: string): Machine | undefined {
  const host = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
  for (const m of ctx.cluster.machines.values()) if (m.name === host || m.spec.ip === host) return m;
  return undefined;
}

function ssh(ctx: ShellContext, args: string[]): ShellResult {
  const target = args.find((a) => !a.startsWith('-'));
  if (!target) return result('usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           destination [command [argument ...]]\n', 255, 'none');
  const host = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
  const m = machineFor(ctx, target);
  if (!m) return result(`ssh: Could not resolve hostname ${host}: Temporary failure in name resolution\n`, 255, 'none');
  if (m.power === 'off') return { text: `ssh: connect to host ${host} port 22: Connection timed out\n`, exitCode: 255, busyMs: 20_000, progress: `ssh ${host}`, effect: 'none' };
  if (m.power === 'booting') return { text: `ssh: connect to host ${host} port 22: Connection refused\n`, exitCode: 255, busyMs: 500, effect: 'none' };
  ctx.session.host = m.name;
  ctx.session.hostBootId = m.bootId;
  const now = ctx.cluster.now;
  const used = Math.round((m.diskUsed() / m.spec.diskBytes) * 100);
  const motd =
    `Welcome to ${OS_IMAGE} (GNU/Linux ${KERNEL_VERSION} x86_64)\n\n` +
    `  System load:  0.${String(8 + (now % 7)).padStart(2, '0')}              Processes:             ${120 + m.docker.containers.size}\n` +
    `  Usage of /:   ${used}% of ${Math.round(m.spec.diskBytes / 1024 ** 3)}GB   Users logged in:       0\n\n` +
    `Last login: ${describeTime(now - 3 * 3600_000 - 17 * 60_000, ctx.cluster.epochMs).replace(/ \+0000$/, '')} from 10.0.0.2\n`;
  return { text: motd, exitCode: 0, busyMs: 300, effect: 'none' };
}

function exit(ctx: ShellContext): ShellResult {
  const host = ctx.session.host;
  if (!host) return result('There is no ssh session to leave: you are on your workstation.\n', 1, 'none');
  ctx.session.host = undefined;
  ctx.session.hostBootId = undefined;
  return result(`logout\nConnection to ${host} closed.\n`, 0, 'none');
}

function kubectlOnNode(ctx: ShellContext, args: string[], line: string): ShellResult {
  if (ctx.session.host === CONTROL_PLANE_NAME) return kubectl(ctx, args, line);
  return result('E0314 03:00:00.000000    2117 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?\n', 1, 'none');
}

/** The node under an ssh session lost power or rebooted: the session is gone. */
function checkSession(ctx: ShellContext): ShellResult | undefined {
  const s = ctx.session;
  if (!s.host) return undefined;
  const m = ctx.cluster.machines.get(s.host);
  if (m && m.isOn && m.bootId === s.hostBootId) return undefined;
  const host = s.host;
  s.host = undefined;
  s.hostBootId = undefined;
  return result(connectionLost(host), 255, 'none');
}
