/**
 * Simulated `clpcfctrl` (clpconf-format.md §9): `--push -l|-w -x <dir> [--force]` and
 * `--pull -l|-w -x <dir>`, on the host of CLP_HOST_ROOT.
 *
 * Strict: it refuses a push while the cluster runs unsuspended, a clp.conf that xmllint rejects,
 * a first configuration without --force, a call without exactly one of -l / -w, and any option
 * it does not know. Which of -l / -w was given is recorded (calls.jsonl) for the tests to check:
 * the product converts the file's characters by it rather than refusing (§9), so a wrong choice
 * shows only in the record. A push is distributed to every member host, as the product does.
 *
 * Injected failures (files in <host>/inject/, each fires once): push-fail (text = the output),
 * pull-fail, store-different (this host stores an altered clp.conf, or an altered script when
 * the marker says "script"), hang-clpcfctrl (sleeps before acting).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hangIfAsked } from './sim-hang.mjs';
import {
  copyTree,
  environment,
  fail,
  groupNames,
  isFolder,
  listFiles,
  members,
  productPaths,
  readState,
  recordCall,
  replaceTree,
  succeed,
  takeMarker,
  writeAtomic,
  writeState,
  xmlProblems,
} from './sim-state.mjs';

const args = process.argv.slice(2);
const { host, cluster } = environment();
recordCall(host, 'clpcfctrl', args);
hangIfAsked(host, 'clpcfctrl');
const options = parseArguments(args);
if (options.action === '--push') {
  push(options);
} else {
  pull(options);
}

function parseArguments(list) {
  const options = { action: undefined, encoding: undefined, dir: undefined, force: false };
  for (let index = 0; index < list.length; index += 1) {
    const arg = list[index];
    if (arg === '--push' || arg === '--pull') {
      options.action = options.action ? usage('give --push or --pull once') : arg;
    } else if (arg === '-l' || arg === '-w') {
      options.encoding = options.encoding ? usage('give -l or -w once') : arg;
    } else if (arg === '-x') {
      options.dir = list[(index += 1)] ?? usage('-x needs a directory');
    } else if (arg === '--force') {
      options.force = true;
    } else {
      usage(`unknown option ${arg}`);
    }
  }
  if (!options.action || !options.encoding || !options.dir) {
    usage('--push or --pull, -l or -w, and -x <dir> are required');
  }
  if (options.force && options.action === '--pull') {
    usage('--force is for --push');
  }
  return { ...options, dir: resolve(options.dir) };
}

function usage(message) {
  return fail(
    2,
    `clpcfctrl: ${message}\nUsage: clpcfctrl --push -l|-w -x <dir> [--force] | --pull -l|-w -x <dir>`,
  );
}

function push(options) {
  const conf = join(options.dir, 'clp.conf');
  if (!isFolder(options.dir) || !existsSync(conf)) {
    fail(3, `There is no clp.conf in ${options.dir}.`);
  }
  const problems = xmlProblems(conf);
  if (problems !== undefined) {
    fail(4, `The configuration file is invalid:\n${problems}`);
  }
  const state = readState(cluster);
  if (state.status === 'unconfigured' && !options.force) {
    fail(
      5,
      'There is no cluster configuration on this server yet; apply the first one with --force.',
    );
  }
  if (state.status === 'running') {
    fail(
      6,
      'The cluster is running. Suspend it (clpcl --suspend) or stop it (clpcl -t) before applying a configuration.',
    );
  }
  const injected = takeMarker(host, 'push-fail');
  if (injected !== undefined) {
    fail(7, injected.trim() || 'Failed to deliver the configuration data to the servers.');
  }
  for (const member of members(cluster)) {
    install(member, options.dir);
  }
  writeState(cluster, nextState(state, readFileSync(conf, 'latin1')));
  succeed('The upload is completed successfully.\nCommand succeeded.');
}

/** Stores clp.conf and scripts/ on one member host, or an altered copy when told to. */
function install(member, dir) {
  const paths = productPaths(member);
  let conf = readFileSync(join(dir, 'clp.conf'));
  const alter = takeMarker(member, 'store-different');
  if (alter !== undefined && alter.trim() !== 'script') {
    conf = Buffer.from(
      conf.toString('latin1').replace(/(<cluster>\s*<name>)([^<]*)/, '$1$2-altered'),
      'latin1',
    );
  }
  writeAtomic(paths.conf, conf);
  replaceTree(join(dir, 'scripts'), paths.scripts);
  if (alter !== undefined && alter.trim() === 'script') {
    const first = listFiles(paths.scripts).sort()[0];
    if (first) {
      writeAtomic(
        join(paths.scripts, first),
        Buffer.concat([readFileSync(join(paths.scripts, first)), Buffer.from('# altered\n')]),
        0o755,
      );
    }
  }
}

/** After a push: a first configuration leaves the cluster stopped; groups follow the new list. */
function nextState(state, confText) {
  const groups = Object.fromEntries(
    groupNames(confText).map((name) => [name, state.groups[name] ?? 'offline']),
  );
  return { status: state.status === 'unconfigured' ? 'stopped' : state.status, groups };
}

function pull(options) {
  const paths = productPaths(host);
  if (readState(cluster).status === 'unconfigured' || !existsSync(paths.conf)) {
    fail(10, 'There is no cluster configuration on this server.');
  }
  if (!isFolder(options.dir)) {
    fail(3, `${options.dir} is not a directory.`);
  }
  const injected = takeMarker(host, 'pull-fail');
  if (injected !== undefined) {
    fail(7, injected.trim() || 'Failed to get the configuration data.');
  }
  copyTree(paths.conf, join(options.dir, 'clp.conf'));
  if (existsSync(paths.scripts)) {
    copyTree(paths.scripts, join(options.dir, 'scripts'));
  }
  succeed('The download is completed successfully.\nCommand succeeded.');
}
