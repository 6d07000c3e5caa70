/**
 * The main process's and the templates' errors in Japanese: each error the file services and
 * the wizards give, reached through their exported functions against real temporary folders,
 * carries `ja`, which is Japanese and keeps every path, name and count of the English.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppError, type Project, type Result, addMonitor, pipe } from '../schemas/index.js';
import { EXAMPLE_VMX } from '../schemas/vm-profile.js';
import type { ProjectFiles } from '../electron/contract.js';
import { saveConfFile } from '../electron/services/conf-file-save.js';
import { listFolder } from '../electron/services/folder-browser.js';
import { type IoAction, ioError } from '../electron/services/io-error.js';
import {
  createProjectFolder,
  exportProjectZip,
  saveProjectAs,
} from '../electron/services/project-create.js';
import { openProjectFiles, saveProjectFiles } from '../electron/services/project-files.js';
import { openProject, saveProject } from '../electron/services/project-folder.js';
import { batchArgument } from '../templates/escape.js';
import { generateScripts } from '../templates/generate.js';
import {
  type WizardOptionsInput,
  buildTopology,
  regenerateScripts,
  wireScripts,
} from '../templates/index.js';
import { expectJapaneseOf } from './support/japanese.js';
import { unwrap } from './support/project.js';
import { interHostProject } from './support/rule-projects.js';

const scratch = mkdtempSync(join(tmpdir(), 'clpbuilder-errors-ja-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const home = join(scratch, 'home');
const outside = join(scratch, 'outside');
let serial = 0;

/** A new folder under home, made with `files` (relative path → content). */
function folderWith(files: Record<string, string> = {}): string {
  serial += 1;
  const folder = join(home, `case-${serial}`);
  mkdirSync(folder, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  return folder;
}

/** A saved project folder (the guide's inter-host cluster). */
async function projectFolder(): Promise<string> {
  const folder = folderWith();
  unwrap(await saveProject(folder, interHostProject()));
  return folder;
}

let files: ProjectFiles;
let conf: Uint8Array;

beforeAll(async () => {
  mkdirSync(home, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.sh'), '#!/bin/sh\n');
  const opened = unwrap(await openProjectFiles(await projectFolder()));
  files = opened.files;
  conf = new Uint8Array(Buffer.from(files.conf, 'base64'));
});

function errorOf(result: Result<unknown>): AppError {
  if (result.ok) {
    throw new Error('expected a failure, got success');
  }
  return result.error;
}

/** Asserts the error is the expected one and has a Japanese wording that keeps its values. */
function expectJapanese(label: string, result: Result<unknown>, english: string): void {
  const error = errorOf(result);
  expect(error.message, label).toContain(english);
  expect(error.ja, `${label}: no ja for "${error.message}"`).toBeDefined();
  expectJapaneseOf(error.message, error.ja as string, label);
}

/** A zip file under home from entries as fflate takes them. */
function zipFile(entries: Parameters<typeof zipSync>[0], bytes?: (zip: Uint8Array) => void) {
  serial += 1;
  const path = join(home, `case-${serial}.zip`);
  const zip = zipSync(entries);
  bytes?.(zip);
  writeFileSync(path, zip);
  return path;
}

/** Calls `each` with the offset of every central-directory header of a zip (no comment). */
function forEachDirectoryHeader(zip: Uint8Array, each: (view: DataView, at: number) => void) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let index = 0; index < count; index += 1) {
    each(view, at);
    const lengths =
      view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    at += 46 + lengths;
  }
}

const link = (target: string): [Uint8Array, { os: number; attrs: number }] => [
  new TextEncoder().encode(target),
  { os: 3, attrs: 0o120777 * 0x10000 },
];

type Case = readonly [label: string, english: string, run: () => Promise<Result<unknown>>];

