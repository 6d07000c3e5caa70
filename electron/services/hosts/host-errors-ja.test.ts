/**
 * The hosts service's errors in Japanese: each error reached through the exported functions
 * (temp files and folders, fake SFTP channels and sessions, local sockets, and the test lab's
 * real sshd for what needs a login) carries `ja`, which is Japanese and keeps every host,
 * user, path, fingerprint, count and option of the English.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { type Server, type Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SFTPWrapper } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hostLogin } from '../../../schemas/index.js';
import { type Lab, type TestCluster, startLab } from '../../../test/hosts/harness.js';
import { inject, seedCluster } from '../../../test/hosts/host-state.js';
import { connection, unwrapHost, uploadOptions } from '../../../test/hosts/options.js';
import { iscsiProject, saveTo } from '../../../test/hosts/projects.js';
import { expectJapaneseOf } from '../../../test/support/japanese.js';
import { testKeychain } from '../../../test/support/keychain.js';
import {
  type Downloaded,
  downloadConfiguration,
  inspectDownloadTarget,
  saveDownloaded,
} from './download.js';
import { createHostHandlers } from './handlers.js';
import type { HostError } from './host-error.js';
import { checkHostKey, prepareHostKeyCheck } from './host-key-check.js';
import { type HostTarget, parseHostSpec } from './host-target.js';
import { knownHostsLine, hostKeyOf, readKnownHosts, recordHostKey } from './known-hosts.js';
import { probeHost } from './preflight.js';
import { pullConfiguration, removeRemoteTemp } from './remote-config.js';
import { keychainSecretStore, noSecretStore } from './secret-store.js';
import { downloadFolder, makeFolder, removeFolder, uploadFiles } from './sftp-files.js';
import { projectFromFiles, writeSnapshot } from './snapshot.js';
import { prepareAuth } from './ssh-auth.js';
import { type Session, openSession } from './ssh-session.js';
import { stageProject } from './staging.js';
import { uploadProject } from './upload.js';
import { compareConfiguration } from './verify.js';

const scratch = mkdtempSync(join(tmpdir(), 'clpbuilder-host-errors-ja-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let serial = 0;
/** A fresh path under the scratch folder. */
function fresh(name: string): string {
  serial += 1;
  return join(scratch, `${serial}-${name}`);
}

/** A regular file: a folder under it cannot be made, read or written. */
const aFile = join(scratch, 'a-file');
writeFileSync(aFile, 'not a folder\n');

/** What an error needs for the check: its English, and its Japanese. */
type Worded = { readonly message: string; readonly ja?: string | undefined };

function errorOf(result: { ok: true } | { ok: false; error: Worded }): Worded {
  if (result.ok) {
    throw new Error('expected a failure, got success');
  }
  return result.error;
}

function expectJapaneseError(error: Worded, label: string): void {
  expect(error.ja, `${label}: no ja`).toBeDefined();
  expectJapaneseOf(error.message, error.ja!, label);
}

const target: HostTarget = { address: '10.0.0.1', port: 2222, user: 'root' };

/** A host key blob of `type` (random key bytes: the lookup compares blobs, not keys). */
function keyBlob(type = 'ssh-ed25519'): Buffer {
  const name = Buffer.from(type);
  const length = (n: number) => Buffer.from([0, 0, 0, n]);
  return Buffer.concat([length(name.length), name, length(32), randomBytes(32)]);
}

/** The refusal `checkHostKey` keeps for a key `blob` checked against known_hosts `text`. */
async function refusal(text: string, blob: Buffer, acceptNew = false): Promise<HostError> {
  const file = fresh('known_hosts');
  writeFileSync(file, text);
  const check = await prepareHostKeyCheck(target, { knownHostsFile: file, acceptNew });
  if (!check.ok) {
    return check.error;
  }
  expect(await checkHostKey(check.value, blob)).toBe(false);
  return check.value.refusal!;
}

/** A key pair made by ssh-keygen; returns the private key file. */
function sshKey(passphrase = ''): string {
  const file = fresh('id_ed25519');
  const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-f', file]);
  expect(made.status).toBe(0);
  return file;
}

