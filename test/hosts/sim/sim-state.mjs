/**
 * State shared by the simulated product commands (clpcfctrl, clpcl, clpgrp) of one test host.
 *
 * A host is a folder (CLP_HOST_ROOT, set by the test sshd with SetEnv) laid out as the product
 * installs itself (clpconf-format.md §8): opt/nec/clusterpro/bin (the commands),
 * opt/nec/clusterpro/etc/clp.conf and opt/nec/clusterpro/scripts/. A cluster is a folder
 * (CLP_CLUSTER_ROOT) shared by its hosts: members.json lists the host roots, state.json holds
 * what is cluster-wide (running / suspended / stopped, which groups are online), as the product
 * keeps one state for all servers and distributes a pushed configuration to every one of them.
 *
 * Every call is recorded as one JSON line in <host>/calls.jsonl. Tests inject failures with
 * marker files in <host>/inject/ (see `takeMarker`).
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** The product's install root inside a host root. */
export const PRODUCT = 'opt/nec/clusterpro';

/** Where this host and its cluster live; both are required, as on a real installed server. */
export function environment() {
  const host = process.env.CLP_HOST_ROOT;
  const cluster = process.env.CLP_CLUSTER_ROOT;
  if (!host || !cluster) {
    fail(9, 'simulator: CLP_HOST_ROOT and CLP_CLUSTER_ROOT must be set (by the test sshd)');
  }
  return { host, cluster };
}

/** The product folders of a host root. */
export function productPaths(hostRoot) {
  const product = join(hostRoot, PRODUCT);
  return {
    etc: join(product, 'etc'),
    conf: join(product, 'etc', 'clp.conf'),
    scripts: join(product, 'scripts'),
  };
}

/** Appends one line to <host>/calls.jsonl: which command, with which arguments, from where. */
export function recordCall(hostRoot, command, args) {
  const line = JSON.stringify({
    time: new Date().toISOString(),
    argv: [command, ...args],
    cwd: process.cwd(),
  });
  appendFileSync(join(hostRoot, 'calls.jsonl'), `${line}\n`);
}

/**
 * Consumes an injected failure: returns the marker's text (or '' when empty) and deletes it, so
 * that it fires once; undefined when there is no such marker.
 */
export function takeMarker(hostRoot, name) {
  const file = join(hostRoot, 'inject', name);
  if (!existsSync(file)) {
    return undefined;
  }
  const text = readFileSync(file, 'utf8');
  rmSync(file);
  return text;
}

/** The cluster-wide state; `unconfigured` until the first push. */
export function readState(clusterRoot) {
  const file = join(clusterRoot, 'state.json');
  return existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : { status: 'unconfigured', groups: {} };
}

/** Writes the cluster-wide state atomically (another host may read it at the same time). */
export function writeState(clusterRoot, state) {
  writeAtomic(join(clusterRoot, 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
}

/** The host roots of the cluster, the pushing one included. */
export function members(clusterRoot) {
  return JSON.parse(readFileSync(join(clusterRoot, 'members.json'), 'utf8'));
}

/** Writes a file by temp + rename, so a reader never sees half of it. */
export function writeAtomic(file, data, mode = 0o644) {
  const temp = `${file}.sim-${process.pid}`;
  writeFileSync(temp, data, { mode });
  chmodSync(temp, mode);
  renameSync(temp, file);
}

/** Copies a folder tree keeping file modes (cpSync keeps them; the sim relies on it). */
export function copyTree(from, to) {
  cpSync(from, to, { recursive: true, preserveTimestamps: false });
}

/** Replaces a folder with a copy of another, by copying beside it and renaming over it. */
export function replaceTree(from, to) {
  const temp = `${to}.sim-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  if (existsSync(from)) {
    copyTree(from, temp);
  } else {
    mkdirSync(temp, { recursive: true });
  }
  const old = `${to}.old-${process.pid}`;
  if (existsSync(to)) {
    renameSync(to, old);
  }
  renameSync(temp, to);
  rmSync(old, { recursive: true, force: true });
}

/** Group names of a clp.conf (`<group name="...">`), enough for clpgrp and the cluster state. */
export function groupNames(confText) {
  return [...confText.matchAll(/<group\s+name="([^"]*)"/g)].map((match) => match[1]);
}

/** Runs xmllint --noout on a file: the product's own parser would refuse what it refuses. */
export function xmlProblems(file) {
  const run = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  if (run.error) {
    fail(9, `simulator: cannot run xmllint (${run.error.message}); install libxml2-utils`);
  }
  return run.status === 0 ? undefined : run.stderr.trim();
}

/** Lists files under a folder, relative, with `/` separators. */
export function listFiles(folder, prefix = '') {
  if (!existsSync(folder)) {
    return [];
  }
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(join(folder, entry.name), path) : [path];
  });
}

/** Whether a path is an existing folder. */
export function isFolder(path) {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Prints a message to stderr and exits with `code`. */
export function fail(code, message) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Prints the product's success line. */
export function succeed(message = 'Command succeeded.') {
  process.stdout.write(`${message}\n`);
  process.exit(0);
}
