/** `reboot`: the node goes down and boots again; the ssh session goes with it. */
import { result, type Program } from '../types.js';
import { systemdTime } from './clock.js';
import { endSession, hostMachine } from './session.js';

export const reboot: Program = (ctx, args) => {
  const m = hostMachine(ctx);
  if (args.includes('--help')) return result('reboot [OPTIONS...]\n\nReboot the system.\n\nOptions:\n     --help      Show this help\n  -f --force     Force immediate reboot\n', 0, 'none');
  const bad = args.find((a) => !['-f', '--force', 'now'].includes(a));
  if (bad) return result(bad.startsWith('--') ? `reboot: unrecognized option '${bad}'\n` : `reboot: invalid option -- '${bad.replace(/^-/, '')[0]}'\n`, 1, 'none');
  const host = m.name;
  const wall = args.includes('-f') || args.includes('--force') ? '' : `\nBroadcast message from root@${host} on pts/1 (${systemdTime(ctx.cluster.now, ctx.cluster.epochMs)}):\n\nThe system will reboot now!\n\n`;
  m.reboot();
  endSession(ctx);
  return result(`${wall}Connection to ${host} closed by remote host.\nConnection to ${host} closed.\n`, 255, 'manual');
};

/** `shutdown -r now` is a reboot; halting a server nobody can power on again is not offered. */
export const shutdown: Program = (ctx, args, line) => {
  if (args.includes('-r') || args.includes('--reboot')) return reboot(ctx, [], line);
  return result('shutdown: this server has no remote power control: only `shutdown -r now` (a reboot) is allowed here\n', 1, 'none');
};