/** A fake SFTP channel: every call succeeds with nothing unless `calls` says otherwise. */
function fakeSftp(calls: Record<string, (...args: unknown[]) => void> = {}): SFTPWrapper {
  const done =
    (value?: unknown) =>
    (...args: unknown[]) =>
      (args.at(-1) as (error: Error | null, value?: unknown) => void)(null, value);
  return {
    mkdir: done(),
    writeFile: done(),
    chmod: done(),
    readdir: done([]),
    readFile: done(Buffer.alloc(0)),
    unlink: done(),
    rmdir: done(),
    ...calls,
  } as unknown as SFTPWrapper;
}

/** An SFTP call that fails with `message`. */
function failing(message: string) {
  return (...args: unknown[]) => (args.at(-1) as (error: Error) => void)(new Error(message));
}

/** A directory entry as ssh2's readdir lists it. */
function entry(filename: string, kind: 'file' | 'dir', size = 10) {
  return {
    filename,
    attrs: { isDirectory: () => kind === 'dir', isFile: () => kind === 'file', size, mode: 0o644 },
  };
}

/** A fake session: commands print `stdout`, SFTP is `sftp`. */
function fakeSession(stdout = '', sftp: SFTPWrapper = fakeSftp()): Session {
  return {
    target,
    label: '10.0.0.1:2222',
    hostKey: { type: 'ssh-ed25519', fingerprint: 'SHA256:x', recorded: false },
    run: async () => ({ ok: true, value: { stdout, stderr: '' } }),
    sftp: async () => ({ ok: true, value: sftp }),
    close: () => undefined,
  };
}

const remote = { commandTimeoutMs: 1000, productBin: '/opt/nec/clusterpro/bin' };
const PROBED = [
  'command.clpcfctrl=/opt/nec/clusterpro/bin/clpcfctrl',
  'command.clpcl=/opt/nec/clusterpro/bin/clpcl',
  'command.clpgrp=/opt/nec/clusterpro/bin/clpgrp',
  'config=yes',
  'version=4.1.1-1',
  'tmp=/tmp',
  'tmpfree=100',
  'hostname=node1',
];

function downloaded(): Downloaded {
  return { host: '10.0.0.1:2222', files: [], project: iscsiProject(), notes: [] };
}

/** A local socket address nothing listens on, and a server that accepts and never speaks. */
const sockets: Socket[] = [];
let silent: Server;
let silentPort = 0;
let closedPort = 0;
beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((done) => probe.close(done));
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  sockets.forEach((socket) => socket.destroy());
  await new Promise((done) => silent.close(done));
});

/** Connect options for the local sockets (never sent: nothing answers there). */
function localOptions(connectTimeoutMs = 5000) {
  return {
    auth: [{ type: 'password' as const, password: 'x' }],
    hostKeys: { knownHostsFile: fresh('known_hosts'), acceptNew: false },
    connectTimeoutMs,
  };
}

/** Upload options for the calls that fail before any connection. */
const offline = {
  auth: { agent: false as const },
  hostKeys: { knownHostsFile: join(scratch, 'known_hosts'), acceptNew: false },
};

type Case = readonly [label: string, english: RegExp, reach: () => Promise<Worded>];

