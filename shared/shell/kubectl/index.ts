/** kubectl: the cluster's command line. (Commands arrive in their own files.) */
import { result, type Program } from '../types.js';

export const kubectl: Program = () => result('kubectl: not yet built\n', 1, 'none');
