/** Every kubectl command this cluster's kubectl runs, for the dispatcher and `kubectl --help`. */
import type { Command } from './command.js';
import { apply } from './apply.js';
import { create } from './create.js';
import { del } from './delete.js';
import { describe } from './describe.js';
import { drain } from './drain.js';
import { explain } from './explain.js';
import { get } from './get.js';
import { apiResources, clusterInfo, version } from './info.js';
import { logs } from './logs.js';
import { cordon, taint, uncordon } from './nodes.js';
import { rollout } from './rollout.js';
import { scale } from './scale.js';
import { set } from './set.js';
import { top } from './top.js';

export const COMMANDS: Command[] = [get, describe, apply, create, del, scale, rollout, set, cordon, uncordon, drain, taint, logs, top, explain, version, clusterInfo, apiResources];