describe('folder picker (folder-browser.ts)', () => {
  const cases: Case[] = [
    ['a relative path', 'give an absolute path', () => listFolder('relative/folder', [home])],
    ['a path with ..', '".." is not allowed', () => listFolder(`${home}/../outside`, [home])],
    [
      'a folder outside the roots',
      'is outside the folders this window may use',
      () => listFolder(outside, [home]),
    ],
    [
      'no allowed root',
      'no folder is allowed',
      () => listFolder(undefined, [join(scratch, 'no-such-root')]),
    ],
    [
      'a folder with too many entries',
      'entries; choose a smaller folder',
      async () => {
        const folder = folderWith();
        for (let index = 0; index < 2001; index += 1) {
          writeFileSync(join(folder, `f${index}`), '');
        }
        return listFolder(folder, [home]);
      },
    ],
    [
      'listing a file',
      'listing',
      async () => listFolder(join(folderWith({ 'a.txt': 'x' }), 'a.txt'), [home]),
    ],
    [
      'resolving a path through a file',
      'resolving',
      async () => listFolder(join(folderWith({ 'a.txt': 'x' }), 'a.txt', 'below'), [home]),
    ],
  ];
  it.each(cases)('%s', async (label, english, run) => {
    expectJapanese(label, await run(), english);
  });
});

describe('New, Save As, Export zip (project-create.ts, project-files.ts)', () => {
  const cases: Case[] = [
    [
      'an export not named .zip',
      'must end with .zip',
      async () => exportProjectZip(join(home, 'export-1.tar'), files),
    ],
    [
      'an export over an existing file',
      'exists; choose another name',
      async () => exportProjectZip(zipFile({ x: new Uint8Array([1]) }), files),
    ],
    [
      'Save As into a file',
      'is a file; choose a new or empty folder',
      async () => saveProjectAs(join(folderWith({ 'a.txt': 'x' }), 'a.txt'), files),
    ],
    [
      'Save As into a folder that is not empty',
      'is not empty (it holds',
      async () => saveProjectAs(folderWith({ a1: '', b2: '', c3: '', d4: '' }), files),
    ],
    [
      'saving a zip export',
      'is a .zip export and read-only',
      async () =>
        saveProjectFiles({
          location: { kind: 'zip', path: join(home, 'export-2.zip') },
          files,
          expected: { mtimeMs: 0, size: 0, sha256: '' },
        }),
    ],
    [
      'New with a topology error',
      'builds the SingleServerSafe project of one ESX host',
      async () =>
        createProjectFolder(join(home, 'new-1'), {
          topology: 'vmware-ha-sss',
          servers: [
            { name: 'esx1', addresses: ['10.0.0.1'] },
            { name: 'esx2', addresses: ['10.0.0.2'] },
          ],
        }),
    ],
  ];
  it.each(cases)('%s', async (label, english, run) => {
    expectJapanese(label, await run(), english);
  });
});

describe('saving over changes on disk (project-save.ts, conf-file-save.ts)', () => {
  it('a project whose clp.conf changed on disk', async () => {
    const folder = await projectFolder();
    const opened = unwrap(await openProject(folder));
    writeFileSync(join(folder, 'clp.conf'), '<?xml version="1.0"?><root/>\n');
    const saved = await saveProject(folder, opened.project, { expected: opened.fingerprint });
    expectJapanese('changed on disk', saved, 'changed on disk since it was opened');
  });

  it('a project whose clp.conf was removed', async () => {
    const folder = await projectFolder();
    const opened = unwrap(await openProject(folder));
    rmSync(join(folder, 'clp.conf'));
    const saved = await saveProject(folder, opened.project, { expected: opened.fingerprint });
    expectJapanese('removed', saved, 'was removed since it was opened; save again with force');
  });

  it('a bare clp.conf that changed on disk', async () => {
    const file = join(await projectFolder(), 'clp.conf');
    const opened = unwrap(await openProject(file));
    writeFileSync(file, '<?xml version="1.0"?><root/>\n');
    const saved = await saveConfFile(file, opened.project.conf, { expected: opened.fingerprint });
    expectJapanese('bare file changed', saved, 'changed on disk since it was opened');
  });

  it('a bare clp.conf that was removed', async () => {
    const file = join(await projectFolder(), 'clp.conf');
    const opened = unwrap(await openProject(file));
    rmSync(file);
    const saved = await saveConfFile(file, opened.project.conf, { expected: opened.fingerprint });
    expectJapanese(
      'bare file removed',
      saved,
      'was removed since it was opened; nothing was written',
    );
  });
});

