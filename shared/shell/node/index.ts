/** The programs on a node's shell: docker and the usual Linux tools. (Each in its own file.) */
import { result, type Program } from '../types.js';

export const nodePrograms: Record<string, { run: Program; help: string }> = {
  docker: { run: () => result('docker: not yet built\n', 1, 'none'), help: 'the container runtime: docker ps -a, docker restart web, ...' },
};
