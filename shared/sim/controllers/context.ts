/** What a controller is given: the API (store and write path), the sim, and the loop. */
import type { ApiServer } from '../apiserver.js';
import type { SimContext } from '../context.js';
import type { Loop } from '../loop.js';
import type { Store } from '../store.js';

export interface ControllerContext {
  readonly store: Store;
  readonly api: ApiServer;
  readonly sim: SimContext;
  readonly loop: Loop;
}