describe('opening and saving project folders (project-folder.ts, scripts-tree.ts, stale-scripts.ts)', () => {
  const cases: Case[] = [
    ['a missing folder', 'opening', async () => openProject(join(home, 'missing'))],
    [
      'a folder without clp.conf',
      'has no clp.conf',
      async () => openProject(folderWith({ 'readme.txt': 'x' })),
    ],
    [
      'a clp.conf that is a folder',
      'reading',
      async () => openProject(folderWith({ 'clp.conf/x': 'x' })),
    ],
    [
      'scripts/ that is a file',
      'scripts/ must be a folder',
      async () => {
        const folder = await projectFolder();
        rmSync(join(folder, 'scripts'), { recursive: true });
        writeFileSync(join(folder, 'scripts'), 'x');
        return openProject(folder);
      },
    ],
    [
      'a script linked outside the project',
      'outside the project folder; replace it with a copy',
      async () => {
        const folder = await projectFolder();
        mkdirSync(join(folder, 'scripts', 'g1', 'r1'), { recursive: true });
        symlinkSync(join(outside, 'secret.sh'), join(folder, 'scripts', 'g1', 'r1', 'start.sh'));
        return openProject(folder);
      },
    ],
    [
      'a link back to a containing folder',
      'links back to a folder that contains it',
      async () => {
        const folder = await projectFolder();
        mkdirSync(join(folder, 'scripts', 'g1'), { recursive: true });
        symlinkSync('..', join(folder, 'scripts', 'g1', 'loop'));
        return openProject(folder);
      },
    ],
    [
      'scripts/ linked outside the folder, on save',
      'leads outside',
      async () => {
        const folder = folderWith();
        symlinkSync(outside, join(folder, 'scripts'));
        return saveProject(folder, interHostProject());
      },
    ],
    [
      'a folder with foreign scripts and no clp.conf',
      'has no clp.conf but its scripts/ holds files',
      async () =>
        saveProject(folderWith({ 'scripts/g1/r1/old.sh': '#!/bin/sh\n' }), interHostProject()),
    ],
  ];
  it.each(cases)('%s', async (label, english, run) => {
    expectJapanese(label, await run(), english);
  });

  it.skipIf(process.platform === 'win32')('a FIFO under scripts/', async () => {
    const folder = await projectFolder();
    mkdirSync(join(folder, 'scripts', 'g1'), { recursive: true });
    execFileSync('mkfifo', [join(folder, 'scripts', 'g1', 'pipe')]);
    expectJapanese('FIFO', await openProject(folder), 'is neither a file nor a folder');
  });
});

describe('zip exports (project-folder.ts, project-zip.ts, zip-directory.ts)', () => {
  const cases: Case[] = [
    [
      'a zip too large to be an export',
      'MiB; a configuration export is far smaller',
      async () => {
        serial += 1;
        const path = join(home, `case-${serial}.zip`);
        writeFileSync(path, '');
        truncateSync(path, 257 * 1024 * 1024);
        return openProject(path);
      },
    ],
    [
      'an entry that escapes',
      'zip entry',
      async () => openProject(zipFile({ 'clp.conf': conf, '../evil.sh': new Uint8Array([1]) })),
    ],
    [
      'a zip that unpacks too large',
      'the zip unpacks to more than 256 MiB',
      async () =>
        openProject(
          zipFile({ 'clp.conf': conf, 'scripts/g1/r1/start.sh': new Uint8Array([1]) }, (zip) =>
            forEachDirectoryHeader(zip, (view, at) => view.setUint32(at + 24, 0x10000000, true)),
          ),
        ),
    ],
    [
      'a zip without clp.conf',
      'the zip has no clp.conf',
      async () =>
        openProject(zipFile({ 'a/clp.conf': new Uint8Array([60]), 'b/x': new Uint8Array([1]) })),
    ],
    [
      'a zip whose data is damaged',
      'the zip archive cannot be unpacked',
      async () =>
        openProject(
          zipFile({ 'clp.conf': conf }, (zip) => {
            // The deflated clp.conf starts after the 30-byte local header and its name.
            zip.fill(0xff, 38, 38 + 64);
          }),
        ),
    ],
    [
      'a link entry leading out of the project',
      'outside the project; refusing it',
      async () =>
        openProject(
          zipFile({ 'clp.conf': conf, 'scripts/g1/r1/start.sh': link('../../../../etc/passwd') }),
        ),
    ],
    [
      'a link entry to no file of the zip',
      'which is not a file in the zip',
      async () =>
        openProject(zipFile({ 'clp.conf': conf, 'scripts/g1/r1/start.sh': link('missing.sh') })),
    ],
    [
      'a file that is not a zip',
      'this is not a zip archive',
      async () => {
        serial += 1;
        const path = join(home, `case-${serial}.zip`);
        writeFileSync(path, 'not a zip at all');
        return openProject(path);
      },
    ],
    [
      'a zip whose directory is damaged',
      'the zip archive is damaged',
      async () =>
        openProject(
          zipFile({ 'clp.conf': conf }, (zip) => {
            // The directory now starts at the local header, which is not a directory header.
            new DataView(zip.buffer, zip.byteOffset).setUint32(zip.length - 22 + 16, 0, true);
          }),
        ),
    ],
    [
      'a broken clp.conf inside a zip folder',
      'conf/clp.conf (in the zip)',
      async () =>
        openProject(zipFile({ 'conf/clp.conf': new TextEncoder().encode('<root><a></root>') })),
    ],
    [
      'a broken project.json inside a zip folder',
      'conf/.clpbuilder/project.json (in the zip)',
      async () =>
        openProject(
          zipFile({
            'conf/clp.conf': conf,
            'conf/.clpbuilder/project.json': new TextEncoder().encode('{ not json'),
          }),
        ),
    ],
  ];
  it.each(cases)('%s', async (label, english, run) => {
    expectJapanese(label, await run(), english);
  });
});

