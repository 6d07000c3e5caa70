/**
 * Test hosts: real OpenSSH `sshd` processes on loopback addresses (127.0.0.2, .3, ...), each
 * with its own host key, its own free port and its own host root holding the simulated product
 * (test/hosts/sim/), as DESIGN.md "Tests" asks. Everything lives in one temp folder; `stop`
 * ends the processes this harness started, by their pid, and removes the folder.
 *
 * A host root is laid out as the product installs itself: opt/nec/clusterpro/bin holds
 * wrappers that run the simulator scripts, and sshd puts that folder on PATH (SetEnv), so the
 * uploader finds the commands by name exactly as on a real server.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../support/fixtures.js';

const SSHD = '/usr/sbin/sshd';
const SIM_COMMANDS = ['clpcfctrl', 'clpcl', 'clpgrp'] as const;
/** Simulated OS tools, shell scripts run as they are (as fast as the real ones). */
const SIM_TOOLS = ['rpm'] as const;
/** Host addresses handed out by this process; another test file may reuse one on another port. */
let nextAddress = 2;

/** One running sshd and the host it stands for. */
export interface TestHost {
  readonly address: string;
  readonly port: number;
  /** CLP_HOST_ROOT: the product tree, calls.jsonl, inject/ markers. */
  readonly root: string;
  /** The host's public key as an OpenSSH line (`ssh-ed25519 AAAA...`). */
  readonly publicKey: string;
  readonly process: ChildProcess;
}

/** Hosts that form one cluster: one shared state, pushes distributed to all of them. */
export interface TestCluster {
  readonly root: string;
  readonly hosts: readonly TestHost[];
}

export type HostKeyType = 'ed25519' | 'ecdsa' | 'rsa';

/** The laboratory: a temp folder, a client key that every host authorizes, the hosts. */
export interface Lab {
  readonly dir: string;
  /** Private key (no passphrase) in authorized_keys of every host. */
  readonly clientKey: string;
  /** Starts `count` hosts forming one cluster (state `unconfigured` until seeded or pushed). */
  cluster(count: number, keyType?: HostKeyType): Promise<TestCluster>;
  /** Generates a key pair; `authorize` adds it to every host's authorized_keys. */
  newKey(name: string, options?: { passphrase?: string; authorize?: boolean }): string;
  /** Stops every sshd and silent server this lab started, then removes the temp folder. */
  stop(): Promise<void>;
  /** A TCP server that accepts connections and never says a word (a hung host). */
  silentServer(): Promise<{ address: string; port: number }>;
  /** A port on which nothing listens (a host that is down). */
  closedPort(): Promise<{ address: string; port: number }>;
}

