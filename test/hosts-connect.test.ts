/**
 * Connections against real OpenSSH servers: host keys (unknown, accepted and recorded, OpenSSH's
 * own hashed and [host]:port entries, changed), credentials (wrong key, wrong password, key
 * passphrase, ssh-agent), and hosts that are down, silent, or slow to answer a command.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HostTarget,
  type UploadOptions,
  uploadProject,
} from '../electron/services/hosts/index.js';
import { type Lab, type TestCluster, type TestHost, startLab } from './hosts/harness.js';
import { commandLines, inject, seedCluster } from './hosts/host-state.js';
import { unwrapHost, uploadOptions } from './hosts/options.js';
import { iscsiProject, saveTo } from './hosts/projects.js';

let lab: Lab;
let cluster: TestCluster;
let host: TestHost;
let folder: string;
let files = 0;

beforeAll(async () => {
  lab = startLab();
  cluster = await lab.cluster(1, 'ecdsa');
  host = cluster.hosts[0]!;
  folder = await saveTo(join(lab.dir, 'project'), iscsiProject(cluster.hosts));
  seedCluster(cluster, folder);
});
afterAll(() => lab.stop());

function knownHostsFile(text?: string): string {
  files += 1;
  const file = join(lab.dir, `known_hosts-${files}`);
  if (text !== undefined) {
    writeFileSync(file, text);
  }
  return file;
}

/** A dry run against `hosts` (default: the lab host) with these options. */
async function dryRun(extra: Partial<UploadOptions>, hosts?: HostTarget[]) {
  return unwrapHost(
    await uploadProject(
      folder,
      uploadOptions(lab, { dryRun: true, ...(hosts ? { hosts } : {}), ...extra }),
    ),
  );
}

function fingerprintOf(publicKey: string): string {
  const run = spawnSync('ssh-keygen', ['-l', '-f', '-'], {
    input: `${publicKey}\n`,
    encoding: 'utf8',
  });
  return run.stdout.split(' ')[1]!;
}