const cases: Case[] = [
  ['host syntax', /is not a host/, async () => errorOf(parseHostSpec('a b', 'root'))],
  ['host port', /the port must be/, async () => errorOf(parseHostSpec('node1:70000', 'root'))],
  [
    'known_hosts unreadable',
    /^cannot read .*known_hosts: /,
    async () => {
      const dir = fresh('known_hosts');
      mkdirSync(dir);
      return errorOf(await readKnownHosts(dir));
    },
  ],
  [
    'known_hosts not writable',
    /^cannot record the host key in /,
    async () =>
      errorOf(
        await recordHostKey(join(aFile, 'known_hosts'), '[10.0.0.1]:2222', hostKeyOf(keyBlob())),
      ),
  ],
  [
    'host key changed',
    /^HOST KEY CHANGED for 10\.0\.0\.1:2222\. .*man-in-the-middle.*ssh-keygen -R/,
    async () => {
      const recorded = knownHostsLine('[10.0.0.1]:2222', hostKeyOf(keyBlob()));
      return refusal(`# first line\n${recorded}\n`, keyBlob());
    },
  ],
  [
    'host key changed, another type',
    /^HOST KEY CHANGED .*ecdsa-sha2-nistp256/,
    async () => {
      const recorded = knownHostsLine('[10.0.0.1]:2222', hostKeyOf(keyBlob()));
      return refusal(`${recorded}\n`, keyBlob('ecdsa-sha2-nistp256'));
    },
  ],
  [
    'host key revoked',
    /offered a key marked @revoked in .* line 2 /,
    async () => {
      const blob = keyBlob();
      return refusal(`\n@revoked * ssh-ed25519 ${blob.toString('base64')}\n`, blob);
    },
  ],
  [
    'host key unknown',
    /is not in .*ssh-keygen -lf \/etc\/ssh\/ssh_host_ed25519_key\.pub.*--accept-new/,
    async () => refusal('', keyBlob()),
  ],
  [
    'host key accepted but not recordable',
    /^cannot record the host key in /,
    async () => {
      // A link to a folder that does not exist: read as a missing file, but no write can follow it.
      const file = fresh('known_hosts');
      symlinkSync(join(fresh('gone'), 'known_hosts'), file);
      const check = await prepareHostKeyCheck(target, { knownHostsFile: file, acceptNew: true });
      expect(await checkHostKey(unwrapHost(check), keyBlob())).toBe(false);
      return unwrapHost(check).refusal!;
    },
  ],
  [
    'no credentials',
    /^no credentials to log in with/,
    async () => {
      vi.stubEnv('HOME', fresh('empty-home'));
      try {
        return errorOf(await prepareAuth({ agent: false }));
      } finally {
        vi.unstubAllEnvs();
      }
    },
  ],
  [
    'key file missing',
    /^cannot read the key file /,
    async () => errorOf(await prepareAuth({ identity: fresh('missing-key'), agent: false })),
  ],
  [
    'public key given',
    /is a public key; give the private key file/,
    async () => errorOf(await prepareAuth({ identity: `${sshKey()}.pub`, agent: false })),
  ],
  [
    'key needs a passphrase',
    /is protected by a passphrase/,
    async () => errorOf(await prepareAuth({ identity: sshKey('secret words'), agent: false })),
  ],
  [
    'wrong passphrase',
    /^the passphrase for .* is wrong$/,
    async () =>
      errorOf(
        await prepareAuth({ identity: sshKey('secret words'), passphrase: 'wrong', agent: false }),
      ),
  ],
  [
    'not a key',
    /is not a private key ssh2 can read/,
    async () => {
      const file = fresh('garbage-key');
      writeFileSync(file, 'not a key at all\n');
      return errorOf(await prepareAuth({ identity: file, agent: false }));
    },
  ],
  [
    'known_hosts unreadable on connect',
    /^cannot read /,
    async () => {
      const dir = fresh('known_hosts');
      mkdirSync(dir);
      const options = { ...localOptions(), hostKeys: { knownHostsFile: dir, acceptNew: false } };
      const error = errorOf(
        await openSession({ address: '127.0.0.1', port: closedPort, user: 'root' }, options),
      );
      expect((error as HostError).host).toBe(`127.0.0.1:${closedPort}`);
      return error;
    },
  ],
  [
    'connection refused',
    /^cannot connect to 127\.0\.0\.1:\d+: connection refused; nothing listens on port \d+/,
    async () =>
      errorOf(
        await openSession({ address: '127.0.0.1', port: closedPort, user: 'root' }, localOptions()),
      ),
  ],
  [
    'connect timeout',
    /did not answer within 0\.3 s .*is \d+ its SSH port/,
    async () =>
      errorOf(
        await openSession(
          { address: '127.0.0.1', port: silentPort, user: 'root' },
          localOptions(300),
        ),
      ),
  ],
  [
    'product commands missing',
    /the product's commands clpcl, clpgrp are not found \(looked on PATH and in \/opt\/nec\/clusterpro\/bin\)/,
    async () => {
      const output = PROBED.filter((line) => !/clpcl=|clpgrp=/.test(line)).join('\n');
      return errorOf(await probeHost(fakeSession(output), remote, 1024));
    },
  ],
  [
    'temp area too small',
    /\/tmp has 100 KiB free; the upload needs 1024 KiB there/,
    async () => errorOf(await probeHost(fakeSession(PROBED.join('\n')), remote, 1024)),
  ],
  [
    'not our temp folder',
    /^\/etc is not a temp folder of ours/,
    async () => errorOf(await removeRemoteTemp(fakeSession(), '/etc')),
  ],
  [
    'remote temp folder not made',
    /^cannot create \/tmp\/clpbuilder\.\w{8}: Permission denied/,
    async () =>
      errorOf(
        await pullConfiguration(
          fakeSession('', fakeSftp({ mkdir: failing('Permission denied') })),
          remote,
          '/tmp',
        ),
      ),
  ],
  [
    'pull left no clp.conf',
    /the pull succeeded but left no clp\.conf/,
    async () => errorOf(await pullConfiguration(fakeSession(), remote, '/tmp')),
  ],
  [
    'copy to the host',
    /^copying to \/tmp\/clpbuilder\.x failed: Failure/,
    async () =>
      errorOf(
        await uploadFiles(fakeSftp({ writeFile: failing('Failure') }), '/tmp/clpbuilder.x', [
          { path: 'scripts/g/start.sh', bytes: Buffer.from('x'), mode: 0o755 },
        ]),
      ),
  ],
  [
    'copy from the host, unsafe name',
    /^copying from \/tmp\/clpbuilder\.x failed: the host listed an unsafe name "\.\.\/x"/,
    async () =>
      errorOf(
        await downloadFolder(
          fakeSftp({
            readdir: (_dir, done) =>
              (done as (e: null, v: unknown) => void)(null, [entry('../x', 'file')]),
          }),
          '/tmp/clpbuilder.x',
        ),
      ),
  ],
  [
    'copy from the host, too large',
    /failed: the folder is larger than 256 MiB/,
    async () =>
      errorOf(
        await downloadFolder(
          fakeSftp({
            readdir: (_dir, done) =>
              (done as (e: null, v: unknown) => void)(null, [entry('clp.conf', 'file', 2 ** 30)]),
          }),
          '/tmp/clpbuilder.x',
        ),
      ),
  ],
  [
    'copy from the host, failing',
    /^copying from \/tmp\/clpbuilder\.x failed: No such file/,
    async () =>
      errorOf(
        await downloadFolder(fakeSftp({ readdir: failing('No such file') }), '/tmp/clpbuilder.x'),
      ),
  ],
  [
    'make a folder',
    /^cannot create \/tmp\/clpbuilder\.x: /,
    async () =>
      errorOf(
        await makeFolder(fakeSftp({ mkdir: failing('Failure') }), '/tmp/clpbuilder.x', 0o700),
      ),
  ],
  [
    'remove a folder',
    /^cannot remove \/tmp\/clpbuilder\.x: /,
    async () =>
      errorOf(await removeFolder(fakeSftp({ rmdir: failing('Failure') }), '/tmp/clpbuilder.x')),
  ],
  [
    'snapshot not written',
    /^cannot write the snapshot /,
    async () =>
      errorOf(
        await writeSnapshot(join(aFile, 'snapshot'), [
          { path: 'clp.conf', bytes: Buffer.from('x'), mode: 0o644 },
        ]),
      ),
  ],
  [
    'pulled files without clp.conf',
    /^the configuration has no clp\.conf$/,
    async () => errorOf(projectFromFiles([])),
  ],
  [
    'staging an unsafe script',
    /^cannot stage the upload: /,
    async () => {
      const project = iscsiProject();
      const scripts = new Map([['../evil.sh', { bytes: new Uint8Array(), executable: true }]]);
      return errorOf(await stageProject({ ...project, scripts }));
    },
  ],
  [
    'download target unreadable',
    /^cannot read .*a-file$/,
    async () => errorOf(await inspectDownloadTarget(aFile, downloaded())),
  ],
  [
    'download target not a project',
    /is not empty and holds no clp\.conf/,
    async () => {
      const folder = fresh('other');
      mkdirSync(folder);
      writeFileSync(join(folder, 'notes.txt'), 'mine\n');
      return errorOf(await inspectDownloadTarget(folder, downloaded()));
    },
  ],
  [
    'download target a broken project',
    /; fix or move it before downloading into /,
    async () => {
      const folder = fresh('broken');
      mkdirSync(folder);
      writeFileSync(join(folder, 'clp.conf'), '<root><cluster>\n');
      return errorOf(await inspectDownloadTarget(folder, downloaded()));
    },
  ],
  [
    'download not saved',
    /^cannot save into .*clp\.conf: /,
    async () => errorOf(await saveDownloaded(join(aFile, 'project'), downloaded())),
  ],
  [
    'upload: no project',
    /missing-project/,
    async () => errorOf(await uploadProject(fresh('missing-project'), offline)),
  ],
  [
    'upload: no hosts',
    /^no hosts to upload to: give --host <address\[:port\]>/,
    async () => {
      const folder = await saveTo(fresh('no-hosts'), iscsiProject());
      return errorOf(await uploadProject(folder, offline));
    },
  ],
  [
    'no remembered password',
    /^no password is remembered for root@10\.0\.0\.1:22: type it$/,
    async () =>
      errorOf(
        await createHostHandlers(noSecretStore)['hosts:download']({
          host: { address: '10.0.0.1', port: 22, user: 'root' },
          folder: fresh('download'),
          useRememberedPassword: true,
        }),
      ),
  ],
  [
    'different remembered passwords',
    /^the hosts have different remembered passwords/,
    async () => {
      const hosts = [
        { address: '10.0.0.1', port: 22, user: 'root' },
        { address: '10.0.0.2', port: 22, user: 'root' },
      ];
      const secrets = keychainSecretStore(fresh('secrets.json'), testKeychain());
      await secrets.remember(hostLogin(hosts[0]!), 'one');
      await secrets.remember(hostLogin(hosts[1]!), 'two');
      return errorOf(
        await createHostHandlers(secrets)['hosts:plan']({
          project: fresh('project'),
          hosts,
          useRememberedPassword: true,
        }),
      );
    },
  ],
  [
    'no secret store',
    /^passwords can be remembered only in the desktop app/,
    async () => errorOf(await noSecretStore.remember('root@h:22', 'secret')),
  ],
  [
    'no keychain',
    /^the operating system keychain is not available$/,
    async () => {
      const cipher = testKeychain(undefined, { isEncryptionAvailable: () => false });
      return errorOf(await keychainSecretStore(fresh('s.json'), cipher).remember('a@h:22', 's'));
    },
  ],
  [
    'keychain with a fixed key',
    /^no keychain \(secret service\) runs on this desktop/,
    async () => {
      const cipher = testKeychain(undefined, { getSelectedStorageBackend: () => 'basic_text' });
      return errorOf(await keychainSecretStore(fresh('s.json'), cipher).remember('a@h:22', 's'));
    },
  ],
];

