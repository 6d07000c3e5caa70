/**
 * Reading and setting the simulated product's state on the test hosts: seed a configuration,
 * inject failures, read the recorded calls, fingerprint everything a host holds.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { TestCluster, TestHost } from './harness.js';

const PRODUCT = 'opt/nec/clusterpro';

/** Installs a configuration folder (clp.conf + scripts/) on every host, as a past push would. */
export function seedCluster(
  cluster: TestCluster,
  folder: string,
  status: 'running' | 'suspended' | 'stopped' = 'running',
): void {
  for (const host of cluster.hosts) {
    const etc = join(host.root, PRODUCT, 'etc');
    const scripts = join(host.root, PRODUCT, 'scripts');
    cpSync(join(folder, 'clp.conf'), join(etc, 'clp.conf'));
    rmSync(scripts, { recursive: true, force: true });
    if (existsSync(join(folder, 'scripts'))) {
      cpSync(join(folder, 'scripts'), scripts, { recursive: true });
    }
  }
  const conf = readFileSync(join(folder, 'clp.conf'), 'latin1');
  const groups = [...conf.matchAll(/<group\s+name="([^"]*)"/g)].map((match) => [
    match[1],
    status === 'running' ? 'online' : 'offline',
  ]);
  writeFileSync(
    join(cluster.root, 'state.json'),
    JSON.stringify({ status, groups: Object.fromEntries(groups) }),
  );
}

/** Arms a one-shot failure on a host (see test/hosts/sim/*.mjs for the names). */
export function inject(host: TestHost, name: string, text = ''): void {
  mkdirSync(join(host.root, 'inject'), { recursive: true });
  writeFileSync(join(host.root, 'inject', name), text);
}

/** The product commands a host ran, in order, as argv arrays (rpm probes left out). */
export function calls(host: TestHost): string[][] {
  const file = join(host.root, 'calls.jsonl');
  if (!existsSync(file)) {
    return [];
  }
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { argv: string[] }).argv)
    .filter((argv) => argv[0] !== 'rpm');
}

/** The product commands as one string each: `clpcl --suspend`, `clpcfctrl --push -w -x <temp>`. */
export function commandLines(host: TestHost): string[] {
  return calls(host).map((argv) =>
    argv.map((arg) => (arg.includes('/clpbuilder.') ? '<temp>' : arg)).join(' '),
  );
}

/** The cluster-wide state of the simulator. */
export function clusterState(cluster: TestCluster): {
  status: string;
  groups: Record<string, string>;
} {
  const file = join(cluster.root, 'state.json');
  return existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : { status: 'unconfigured', groups: {} };
}

/** The installed clp.conf of a host. */
export function installedConf(host: TestHost): Buffer {
  return readFileSync(join(host.root, PRODUCT, 'etc', 'clp.conf'));
}

/** Every file of a host's product tree and the cluster state, path → bytes and mode. */
export function fingerprint(cluster: TestCluster): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path, `${prefix}/${entry.name}`);
      } else {
        files.set(
          `${prefix}/${entry.name}`,
          `${statSync(path).mode.toString(8)} ${readFileSync(path).toString('base64')}`,
        );
      }
    }
  };
  cluster.hosts.forEach((host, index) => walk(join(host.root, PRODUCT), `host${index}`));
  walk(cluster.root, 'cluster');
  return files;
}

/** The temp folders the product commands were pointed at (-x), which must be gone after a run. */
export function tempFoldersUsed(host: TestHost): string[] {
  return calls(host).flatMap((argv) => argv.filter((arg) => arg.includes('/clpbuilder.')));
}