describe('file-system errors (io-error.ts)', () => {
  const ACTIONS = [
    'reading',
    'writing',
    'creating the folder',
    'replacing',
    'flushing',
    'checking',
    'listing',
    'resolving',
    'opening',
    'following the link',
    'deleting',
  ] as const satisfies readonly IoAction[];
  const CODES = [
    'ENOENT',
    'EACCES',
    'EPERM',
    'EROFS',
    'ENOSPC',
    'EDQUOT',
    'ENOTDIR',
    'EISDIR',
    'EEXIST',
    'EMFILE',
  ];
  const file = '/srv/clp/project-1/clp.conf';
  const nodeError = (code: string) =>
    Object.assign(new Error(`${code}: something, open '${file}'`), { code });

  it.each(ACTIONS)('%s', (action) => {
    const error = ioError(nodeError('ENOENT'), file, action);
    expect(error.message).toBe(
      `${action} ${file} failed: it does not exist; check the path (ENOENT)`,
    );
    expectJapaneseOf(error.message, error.ja as string, action);
  });

  it.each(CODES)('%s', (code) => {
    const error = ioError(nodeError(code), file, 'writing');
    expect(error.message).toContain(`(${code})`);
    expectJapaneseOf(error.message, error.ja as string, code);
    expect(error.ja).toContain(`(${code})`);
  });

  it('keeps the system message of a code it has no advice for', () => {
    const error = ioError(nodeError('ELOOP'), file, 'reading');
    expectJapaneseOf(error.message, error.ja as string, 'ELOOP');
    expect(error.ja).toContain(`ELOOP: something, open '${file}'`);
  });
});

const TWO_HOSTS: WizardOptionsInput['servers'] = [
  { name: 'esx1', addresses: ['10.0.0.1', '192.168.0.1'] },
  { name: 'esx2', addresses: ['10.0.0.2', '192.168.0.2'] },
];

function build(options: Partial<WizardOptionsInput>) {
  return buildTopology({
    topology: 'inter-host',
    servers: TWO_HOSTS,
    profile: { vmx: EXAMPLE_VMX },
    ...options,
  });
}

const withProfile = (project: Project, change: Record<string, unknown>): Project => ({
  ...project,
  meta: { ...project.meta, vmProfile: { ...project.meta.vmProfile, ...change } },
});

const text = (value: string) => ({ bytes: new TextEncoder().encode(value), executable: true });

type TemplateCase = readonly [label: string, english: string, run: () => Result<unknown>];