/** The lab: real sshd hosts for the errors that need a login (test/hosts/harness.ts). */
let lab: Lab;
let cluster: TestCluster;
let folder: string;
beforeAll(async () => {
  lab = startLab();
  cluster = await lab.cluster(1);
  folder = await saveTo(join(lab.dir, 'project'), iscsiProject(cluster.hosts));
});
afterAll(() => lab.stop());

/** The lab host as a target. */
const labHost = (): HostTarget => {
  const host = cluster.hosts[0]!;
  return { address: host.address, port: host.port, user: 'root' };
};

/** The failure of an upload report. */
function failureOf(report: { failure?: HostError }): HostError {
  expect(report.failure).toBeDefined();
  return report.failure!;
}

const labCases: Case[] = [
  [
    'login refused',
    /refused the login as root \(tried: key\): check the user name/,
    async () => {
      const stranger = lab.newKey('stranger', { authorize: false });
      const options = uploadOptions(lab, {
        dryRun: true,
        auth: { identity: stranger, agent: false },
      });
      return failureOf(unwrapHost(await uploadProject(folder, options)));
    },
  ],
  [
    'nothing to download',
    /has no cluster configuration to download/,
    async () => errorOf(await downloadConfiguration(labHost(), connection(lab))),
  ],
  [
    'rule errors',
    /^the project has \d+ rule error\(s\), e\.g\. .*--allow-errors$/,
    async () => {
      const broken = { ...iscsiProject(cluster.hosts), scripts: new Map() };
      const brokenFolder = await saveTo(join(lab.dir, 'broken'), broken);
      const report = unwrapHost(
        await uploadProject(brokenFolder, uploadOptions(lab, { dryRun: true })),
      );
      return failureOf(report);
    },
  ],
  [
    'command failed',
    /: the command exited with 7$/,
    async () => {
      seedCluster(cluster, folder);
      inject(cluster.hosts[0]!, 'pull-fail');
      return failureOf(
        unwrapHost(await uploadProject(folder, uploadOptions(lab, { dryRun: true }))),
      );
    },
  ],
  [
    'command timeout',
    /: no answer within 1 s$/,
    async () => {
      seedCluster(cluster, folder);
      inject(cluster.hosts[0]!, 'hang-clpcfctrl', '3');
      const options = uploadOptions(lab, { dryRun: true, commandTimeoutMs: 1000 });
      return failureOf(unwrapHost(await uploadProject(folder, options)));
    },
  ],
  [
    'verify mismatch',
    /stored something other than what was sent: clp\.conf on the host differs/,
    async () => {
      seedCluster(cluster, folder);
      inject(cluster.hosts[0]!, 'store-different');
      return failureOf(unwrapHost(await uploadProject(folder, uploadOptions(lab))));
    },
  ],
];

