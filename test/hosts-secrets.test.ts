/**
 * Remembered passwords through the contract's handlers, against a real OpenSSH server: a
 * remembered password is what logs in (sshd refuses this one, and says the password was
 * tried), a refused password is never remembered, the secret never reaches a report, and
 * the browser host offers no remembering at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../electron/handlers.js';
import type { Handlers } from '../electron/ipc.js';
import { dispatch } from '../electron/ipc.js';
import { type SecretStore, keychainSecretStore } from '../electron/services/hosts/secret-store.js';
import { testKeychain } from './support/keychain.js';
import { type Lab, type TestCluster, type TestHost, startLab } from './hosts/harness.js';
import { seedCluster } from './hosts/host-state.js';
import { iscsiProject, saveTo } from './hosts/projects.js';

let lab: Lab;
let cluster: TestCluster;
let host: TestHost;
let folder: string;
let store: SecretStore;
let storeFile: string;
let handlers: Handlers;

beforeAll(async () => {
  lab = startLab();
  cluster = await lab.cluster(1);
  host = cluster.hosts[0]!;
  folder = await saveTo(join(lab.dir, 'project'), iscsiProject(cluster.hosts));
  seedCluster(cluster, folder);
  storeFile = join(lab.dir, 'ssh-passwords.json');
  store = keychainSecretStore(storeFile, testKeychain());
  handlers = createHandlers({ name: 'test', version: '0', secrets: store });
});
afterAll(() => lab.stop());

const key = () => `root@${host.address}:${host.port}`;

function planRequest(extra: Record<string, unknown>) {
  return {
    project: folder,
    hosts: [{ address: host.address, port: host.port, user: 'root' }],
    knownHostsFile: join(lab.dir, 'known_hosts'),
    acceptNew: true,
    useAgent: false,
    connectTimeoutMs: 5000,
    ...extra,
  };
}

async function plan(extra: Record<string, unknown>) {
  return (await dispatch('hosts:plan', [planRequest(extra)], handlers)) as {
    ok: boolean;
    value?: { ok: boolean; failure?: { kind: string; message: string } };
    error?: { kind: string; message: string };
  };
}

describe('remembered SSH passwords', () => {
  it('with nothing remembered, asks for the password and names the host', async () => {
    const result = await plan({ useRememberedPassword: true });
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe('usage');
    expect(result.error?.message).toContain(`no password is remembered for ${key()}`);
  });

  it('logs in with the remembered password, and the secret never reaches the report', async () => {
    await store.remember(key(), 'remembered-but-wrong');
    const result = await plan({ useRememberedPassword: true });
    expect(result.value?.ok).toBe(false);
    expect(result.value?.failure?.kind).toBe('ssh-auth');
    expect(result.value?.failure?.message).toMatch(/tried: password/);
    expect(JSON.stringify(result)).not.toContain('remembered-but-wrong');
    await store.forget(key());
  });

  it('a password the host refuses is not remembered', async () => {
    const result = await plan({ password: 'typed-and-wrong', rememberPassword: true });
    expect(result.value?.failure?.kind).toBe('ssh-auth');
    expect(await store.has([key()])).toEqual([]);
    expect(() => readFileSync(storeFile, 'utf8')).not.toContain('typed-and-wrong');
  });

  it('reports availability and remembered hosts; the browser host has no keychain', async () => {
    await store.remember(key(), 'x');
    const status = await dispatch(
      'secrets:status',
      [{ keys: [key(), 'root@10.9.9.9:22'] }],
      handlers,
    );
    expect(status).toEqual({ ok: true, value: { available: true, remembered: [key()] } });
    const forgotten = await dispatch('secrets:forget', [{ keys: [key()] }], handlers);
    expect(forgotten).toEqual({ ok: true, value: { forgotten: 1 } });
    expect(await store.has([key()])).toEqual([]);

    const browser = createHandlers({ name: 'test', version: '0' });
    const none = await dispatch('secrets:status', [{ keys: [key()] }], browser);
    expect(none).toMatchObject({ ok: true, value: { available: false, remembered: [] } });
    const bad = await dispatch('secrets:status', [{ keys: ['not a key'] }], browser);
    expect(bad).toMatchObject({ ok: false });
  });
});
