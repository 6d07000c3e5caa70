/**
 * Simulated `clpcl` (clpconf-format.md §9): `--suspend`, `--resume`, `-s`, `-t`, with `-a`
 * accepted (the simulated cluster acts on all servers either way) and `-r` with service
 * options accepted as a no-op. Each refuses a transition the product would refuse: suspending a
 * cluster that is not running, resuming one that is not suspended, starting one without a
 * configuration. Injected failures: <host>/inject/resume-fail, suspend-fail, hang-clpcl.
 */
import { hangIfAsked } from './sim-hang.mjs';
import {
  environment,
  fail,
  readState,
  recordCall,
  succeed,
  takeMarker,
  writeState,
} from './sim-state.mjs';

const args = process.argv.slice(2);
const { host, cluster } = environment();
recordCall(host, 'clpcl', args);
hangIfAsked(host, 'clpcl');
const actions = args.filter((arg) => ['--suspend', '--resume', '-s', '-t', '-r'].includes(arg));
const unknown = args.filter(
  (arg) =>
    ![
      '--suspend',
      '--resume',
      '-s',
      '-t',
      '-r',
      '-a',
      '--web',
      '--alert',
      '--ib',
      '--api',
    ].includes(arg),
);
if (actions.length !== 1 || unknown.length > 0) {
  fail(
    2,
    `clpcl: give exactly one of --suspend, --resume, -s, -t, -r${unknown.length ? ` (unknown: ${unknown.join(' ')})` : ''}`,
  );
}
const state = readState(cluster);
if (state.status === 'unconfigured') {
  fail(3, 'There is no cluster configuration on this server.');
}
transition(actions[0], state);

function transition(action, current) {
  const injected = takeMarker(host, `${action.replace(/^-+/, '')}-fail`);
  if (injected !== undefined) {
    fail(4, injected.trim() || `clpcl ${action} failed.`);
  }
  if (action === '--suspend') {
    move(
      current,
      'running',
      'suspended',
      'The cluster is not running; only a running cluster can be suspended.',
    );
  } else if (action === '--resume') {
    move(current, 'suspended', 'running', 'The cluster is not suspended.');
  } else if (action === '-s') {
    move(current, 'stopped', 'running', 'The cluster is already started.', 'online');
  } else if (action === '-t') {
    if (current.status === 'stopped') {
      fail(5, 'The cluster is already stopped.');
    }
    writeState(cluster, { status: 'stopped', groups: allGroups(current, 'offline') });
    succeed();
  } else {
    succeed();
  }
}

function move(current, from, to, refusal, groups) {
  if (current.status !== from) {
    fail(5, refusal);
  }
  writeState(cluster, { status: to, groups: groups ? allGroups(current, groups) : current.groups });
  succeed();
}

function allGroups(current, status) {
  return Object.fromEntries(Object.keys(current.groups).map((name) => [name, status]));
}