describe('host keys', () => {
  it('an unknown key is refused, with its fingerprint, and nothing is recorded or run', async () => {
    const file = knownHostsFile();
    const before = commandLines(host).length;
    const report = await dryRun({ hostKeys: { knownHostsFile: file, acceptNew: false } });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ kind: 'host-key-unknown', step: 'pre-flight' });
    expect(report.failure?.hostKey?.fingerprint).toBe(fingerprintOf(host.publicKey));
    expect(report.failure?.message).toContain('--accept-new');
    expect(existsSync(file)).toBe(false);
    expect(commandLines(host)).toHaveLength(before);
  });

  it('--accept-new records it hashed, as OpenSSH finds it; next time it is simply known', async () => {
    const file = knownHostsFile();
    expect((await dryRun({ hostKeys: { knownHostsFile: file, acceptNew: true } })).ok).toBe(true);
    const recorded = readFileSync(file, 'utf8');
    expect(recorded).toMatch(/^\|1\|[^ ]+ ecdsa-sha2-nistp256 [A-Za-z0-9+/=]+\n$/);
    const found = spawnSync('ssh-keygen', ['-F', `[${host.address}]:${host.port}`, '-f', file], {
      encoding: 'utf8',
    });
    expect(found.status, 'ssh-keygen -F finds the entry').toBe(0);
    expect((await dryRun({ hostKeys: { knownHostsFile: file, acceptNew: false } })).ok).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(recorded);
  });

  it('accepts entries written by OpenSSH: ssh-keyscan -H (hashed) and plain [host]:port', async () => {
    const scanned = spawnSync('ssh-keyscan', ['-H', '-p', String(host.port), host.address], {
      encoding: 'utf8',
    });
    expect(scanned.stdout).toMatch(/^\|1\|/m);
    for (const text of [scanned.stdout, `[${host.address}]:${host.port} ${host.publicKey}\n`]) {
      expect(
        (await dryRun({ hostKeys: { knownHostsFile: knownHostsFile(text), acceptNew: false } })).ok,
      ).toBe(true);
    }
  });

  it('a changed key is refused loudly, even with --accept-new, and known_hosts is left alone', async () => {
    const other = await lab.cluster(1, 'ecdsa');
    const text = `[${host.address}]:${host.port} ${other.hosts[0]!.publicKey}\n`;
    const file = knownHostsFile(text);
    const report = await dryRun({ hostKeys: { knownHostsFile: file, acceptNew: true } });
    expect(report.failure?.kind).toBe('host-key-changed');
    expect(report.failure?.message).toMatch(/HOST KEY CHANGED.*man-in-the-middle.*ssh-keygen -R/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('credentials', () => {
  it('a key the host does not authorize is refused with a clear message', async () => {
    const stranger = lab.newKey('stranger', { authorize: false });
    const report = await dryRun({ auth: { identity: stranger, agent: false } });
    expect(report.failure).toMatchObject({ kind: 'ssh-auth', step: 'pre-flight' });
    expect(report.failure?.message).toMatch(/refused the login as root \(tried: key\)/);
  });

  it('a wrong password is refused, and never appears in the report', async () => {
    const report = await dryRun({ auth: { password: 'not-the-password', agent: false } });
    expect(report.failure?.kind).toBe('ssh-auth');
    expect(report.failure?.message).toContain('password');
    expect(JSON.stringify(report)).not.toContain('not-the-password');
  });

  it('a key with a passphrase: the right one logs in; a wrong one is said before connecting', async () => {
    const locked = lab.newKey('locked', { passphrase: 'open sesame' });
    expect(
      (await dryRun({ auth: { identity: locked, passphrase: 'open sesame', agent: false } })).ok,
    ).toBe(true);
    const wrong = await dryRun({
      auth: { identity: locked, passphrase: 'open says me', agent: false },
    });
    expect(wrong.failure).toMatchObject({ kind: 'ssh-credentials' });
    expect(wrong.failure?.message).toBe(`the passphrase for ${locked} is wrong`);
    expect(JSON.stringify(wrong)).not.toContain('open says me');
  });

  it('ssh-agent: a key loaded in the agent logs in', async () => {
    const socket = join(lab.dir, 'agent.sock');
    const agent: ChildProcess = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    try {
      for (let tries = 0; tries < 100 && !existsSync(socket); tries += 1) {
        await new Promise((done) => setTimeout(done, 20));
      }
      const added = spawnSync('ssh-add', [lab.clientKey], {
        env: { ...process.env, SSH_AUTH_SOCK: socket },
        encoding: 'utf8',
      });
      expect(added.status, added.stderr).toBe(0);
      expect((await dryRun({ auth: { agent: socket } })).ok).toBe(true);
    } finally {
      agent.kill('SIGTERM');
    }
  });
});

describe('hosts that do not answer', () => {
  it('a closed port is reported at once, and the other hosts are not touched', async () => {
    const down = await lab.closedPort();
    const started = Date.now();
    const hosts = [
      { address: host.address, port: host.port, user: 'root' },
      { ...down, user: 'root' },
    ];
    const before = commandLines(host).length;
    const report = unwrapHost(await uploadProject(folder, uploadOptions(lab, { hosts })));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(report.failure).toMatchObject({ kind: 'ssh-connect', step: 'pre-flight' });
    expect(report.failure?.message).toMatch(/connection refused/);
    expect(report.hosts.map((outcome) => [outcome.status, outcome.step])).toEqual([
      ['not-reached', 'snapshot'],
      ['failed', 'pre-flight'],
    ]);
    expect(commandLines(host)).toHaveLength(before);
  });

  it('a server that accepts TCP and never speaks times out after the connect timeout', async () => {
    const silent = await lab.silentServer();
    const started = Date.now();
    const report = await dryRun({ connectTimeoutMs: 1500 }, [{ ...silent, user: 'root' }]);
    const elapsed = Date.now() - started;
    expect(report.failure).toMatchObject({ kind: 'ssh-timeout', step: 'pre-flight' });
    expect(report.failure?.message).toContain('did not answer within 1.5 s');
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(5000);
  });

  it('a command that hangs times out and is reported with the command', async () => {
    inject(host, 'hang-clpcfctrl', '3');
    const started = Date.now();
    const report = await dryRun({ commandTimeoutMs: 1000 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(report.failure).toMatchObject({
      kind: 'command-timeout',
      step: 'snapshot',
      command: expect.stringMatching(/^clpcfctrl --pull -l -x /),
    });
  });
});