/** Creates the lab: temp folder, client key, authorized_keys. */
export function startLab(): Lab {
  const dir = mkdtempSync(join(tmpdir(), 'clpbuilder-hosts-'));
  const processes: ChildProcess[] = [];
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  const authorizedKeys = join(dir, 'authorized_keys');
  writeFileSync(authorizedKeys, '');
  const newKey = keyMaker(dir, authorizedKeys);
  let clusters = 0;
  return {
    dir,
    clientKey: newKey('client'),
    newKey,
    async cluster(count, keyType = 'ed25519') {
      clusters += 1;
      const cluster = await startCluster(
        join(dir, `cluster-${clusters}`),
        count,
        keyType,
        authorizedKeys,
      );
      processes.push(...cluster.hosts.map((host) => host.process));
      return cluster;
    },
    async silentServer() {
      const address = `127.0.0.${nextAddress++}`;
      const server = createServer((socket) => sockets.push(socket));
      servers.push(server);
      await new Promise<void>((done) => server.listen(0, address, done));
      return { address, port: (server.address() as { port: number }).port };
    },
    async closedPort() {
      const address = `127.0.0.${nextAddress++}`;
      return { address, port: await freePort(address) };
    },
    async stop() {
      await Promise.all(processes.map(stopProcess));
      sockets.forEach((socket) => socket.destroy());
      await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Makes key pairs under <lab>/keys, authorized on every host unless told otherwise. */
function keyMaker(dir: string, authorizedKeys: string): Lab['newKey'] {
  return (name, options = {}) => {
    const file = join(dir, 'keys', name);
    mkdirSync(dirname(file), { recursive: true });
    keygen(['-t', 'ed25519', '-N', options.passphrase ?? '', '-C', name, '-f', file]);
    if (options.authorize ?? true) {
      writeFileSync(authorizedKeys, readFileSync(`${file}.pub`), { flag: 'a' });
    }
    return file;
  };
}

async function startCluster(
  root: string,
  count: number,
  keyType: HostKeyType,
  authorizedKeys: string,
): Promise<TestCluster> {
  mkdirSync(root);
  const hosts: TestHost[] = [];
  for (let index = 0; index < count; index += 1) {
    hosts.push(await startHost(dirname(root), root, authorizedKeys, keyType));
  }
  writeFileSync(join(root, 'members.json'), JSON.stringify(hosts.map((host) => host.root)));
  return { root, hosts };
}

async function startHost(
  lab: string,
  clusterRoot: string,
  authorizedKeys: string,
  keyType: HostKeyType,
): Promise<TestHost> {
  const address = `127.0.0.${nextAddress++}`;
  const home = join(lab, `host-${address}`);
  const root = join(home, 'root');
  const bin = join(root, 'opt/nec/clusterpro/bin');
  mkdirSync(bin, { recursive: true });
  mkdirSync(join(root, 'opt/nec/clusterpro/etc'));
  mkdirSync(join(root, 'inject'));
  writeFileSync(join(root, 'product-version'), '4.1.1-1\n');
  writeSimWrappers(bin);
  const hostKey = join(home, 'ssh_host_key');
  keygen(['-t', keyType, ...(keyType === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-f', hostKey]);
  const publicKey = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
  const port = await freePort(address);
  const config = join(home, 'sshd_config');
  writeFileSync(
    config,
    sshdConfig({ address, port, home, hostKey, authorizedKeys, bin, root, clusterRoot }),
  );
  mkdirSync('/run/sshd', { recursive: true }); // privilege separation directory sshd requires
  const child = spawn(SSHD, ['-D', '-f', config, '-E', join(home, 'sshd.log')], {
    stdio: 'ignore',
  });
  await waitForBanner(address, port, child, join(home, 'sshd.log'));
  return { address, port, root, publicKey, process: child };
}

function sshdConfig(host: {
  address: string;
  port: number;
  home: string;
  hostKey: string;
  authorizedKeys: string;
  bin: string;
  root: string;
  clusterRoot: string;
}): string {
  const path = [host.bin, dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'];
  return [
    `ListenAddress ${host.address}:${host.port}`,
    `HostKey ${host.hostKey}`,
    `PidFile ${join(host.home, 'sshd.pid')}`,
    `AuthorizedKeysFile ${host.authorizedKeys}`,
    'StrictModes no',
    'UsePAM no',
    'PermitRootLogin yes',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication no',
    'PrintMotd no',
    'Subsystem sftp internal-sftp',
    // The test host's identity: its product tree, its cluster, and the product's bin on PATH.
    `SetEnv PATH=${path.join(':')} CLP_HOST_ROOT=${host.root} CLP_CLUSTER_ROOT=${host.clusterRoot}`,
    // OpenSSH 9.8+ penalises sources that fail to authenticate; the tests fail on purpose.
    ...(supportsPenalties() ? ['PerSourcePenalties no'] : []),
    '',
  ].join('\n');
}

function writeSimWrappers(bin: string): void {
  for (const command of SIM_COMMANDS) {
    const script = join(repoRoot, 'test/hosts/sim', `${command}.mjs`);
    const file = join(bin, command);
    writeFileSync(file, `#!/bin/sh\nexec '${process.execPath}' '${script}' "$@"\n`);
    chmodSync(file, 0o755);
  }
  for (const tool of SIM_TOOLS) {
    const file = join(bin, tool);
    copyFileSync(join(repoRoot, 'test/hosts/sim', `${tool}.sh`), file);
    chmodSync(file, 0o755);
  }
}

let penalties: boolean | undefined;
function supportsPenalties(): boolean {
  if (penalties === undefined) {
    const version = /OpenSSH_(\d+)\.(\d+)/.exec(
      spawnSync(SSHD, ['-V'], { encoding: 'utf8' }).stderr,
    );
    penalties = version !== null && Number(version[1]) * 100 + Number(version[2]) >= 908;
  }
  return penalties;
}

function keygen(args: string[]): void {
  const run = spawnSync('ssh-keygen', ['-q', ...args], { encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`ssh-keygen ${args.join(' ')} failed: ${run.stderr}`);
  }
}

/** A port free on `address` now (bound then released; sshd binds it right after). */
function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, address, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Waits until the sshd says `SSH-2.0-`: listening and ready, not merely spawned. */
async function waitForBanner(
  address: string,
  port: number,
  child: ChildProcess,
  log: string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`sshd on ${address}:${port} exited (${child.exitCode}); see ${log}`);
    }
    if (await hasBanner(address, port)) {
      return;
    }
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`sshd on ${address}:${port} did not answer within 10 s; see ${log}`);
}

function hasBanner(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, address);
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('data', (data) => finish(data.toString().startsWith('SSH-2.0-')));
    socket.once('error', () => finish(false));
    socket.setTimeout(1000, () => finish(false));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
