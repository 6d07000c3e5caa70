/**
 * Simulated `clpgrp -s|-t <group>` (clpconf-format.md §9): starts or stops one group of a
 * running cluster. Refuses an unknown group, a cluster that is not running (the product does
 * not move groups of a suspended or stopped cluster), and a missing group name.
 */
import { hangIfAsked } from './sim-hang.mjs';
import { environment, fail, readState, recordCall, succeed, writeState } from './sim-state.mjs';

const args = process.argv.slice(2);
const { host, cluster } = environment();
recordCall(host, 'clpgrp', args);
hangIfAsked(host, 'clpgrp');
const [action, group, ...rest] = args;
if ((action !== '-s' && action !== '-t') || !group || rest.length > 0) {
  fail(2, 'clpgrp: usage: clpgrp -s <group> | clpgrp -t <group>');
}
const state = readState(cluster);
if (state.status !== 'running') {
  fail(3, `The cluster is ${state.status}; groups can be started or stopped only while it runs.`);
}
if (!Object.hasOwn(state.groups, group)) {
  fail(4, `There is no group ${group}.`);
}
writeState(cluster, {
  ...state,
  groups: { ...state.groups, [group]: action === '-s' ? 'online' : 'offline' },
});
succeed();