describe('wizards and scripts (topologies.ts, regenerate.ts, generate.ts, escape.ts)', () => {
  const host = () => unwrap(build({}))[0]!.project;
  const plain = () =>
    unwrap(
      pipe<Project>(
        withProfile(unwrap(build({ topology: 'plain' }))[0]!.project, { vmx: EXAMPLE_VMX }),
        (project) => addMonitor(project, 'genw', 'watch-1'),
      ),
    );
  const cases: TemplateCase[] = [
    [
      'a guest host name that cannot be derived',
      "cannot take the guest's host name",
      () => build({ topology: 'inter-host-guest-assoc', guestServer: 'Guest 1' }),
    ],
    [
      'several servers for SingleServerSafe',
      'builds the SingleServerSafe project of one ESX host',
      () => build({ topology: 'vmware-ha-sss-guest' }),
    ],
    [
      'a topology without the .vmx',
      'vmProfile.vmx is needed to generate vmpower.start.pl',
      () => build({ profile: {} }),
    ],
    [
      'a pre-action without the VM resource',
      'vmProfile.vmResource is needed to generate vmpreaction.sh',
      () => generateScripts({}, ['vm/vmpreaction.sh']),
    ],
    [
      'a pre-action without ESX addresses',
      'vmProfile.esxAddresses is needed to generate vmpreaction.bat',
      () => generateScripts({ vmResource: 'vm1' }, ['vm/vmpreaction.bat']),
    ],
    [
      'a batch value with %',
      'which a Windows batch file cannot pass on safely',
      () => batchArgument('50%-vm1', 'vmProfile.vmResource'),
    ],
    [
      'a batch value with a non-ASCII character',
      'holds U+00E9',
      () => batchArgument('caf\u00e9/vm1', 'vmProfile.vmResource'),
    ],
    [
      'a script edited by hand',
      'changed by hand since generated',
      () => {
        const project = host();
        const path = 'monitor.s/genw-vm/genw.sh';
        const script = new TextDecoder().decode(project.scripts.get(path)?.bytes);
        const scripts = new Map(project.scripts).set(path, text(`${script}# mine\n`));
        return regenerateScripts(withProfile({ ...project, scripts }, { checkInterval: 2 }));
      },
    ],
    [
      'a script of a retired template',
      'names template vm/retired.pl',
      () => {
        const project = host();
        const scripts = new Map(project.scripts).set(
          'failover-vm/exec-vm/extra.sh',
          text(
            '#!/bin/sh\n# clpbuilder-template: vm/retired.pl v1 params=0123456789abcdef body=0123456789abcdef\n',
          ),
        );
        return regenerateScripts({ ...project, scripts }, { force: true });
      },
    ],
    [
      'a stale script without its profile value',
      'vmProfile.vmx is needed to generate',
      () => regenerateScripts({ ...host(), meta: { ...host().meta, vmProfile: {} } }),
    ],
    [
      'a pre-action script of no monitor',
      'belongs to no monitor of this clp.conf',
      () => {
        const guest = unwrap(build({ topology: 'inter-host-guest-assoc' }))[1]!.project;
        const scripts = new Map(guest.scripts);
        const preaction = scripts.get('monitor.s/genw-app/preaction.sh')!;
        scripts.delete('monitor.s/genw-app/preaction.sh');
        scripts.set('monitor.s/ghost-1/preaction.sh', preaction);
        return regenerateScripts(withProfile({ ...guest, scripts }, { guestOs: 'windows' }));
      },
    ],
    [
      'wiring a missing exec resource',
      'exec resource "exec-1" is not in a group',
      () => wireScripts(plain(), { exec: 'exec-1' }),
    ],
    [
      'wiring a missing custom monitor',
      'genw monitor "genw-9" is not in this clp.conf',
      () => wireScripts(plain(), { monitor: 'genw-9' }),
    ],
    [
      'wiring a pre-action into a missing monitor',
      'monitor "diskw-9" is not in this clp.conf',
      () => wireScripts(plain(), { preaction: ['diskw-9'] }),
    ],
    [
      'wiring a custom monitor without the VM exec resource',
      'custom monitor watch-1 watches the VM exec resource',
      () => wireScripts(plain(), { monitor: 'watch-1' }),
    ],
  ];
  it.each(cases)('%s', (label, english, run) => {
    expectJapanese(label, run(), english);
  });
});
