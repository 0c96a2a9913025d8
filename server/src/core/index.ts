/**
 * The public face of the core, for scripts (evaluation, benchmarks) and embedders: lint a note,
 * analyse it, and read the rule registry. Nothing here touches files, editors or the network.
 */
export { lint, lintNote } from './lint';
export { analyse } from './document';
export { setReuse } from './reuse';
export { LineIndex, toOneBased } from './positions';
export { ruleList, ruleById } from '../rules';
export type * from './types';