describe('hosts errors in Japanese', () => {
  it.each(cases)('%s', async (label, english, reach) => {
    const error = await reach();
    expect(error.message).toMatch(english);
    expectJapaneseError(error, label);
  });

  it.each(labCases)('against a real sshd: %s', async (label, english, reach) => {
    const error = await reach();
    expect(error.message).toMatch(english);
    expectJapaneseError(error, label);
  });

  it('host-key refusals stay explicit about the danger', async () => {
    const changed = await refusal(
      `${knownHostsLine('[10.0.0.1]:2222', hostKeyOf(keyBlob()))}\n`,
      keyBlob(),
    );
    expect(changed.ja).toMatch(/^警告: /);
    expect(changed.ja).toContain('中間者攻撃');
    expect(changed.ja).toContain('何も送信していません');
  });
});

describe('verify in Japanese', () => {
  const conf = Buffer.from(
    '<?xml version="1.0" encoding="ASCII"?>\n<root><cluster><name>c1</name></cluster></root>\n',
  );
  const sent = [
    { path: 'clp.conf', bytes: conf, mode: 0o644 },
    { path: 'scripts/g1/r1/start.sh', bytes: Buffer.from('#!/bin/sh\n'), mode: 0o755 },
  ];
  const problems: Array<readonly [string, Array<{ path: string; bytes: Buffer; mode: number }>]> = [
    ['a script missing', [sent[0]!]],
    ['a script changed', [sent[0]!, { ...sent[1]!, bytes: Buffer.from('#!/bin/sh\nexit 1\n') }]],
    [
      'an extra script',
      [...sent, { path: 'scripts/g2/x.sh', bytes: Buffer.from('x'), mode: 0o755 }],
    ],
    ['clp.conf unreadable', [{ ...sent[0]!, bytes: Buffer.from('<root') }, sent[1]!]],
    [
      'clp.conf changed',
      [{ ...sent[0]!, bytes: Buffer.from(conf.toString().replace('c1', 'c2')) }, sent[1]!],
    ],
  ];

  it.each(problems)('%s', (label, pulled) => {
    const outcome = compareConfiguration(sent, pulled);
    expect(outcome.matches).toBe(false);
    expect(outcome.problemsJa).toHaveLength(outcome.problems.length);
    outcome.problems.forEach((problem, index) =>
      expectJapaneseOf(problem, outcome.problemsJa![index]!, label),
    );
  });
});
