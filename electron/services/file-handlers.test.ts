/**
 * The file menu through the contract, against real temp folders: New (the wizard), Save As,
 * Export zip, the disk check, the folder picker and recent projects, with their refusals
 * (outside the roots, `..`, a symlink that escapes, a folder that is not empty).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_VMX } from '../../schemas/vm-profile.js';
import type { OpenedProjectFiles } from '../contract.js';
import { createHandlers } from '../handlers.js';
import { type Handlers, dispatch } from '../ipc.js';
import { interHostProject } from '../../test/support/rule-projects.js';
import { openProject, saveProject } from './project-folder.js';
import { RECENT_LIMIT, defaultRecentFile } from './recent-projects.js';

const scratch = mkdtempSync(join(tmpdir(), 'clpbuilder-files-'));
const home = join(scratch, 'home');
const outside = join(scratch, 'outside');
const recentFile = join(scratch, 'config', 'clpbuilder', 'recent.json');
let handlers: Handlers;
let source: OpenedProjectFiles;

const WIZARD = {
  topology: 'inter-host',
  name: 'vmcluster',
  servers: [
    { name: 'esx1', addresses: ['10.0.0.1'] },
    { name: 'esx2', addresses: ['10.0.0.2'] },
  ],
  profile: { vmx: EXAMPLE_VMX },
};

beforeAll(async () => {
  mkdirSync(home, { recursive: true });
  mkdirSync(outside, { recursive: true });
  handlers = createHandlers({
    name: 'Cluster Builder',
    version: '0',
    files: { roots: [home], recentFile },
  });
  const saved = await saveProject(join(home, 'source'), interHostProject());
  expect(saved.ok).toBe(true);
  source = await value('project:open', [join(home, 'source')]);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function call(name: string, args: unknown[]) {
  return (await dispatch(name, args, handlers)) as {
    ok: boolean;
    value?: unknown;
    error?: { kind: string; message: string };
  };
}

async function value<T>(name: string, args: unknown[]): Promise<T> {
  const result = await call(name, args);
  if (!result.ok) {
    throw new Error(`${name}: ${result.error?.message}`);
  }
  return result.value as T;
}

describe('project:open', () => {
  it('tells whether the project came with its scripts: a bare clp.conf alone did not', async () => {
    expect(source.scriptsGiven).toBe(true);
    const alone = join(home, 'alone');
    mkdirSync(alone);
    copyFileSync(join(home, 'source', 'clp.conf'), join(alone, 'cluster.conf'));
    const bare = await value<OpenedProjectFiles>('project:open', [join(alone, 'cluster.conf')]);
    expect(bare).toMatchObject({ location: { kind: 'file' }, scriptsGiven: false });
    expect(bare.files.scripts).toEqual([]);
    // Beside the project's own scripts/, the same file comes with them.
    const beside = await value<OpenedProjectFiles>('project:open', [
      join(home, 'source', 'clp.conf'),
    ]);
    expect(beside).toMatchObject({ location: { kind: 'file' }, scriptsGiven: true });
    expect(beside.files.scripts.length).toBe(source.files.scripts.length);
  });
});

describe('project:create (the New cluster wizard)', () => {
  it('builds the topology like clpbuilder new and saves it into a new folder', async () => {
    const folder = join(home, 'new-cluster');
    const made = await value<{ created: Array<{ path: string }> }>('project:create', [
      { folder, options: WIZARD },
    ]);
    expect(made.created.map((entry) => entry.path)).toEqual([folder]);
    const opened = await openProject(folder);
    expect(opened.ok && opened.value.project.meta.topology).toBe('inter-host');
    expect(readFileSync(join(folder, 'clp.conf'), 'utf8')).toContain('vmcluster');
    expect(existsSync(join(folder, 'scripts/failover-vm/exec-vm/start.sh'))).toBe(true);
  });

  it('writes the guest side into guest/ for inter-host-guest-assoc, as clpbuilder new does', async () => {
    const folder = join(home, 'assoc');
    const made = await value<{ created: Array<{ path: string }> }>('project:create', [
      { folder, options: { ...WIZARD, topology: 'inter-host-guest-assoc' } },
    ]);
    expect(made.created.map((entry) => entry.path)).toEqual([folder, join(folder, 'guest')]);
    expect(existsSync(join(folder, 'guest', 'clp.conf'))).toBe(true);
  });

  it('refuses an existing non-empty folder and writes nothing into it', async () => {
    const folder = join(home, 'occupied');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    const refused = await call('project:create', [{ folder, options: WIZARD }]);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(refused.error?.message).toContain('not empty');
    expect(existsSync(join(folder, 'clp.conf'))).toBe(false);
  });

  it('names the wizard field that is wrong', async () => {
    const refused = await call('project:create', [
      { folder: join(home, 'bad'), options: { ...WIZARD, profile: { vmx: '/tmp/vm.vmx' } } },
    ]);
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/^vmProfile\.vmx: /);
    expect(existsSync(join(home, 'bad'))).toBe(false);
  });

  it('refuses folders outside the roots, with .. and through an escaping symlink', async () => {
    symlinkSync(outside, join(home, 'escape'));
    for (const folder of [join(outside, 'x'), `${home}/../outside/y`, join(home, 'escape', 'z')]) {
      const refused = await call('project:create', [{ folder, options: WIZARD }]);
      expect(refused, folder).toMatchObject({ ok: false, error: { kind: 'unsafe-path' } });
    }
    expect(existsSync(join(outside, 'x'))).toBe(false);
    expect(existsSync(join(outside, 'z'))).toBe(false);
  });
});

describe('project:save-as and project:export', () => {
  it('saves a copy into a new folder and answers with its location and fingerprint', async () => {
    const folder = join(home, 'copy');
    const saved = await value<{ location: { kind: string; path: string }; fingerprint: unknown }>(
      'project:save-as',
      [{ folder, files: source.files }],
    );
    expect(saved.location).toEqual({ kind: 'folder', path: folder });
    expect(readFileSync(join(folder, 'clp.conf'))).toEqual(
      readFileSync(join(home, 'source', 'clp.conf')),
    );
    const state = await value('project:disk-state', [
      { location: saved.location, expected: saved.fingerprint },
    ]);
    expect(state).toEqual({ changed: false, missing: false });
  });

  it('refuses to save as into a folder that holds something', async () => {
    const refused = await call('project:save-as', [
      { folder: join(home, 'source'), files: source.files },
    ]);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('exports a zip that opens as the same project, and never over an existing file', async () => {
    const destination = join(home, 'export.zip');
    expect(await value('project:export', [{ destination, files: source.files }])).toEqual({
      path: destination,
    });
    const reopened = await openProject(destination);
    expect(reopened.ok && reopened.value.location.kind).toBe('zip');
    const again = await call('project:export', [{ destination, files: source.files }]);
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const outsideZip = await call('project:export', [
      { destination: join(outside, 'x.zip'), files: source.files },
    ]);
    expect(outsideZip).toMatchObject({ ok: false, error: { kind: 'unsafe-path' } });
  });
});

describe('project:disk-state', () => {
  it('notices a change by another program, and a removed clp.conf', async () => {
    const folder = join(home, 'watched');
    const saved = await value<{ location: unknown; fingerprint: unknown }>('project:save-as', [
      { folder, files: source.files },
    ]);
    const ask = () =>
      value('project:disk-state', [{ location: saved.location, expected: saved.fingerprint }]);
    // Touched with the same bytes: the hash says nothing changed.
    utimesSync(join(folder, 'clp.conf'), new Date(), new Date(Date.now() + 5000));
    expect(await ask()).toEqual({ changed: false, missing: false });
    writeFileSync(join(folder, 'clp.conf'), '<root/>');
    expect(await ask()).toEqual({ changed: true, missing: false });
    rmSync(join(folder, 'clp.conf'));
    expect(await ask()).toEqual({ changed: true, missing: true });
  });

  it('after a touch found harmless, trusts the new mtime like the opened one (no hashing every few seconds)', async () => {
    const folder = join(home, 'touched');
    const saved = await value<{ location: unknown; fingerprint: unknown }>('project:save-as', [
      { folder, files: source.files },
    ]);
    const ask = () =>
      value('project:disk-state', [{ location: saved.location, expected: saved.fingerprint }]);
    const conf = join(folder, 'clp.conf');
    const touched = new Date(Date.now() + 5000);
    utimesSync(conf, touched, touched);
    expect(await ask()).toEqual({ changed: false, missing: false });
    // Same size, other bytes, the touched mtime put back: only a hash could tell, and the
    // watch no longer hashes for this mtime, exactly as it never hashes for the opened one.
    const text = readFileSync(conf, 'utf8');
    writeFileSync(conf, text.replace('<root>', '<ROOT>'));
    utimesSync(conf, touched, touched);
    expect(await ask()).toEqual({ changed: false, missing: false });
    // Any other mtime is hashed again.
    const later = new Date(Date.now() + 10000);
    utimesSync(conf, later, later);
    expect(await ask()).toEqual({ changed: true, missing: false });
  });
});

describe('files:list (the folder picker)', () => {
  it('lists subfolders, zips and clp.conf files of a folder within the roots', async () => {
    const listing = await value<{
      path: string;
      parent: string | null;
      entries: Array<{ name: string; kind: string }>;
    }>('files:list', [{}]);
    expect(listing.parent).toBeNull();
    expect(listing.entries).toContainEqual({ name: 'source', kind: 'folder' });
    expect(listing.entries).toContainEqual({ name: 'export.zip', kind: 'zip' });
    // The symlink to a folder outside the roots is not offered.
    expect(listing.entries.some((entry) => entry.name === 'escape')).toBe(false);
    const inside = await value<{ isProject: boolean; parent: string; entries: unknown[] }>(
      'files:list',
      [{ path: join(home, 'source') }],
    );
    expect(inside.isProject).toBe(true);
    expect(inside.parent).toBe(listing.path);
    expect(inside.entries).toContainEqual({ name: 'clp.conf', kind: 'conf' });
  });

  it('refuses a folder outside the roots, a path with .., a relative path and an escaping symlink', async () => {
    for (const path of ['/etc', `${home}/..`, 'home', join(home, 'escape')]) {
      const refused = await call('files:list', [{ path }]);
      expect(refused, path).toMatchObject({ ok: false, error: { kind: 'unsafe-path' } });
    }
  });
});

describe('files:recent', () => {
  it('keeps opened and saved-as projects newest first, once each, in the config folder', async () => {
    await value('project:open', [join(home, 'new-cluster')]);
    await value('project:open', [join(home, 'source')]);
    const recent = await value<{ projects: Array<{ path: string; kind: string }> }>(
      'files:recent',
      [],
    );
    const paths = recent.projects.map((project) => project.path);
    expect(paths.slice(0, 2)).toEqual([join(home, 'source'), join(home, 'new-cluster')]);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain(join(home, 'copy'));
    expect(recent.projects.length).toBeLessThanOrEqual(RECENT_LIMIT);
    expect(JSON.parse(readFileSync(recentFile, 'utf8')).projects[0].path).toBe(
      join(home, 'source'),
    );
    expect(existsSync(join(home, 'source', 'recent.json'))).toBe(false);
  });

  it('lives under XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultRecentFile({ XDG_CONFIG_HOME: '/x/config', HOME: '/h' })).toBe(
      '/x/config/clpbuilder/recent.json',
    );
    expect(defaultRecentFile({ HOME: '/h' })).toBe('/h/.config/clpbuilder/recent.json');
  });
});

describe('the contract of the file calls', () => {
  it('rejects malformed arguments before any handler runs', async () => {
    const bad: Array<[string, unknown[]]> = [
      ['project:create', [{ folder: '', options: WIZARD }]],
      ['project:create', [{ folder: join(home, 'n'), options: 'inter-host' }]],
      ['project:save-as', [{ folder: join(home, 'n') }]],
      ['project:save-as', [{ folder: join(home, 'n'), files: { ...source.files, conf: '%%' } }]],
      ['project:export', [{ destination: 42, files: source.files }]],
      ['project:disk-state', [{ location: { kind: 'cloud', path: '/x' }, expected: {} }]],
      ['files:list', [{ path: '' }]],
      ['files:recent', ['extra']],
    ];
    for (const [name, args] of bad) {
      const refused = await call(name, args);
      expect(refused, name).toMatchObject({ ok: false, error: { kind: 'usage' } });
    }
    expect(existsSync(join(home, 'n'))).toBe(false);
  });
});
