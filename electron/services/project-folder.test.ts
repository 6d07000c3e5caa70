/**
 * Project folder I/O against real temp folders and the real clp.conf fixtures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppError,
  type Project,
  type Result,
  decodeClpConf,
  decodeClpConfText,
  defaultProjectMeta,
  formatError,
  formatProjectMeta,
  serializeClpConf,
  setValue,
} from '../../schemas/index.js';
import { type FileIo, isTempName, nodeFileIo } from './atomic-write.js';
import { exportProject, openProject, saveProject } from './project-folder.js';
import { readZipDirectory } from './zip-directory.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixturesFolder = resolve(repoRoot, '../shared/fixtures/real');
const fixtureNames = readdirSync(fixturesFolder)
  .filter((name) => name.endsWith('.xml'))
  .sort();
const vmaFixture = join(fixturesFolder, 'mkazuyuki_docs_cf-conf-87b21ec.xml');
const otherFixture = join(fixturesFolder, 'mkazuyuki_hauc_cf-clpconf_iSCSI-Cluster.xml');

let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'clpbuilder-project-'));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(`expected success, got ${formatError(result.error)}`);
  }
  return result.value;
}

function errorOf<T>(result: Result<T>): AppError {
  if (result.ok) {
    throw new Error('expected a failure, got success');
  }
  return result.error;
}

interface TreeFile {
  readonly content: string | Uint8Array;
  readonly mode?: number;
}

async function makeTree(folder: string, files: Record<string, TreeFile>): Promise<void> {
  for (const [path, file] of Object.entries(files)) {
    const absolute = join(folder, path);
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, file.content);
    await chmod(absolute, file.mode ?? 0o644);
  }
}

/** Every path under a folder (files and folders), `/`-separated, sorted. */
async function listTree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries.map((entry) => entry.split('\\').join('/')).sort();
}

async function modeOf(file: string): Promise<number> {
  return (await stat(file)).mode & 0o777;
}

/** The vma-cfg layout of SCRIPTS_LAYOUT.md: extra vmconf.pl files, executable scripts. */
async function makeVmaProject(folder: string): Promise<void> {
  await makeTree(folder, {
    'clp.conf': { content: await readFile(vmaFixture) },
    'scripts/failover-cent7/exec-cent7/start.sh': {
      content: '#!/bin/sh\necho start\n',
      mode: 0o755,
    },
    'scripts/failover-cent7/exec-cent7/stop.sh': { content: '#!/bin/sh\necho stop\n', mode: 0o755 },
    'scripts/failover-cent7/exec-cent7/vmconf.pl': {
      content: 'our $vmx = "/vmfs/volumes/ds1/cent7.vmx";\n',
    },
    'scripts/monitor.s/genw-cent7/genw.sh': {
      content: '#!/usr/bin/perl -w\nexit 0;\n',
      mode: 0o750,
    },
    'scripts/monitor.s/genw-cent7/vmconf.pl': { content: new Uint8Array([0, 1, 2, 0xff, 0xfe]) },
    '.clpbuilder/project.json': {
      content: JSON.stringify({
        version: 1,
        topology: 'inter-guest-shared',
        vm: { diskType: 'rdm' },
      }),
    },
  });
}

/** The project with clp.conf's cluster comment changed: a real, minimal edit. */
function edited(project: Project, comment = 'edited by the test'): Project {
  return { ...project, conf: valueOf(setValue(project.conf, 'cluster/comment', comment)) };
}

describe('real fixtures, opened as bare files', () => {
  it.each(fixtureNames)('%s: save and export give the same bytes back', async (name) => {
    const fixture = join(fixturesFolder, name);
    const original = new Uint8Array(await readFile(fixture));
    const opened = valueOf(await openProject(fixture));
    expect(opened.location).toEqual({ kind: 'file', path: fixture });
    expect(opened.project.scripts.size).toBe(0);
    expect(opened.project.meta).toEqual(defaultProjectMeta());
    expect(opened.fingerprint.size).toBe(original.length);

    valueOf(await saveProject(join(work, 'saved'), opened.project));
    expect(new Uint8Array(await readFile(join(work, 'saved', 'clp.conf')))).toEqual(original);
    expect(await readFile(join(work, 'saved', '.clpbuilder', 'project.json'), 'utf8')).toBe(
      formatProjectMeta(defaultProjectMeta()),
    );

    valueOf(await exportProject(opened.project, join(work, 'exported')));
    expect(new Uint8Array(await readFile(join(work, 'exported', 'clp.conf')))).toEqual(original);
    expect(await listTree(join(work, 'exported'))).toEqual(['clp.conf']);

    valueOf(await exportProject(opened.project, join(work, 'exported.zip')));
    const unpacked = unzipSync(new Uint8Array(await readFile(join(work, 'exported.zip'))));
    expect(Object.keys(unpacked)).toEqual(['clp.conf']);
    expect(unpacked['clp.conf']).toEqual(original);
  });
});

describe('folder round trip', () => {
  it('carries every script, its executable bit and project.json', async () => {
    const source = join(work, 'source');
    await makeVmaProject(source);
    const opened = valueOf(await openProject(source));
    expect(opened.location).toEqual({ kind: 'folder', path: source });
    expect([...opened.project.scripts.keys()]).toEqual([
      'failover-cent7/exec-cent7/start.sh',
      'failover-cent7/exec-cent7/stop.sh',
      'failover-cent7/exec-cent7/vmconf.pl',
      'monitor.s/genw-cent7/genw.sh',
      'monitor.s/genw-cent7/vmconf.pl',
    ]);
    expect(opened.project.scripts.get('monitor.s/genw-cent7/genw.sh')?.executable).toBe(true);
    expect(opened.project.scripts.get('failover-cent7/exec-cent7/vmconf.pl')?.executable).toBe(
      false,
    );
    expect(opened.project.meta.topology).toBe('inter-guest-shared');
    expect(opened.project.meta.vm.diskType).toBe('rdm');

    const target = join(work, 'target');
    valueOf(await saveProject(target, opened.project));
    expect(await listTree(target)).toEqual(await listTree(source));
    expect(new Uint8Array(await readFile(join(target, 'clp.conf')))).toEqual(
      new Uint8Array(await readFile(vmaFixture)),
    );
    expect(await readFile(join(target, 'scripts/monitor.s/genw-cent7/vmconf.pl'))).toEqual(
      Buffer.from([0, 1, 2, 0xff, 0xfe]),
    );
    expect(await modeOf(join(target, 'scripts/failover-cent7/exec-cent7/start.sh'))).toBe(0o755);
    expect(await modeOf(join(target, 'scripts/monitor.s/genw-cent7/genw.sh'))).toBe(0o755);
    expect(await modeOf(join(target, 'scripts/failover-cent7/exec-cent7/vmconf.pl'))).toBe(0o644);

    const reopened = valueOf(await openProject(target));
    expect(reopened.project.scripts).toEqual(opened.project.scripts);
    expect(reopened.project.meta).toEqual(opened.project.meta);
    expect(reopened.fingerprint.sha256).toBe(opened.fingerprint.sha256);
  });

  it('deletes scripts the project no longer has and prunes their empty folders', async () => {
    await makeVmaProject(work);
    const opened = valueOf(await openProject(work));
    const scripts = new Map(
      [...opened.project.scripts].filter(([path]) => !path.startsWith('monitor.s/')),
    );
    valueOf(
      await saveProject(work, { ...opened.project, scripts }, { expected: opened.fingerprint }),
    );
    expect(existsSync(join(work, 'scripts/monitor.s'))).toBe(false);
    expect(existsSync(join(work, 'scripts/failover-cent7/exec-cent7/vmconf.pl'))).toBe(true);
    // clp.conf was not changed, so no backup replaces whatever the previous one was.
    expect(existsSync(join(work, 'clp.conf.bak'))).toBe(false);
  });

  it('keeps the previous clp.conf as clp.conf.bak', async () => {
    await makeVmaProject(work);
    const before = await readFile(join(work, 'clp.conf'));
    const opened = valueOf(await openProject(work));
    const fingerprint = valueOf(
      await saveProject(work, edited(opened.project), { expected: opened.fingerprint }),
    );
    expect(await readFile(join(work, 'clp.conf.bak'))).toEqual(before);
    const after = await readFile(join(work, 'clp.conf'));
    expect(after.toString('latin1')).toContain('edited by the test');
    expect(fingerprint.size).toBe(after.length);
    expect(await modeOf(join(work, 'clp.conf'))).toBe(0o644);

    // Saving the same bytes again must not overwrite the backup with them.
    valueOf(await saveProject(work, edited(opened.project), { expected: fingerprint }));
    expect(await readFile(join(work, 'clp.conf.bak'))).toEqual(before);
  });

  it('refuses to wipe a scripts/ folder in a folder that is not a project', async () => {
    await makeTree(work, { 'scripts/notes.txt': { content: 'mine' } });
    const opened = valueOf(await openProject(vmaFixture));
    const error = errorOf(await saveProject(work, opened.project));
    expect(error.kind).toBe('conflict');
    expect(error.file).toBe(join(work, 'scripts', 'notes.txt'));
    expect(await listTree(work)).toEqual(['scripts', 'scripts/notes.txt']);
  });

  it('export to a folder leaves .clpbuilder out', async () => {
    await makeVmaProject(join(work, 'source'));
    const opened = valueOf(await openProject(join(work, 'source')));
    valueOf(await exportProject(opened.project, join(work, 'out')));
    const tree = await listTree(join(work, 'out'));
    expect(tree).toContain('scripts/monitor.s/genw-cent7/vmconf.pl');
    expect(tree.some((path) => path.startsWith('.clpbuilder'))).toBe(false);
    expect(await readFile(join(work, 'out', 'clp.conf'))).toEqual(await readFile(vmaFixture));
  });
});

describe('zip', () => {
  it('round-trips clp.conf, scripts and unix modes', async () => {
    await makeVmaProject(join(work, 'source'));
    const opened = valueOf(await openProject(join(work, 'source')));
    const zipFile = join(work, 'export.zip');
    valueOf(await exportProject(opened.project, zipFile));

    const zipBytes = new Uint8Array(await readFile(zipFile));
    const modes = new Map(
      valueOf(readZipDirectory(zipBytes)).map((entry) => [
        entry.name,
        (entry.unixMode ?? 0) & 0o777,
      ]),
    );
    expect(modes.get('clp.conf')).toBe(0o644);
    expect(modes.get('scripts/failover-cent7/exec-cent7/start.sh')).toBe(0o755);
    expect(modes.get('scripts/monitor.s/genw-cent7/vmconf.pl')).toBe(0o644);
    expect([...modes.keys()].some((name) => name.startsWith('.clpbuilder'))).toBe(false);

    const reopened = valueOf(await openProject(zipFile));
    expect(reopened.location).toEqual({ kind: 'zip', path: zipFile });
    expect(reopened.project.scripts).toEqual(opened.project.scripts);
    expect(reopened.fingerprint.sha256).toBe(opened.fingerprint.sha256);
    expect(reopened.project.meta).toEqual(defaultProjectMeta());
    valueOf(await saveProject(join(work, 'from-zip'), reopened.project));
    expect(await readFile(join(work, 'from-zip', 'clp.conf'))).toEqual(await readFile(vmaFixture));
  });

  it('is unpacked by Info-ZIP with the executable bits', async () => {
    // The real consumer: an engineer unzips the export on a cluster host.
    await makeVmaProject(join(work, 'source'));
    const opened = valueOf(await openProject(join(work, 'source')));
    valueOf(await exportProject(opened.project, join(work, 'export.zip')));
    execFileSync('unzip', ['-q', join(work, 'export.zip'), '-d', join(work, 'unzipped')]);
    expect(await modeOf(join(work, 'unzipped/scripts/failover-cent7/exec-cent7/stop.sh'))).toBe(
      0o755,
    );
    expect(await modeOf(join(work, 'unzipped/scripts/failover-cent7/exec-cent7/vmconf.pl'))).toBe(
      0o644,
    );
    expect(await readFile(join(work, 'unzipped/clp.conf'))).toEqual(await readFile(vmaFixture));
  });

  it('opens a zip whose content sits in one top-level folder', async () => {
    const conf = new Uint8Array(await readFile(otherFixture));
    const zipFile = join(work, 'webui.zip');
    await writeFile(
      zipFile,
      zipSync({
        'conf/clp.conf': conf,
        'conf/scripts/failover-iscsi/exec-target/start.sh': [
          new TextEncoder().encode('#!/bin/sh\n'),
          { os: 3, attrs: 0o100755 * 0x10000 },
        ],
        '__MACOSX/conf/._clp.conf': new Uint8Array([1]),
      }),
    );
    const opened = valueOf(await openProject(zipFile));
    expect(opened.project.scripts.get('failover-iscsi/exec-target/start.sh')?.executable).toBe(
      true,
    );
    valueOf(await exportProject(opened.project, join(work, 'again.zip')));
    expect(unzipSync(new Uint8Array(await readFile(join(work, 'again.zip'))))['clp.conf']).toEqual(
      conf,
    );
  });

  it.each(['../evil', 'scripts/../../evil', 'scripts\\..\\..\\evil', '/etc/evil'])(
    'refuses an entry named %s',
    async (name) => {
      const zipFile = join(work, 'evil.zip');
      await writeFile(
        zipFile,
        zipSync({
          'clp.conf': new Uint8Array(await readFile(otherFixture)),
          [name]: new Uint8Array([1]),
        }),
      );
      const error = errorOf(await openProject(zipFile));
      expect(error.kind).toBe('unsafe-path');
      expect(error.file).toBe(zipFile);
      expect(error.message).toContain('zip entry');
    },
  );

  it('refuses a link entry that leads out of the project, follows one that stays in', async () => {
    const conf = new Uint8Array(await readFile(otherFixture));
    const link = (target: string): [Uint8Array, { os: number; attrs: number }] => [
      new TextEncoder().encode(target),
      { os: 3, attrs: 0o120777 * 0x10000 },
    ];
    const outside = join(work, 'outside.zip');
    await writeFile(
      outside,
      zipSync({ 'clp.conf': conf, 'scripts/g/r/start.sh': link('../../../../etc/passwd') }),
    );
    expect(errorOf(await openProject(outside)).kind).toBe('unsafe-path');

    const inside = join(work, 'inside.zip');
    const script = new TextEncoder().encode('#!/bin/sh\n');
    await writeFile(
      inside,
      zipSync({
        'clp.conf': conf,
        'scripts/g/r/start.sh': link('../common.sh'),
        'scripts/g/common.sh': script,
      }),
    );
    expect(valueOf(await openProject(inside)).project.scripts.get('g/r/start.sh')?.bytes).toEqual(
      script,
    );
  });

  it('reports a damaged zip and a zip without clp.conf', async () => {
    await writeFile(join(work, 'damaged.zip'), 'not a zip at all');
    expect(errorOf(await openProject(join(work, 'damaged.zip'))).kind).toBe('invalid-value');
    await writeFile(
      join(work, 'empty.zip'),
      zipSync({ 'a/clp.conf': new Uint8Array([60]), 'b/x': new Uint8Array([1]) }),
    );
    expect(errorOf(await openProject(join(work, 'empty.zip'))).kind).toBe('not-found');
  });
});

describe('changes on disk', () => {
  it('refuses to overwrite a clp.conf changed since it was opened, unless forced', async () => {
    await makeVmaProject(work);
    const opened = valueOf(await openProject(work));
    const theirs = Buffer.concat([await readFile(join(work, 'clp.conf')), Buffer.from('\n')]);
    await writeFile(join(work, 'clp.conf'), theirs);

    const error = errorOf(
      await saveProject(work, edited(opened.project), { expected: opened.fingerprint }),
    );
    expect(error.kind).toBe('changed-on-disk');
    expect(error.file).toBe(join(work, 'clp.conf'));
    expect(await readFile(join(work, 'clp.conf'))).toEqual(theirs);

    valueOf(
      await saveProject(work, edited(opened.project), {
        expected: opened.fingerprint,
        force: true,
      }),
    );
    expect((await readFile(join(work, 'clp.conf'))).toString('latin1')).toContain(
      'edited by the test',
    );
    expect(await readFile(join(work, 'clp.conf.bak'))).toEqual(theirs);
  });

  it('treats a removed clp.conf as changed', async () => {
    await makeVmaProject(work);
    const opened = valueOf(await openProject(work));
    await rm(join(work, 'clp.conf'));
    expect(
      errorOf(await saveProject(work, opened.project, { expected: opened.fingerprint })).kind,
    ).toBe('changed-on-disk');
  });
});

describe('failures leave the previous clp.conf intact', () => {
  /** Fails like a full disk: half the bytes land in the temp file, then ENOSPC. */
  function fullDiskOn(match: (path: string) => boolean): Partial<FileIo> {
    return {
      async writeFile(path, bytes, mode) {
        if (!match(path)) {
          return nodeFileIo.writeFile(path, bytes, mode);
        }
        await nodeFileIo.writeFile(path, bytes.subarray(0, bytes.length >> 1), mode);
        throw Object.assign(new Error(`ENOSPC: no space left on device, write`), {
          code: 'ENOSPC',
        });
      },
    };
  }

  async function expectUntouched(before: string[], conf: Buffer): Promise<void> {
    const after = await listTree(work);
    expect(after.filter((path) => isTempName(path.split('/').pop() ?? ''))).toEqual([]);
    expect(after).toEqual(before);
    expect(await readFile(join(work, 'clp.conf'))).toEqual(conf);
  }

  it('when the disk fills up while writing the clp.conf temp file', async () => {
    await makeVmaProject(work);
    const conf = await readFile(join(work, 'clp.conf'));
    const before = await listTree(work);
    const opened = valueOf(await openProject(work));
    const scripts = new Map(opened.project.scripts).set('failover-new/exec-new/start.sh', {
      bytes: new Uint8Array([35]),
      executable: true,
    });
    const project = { ...edited(opened.project), scripts };

    const io = fullDiskOn((path) =>
      /^\.clp\.conf\.[0-9a-f]+\.tmp$/.test(path.split(/[\\/]/).pop() ?? ''),
    );
    const error = errorOf(await saveProject(work, project, { expected: opened.fingerprint }, io));
    expect(error.kind).toBe('io');
    expect(error.file).toBe(join(work, 'clp.conf'));
    expect(error.message).toContain('ENOSPC');
    await expectUntouched(before, conf);
  });

  it('when replacing clp.conf itself fails', async () => {
    await makeVmaProject(work);
    const conf = await readFile(join(work, 'clp.conf'));
    const opened = valueOf(await openProject(work));
    const io: Partial<FileIo> = {
      async rename(from, to) {
        if (to === join(work, 'clp.conf')) {
          throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        }
        return nodeFileIo.rename(from, to);
      },
    };
    expect(errorOf(await saveProject(work, edited(opened.project), {}, io)).kind).toBe('io');
    expect(await readFile(join(work, 'clp.conf'))).toEqual(conf);
    expect(
      (await listTree(work)).filter((path) => isTempName(path.split('/').pop() ?? '')),
    ).toEqual([]);
  });

  it('writes nothing when clp.conf cannot be encoded in its charset', async () => {
    const fixture = join(fixturesFolder, 'EXPRESSCLUSTER_CreateCluster_work-conf_dll.xml');
    const opened = valueOf(await openProject(fixture));
    const text = serializeClpConf(opened.project.conf).replace(
      '</root>',
      '<!-- \u{1F600} --></root>',
    );
    const project = { ...opened.project, conf: valueOf(decodeClpConfText(text)) };

    const error = errorOf(await saveProject(join(work, 'new'), project));
    expect(error.kind).toBe('encoding');
    expect(error.file).toBe(join(work, 'new', 'clp.conf'));
    expect(existsSync(join(work, 'new'))).toBe(false);

    await makeVmaProject(join(work, 'old'));
    const before = await listTree(join(work, 'old'));
    errorOf(await saveProject(join(work, 'old'), project));
    expect(await listTree(join(work, 'old'))).toEqual(before);
    expect(errorOf(await exportProject(project, join(work, 'out.zip'))).kind).toBe('encoding');
    expect(existsSync(join(work, 'out.zip'))).toBe(false);
  });
});

describe('errors on open', () => {
  it('a malformed clp.conf names the file, line and column', async () => {
    const file = join(work, 'clp.conf');
    await writeFile(
      file,
      '<?xml version="1.0" encoding="ASCII"?>\n<root>\n  <cluster>\n    <name>c1</nam>\n  </cluster>\n</root>\n',
    );
    const error = errorOf(await openProject(work));
    expect(error.kind).toBe('xml-syntax');
    expect(error.file).toBe(file);
    expect(error.line).toBe(4);
    expect(error.column).toBeGreaterThan(0);
    expect(errorOf(decodeClpConf(await readFile(file))).column).toBe(error.column);
  });

  it('a project.json with a bad topology names the file and the field', async () => {
    await makeVmaProject(work);
    const metaFile = join(work, '.clpbuilder', 'project.json');
    await writeFile(metaFile, JSON.stringify({ version: 1, topology: 'ring' }));
    const error = errorOf(await openProject(work));
    expect(error.kind).toBe('invalid-value');
    expect(error.file).toBe(metaFile);
    expect(error.path).toBe('topology');
    expect(error.message).toContain('topology');
  });

  it('a folder without clp.conf, and a path that does not exist', async () => {
    expect(errorOf(await openProject(work))).toMatchObject({
      kind: 'not-found',
      file: join(work, 'clp.conf'),
    });
    expect(errorOf(await openProject(join(work, 'nowhere')))).toMatchObject({
      kind: 'not-found',
      file: join(work, 'nowhere'),
    });
  });

  it('refuses a script link that leads out of the project, follows one that stays in', async () => {
    await makeVmaProject(join(work, 'project'));
    await writeFile(join(work, 'secret'), 'do not upload');
    const link = join(work, 'project/scripts/failover-cent7/exec-cent7/secret.sh');
    await symlink(join(work, 'secret'), link);
    expect(errorOf(await openProject(join(work, 'project')))).toMatchObject({
      kind: 'unsafe-path',
      file: link,
    });

    await rm(link);
    await symlink('../../monitor.s/genw-cent7/genw.sh', link);
    const opened = valueOf(await openProject(join(work, 'project')));
    expect(opened.project.scripts.get('failover-cent7/exec-cent7/secret.sh')).toEqual(
      opened.project.scripts.get('monitor.s/genw-cent7/genw.sh'),
    );
  });

  it('refuses a folder link back to a folder holding it, follows a folder link to a sibling', async () => {
    await makeVmaProject(join(work, 'project'));
    // Opened through a link to the project folder: the real paths of its folders differ from
    // the paths they are reached by, and loops must still be seen.
    await symlink(join(work, 'project'), join(work, 'project-link'));
    const loop = join(work, 'project-link/scripts/failover-cent7/exec-cent7/loop');
    await symlink('..', loop);
    expect(errorOf(await openProject(join(work, 'project-link')))).toMatchObject({
      kind: 'unsafe-path',
      file: loop,
      message: expect.stringContaining('links back to a folder that contains it'),
    });

    await rm(loop);
    await symlink(
      '../../monitor.s/genw-cent7',
      join(work, 'project/scripts/failover-cent7/exec-cent7/shared'),
    );
    const opened = valueOf(await openProject(join(work, 'project-link')));
    expect(opened.project.scripts.get('failover-cent7/exec-cent7/shared/genw.sh')).toEqual(
      opened.project.scripts.get('monitor.s/genw-cent7/genw.sh'),
    );
  });

  it('does not save through a scripts folder that links out of the project', async () => {
    await makeVmaProject(join(work, 'project'));
    const opened = valueOf(await openProject(join(work, 'project')));
    await mkdir(join(work, 'elsewhere'));
    await rm(join(work, 'project/scripts/monitor.s'), { recursive: true });
    await symlink(join(work, 'elsewhere'), join(work, 'project/scripts/monitor.s'));
    const error = errorOf(await saveProject(join(work, 'project'), opened.project));
    expect(error.kind).toBe('unsafe-path');
    expect(await readdir(join(work, 'elsewhere'))).toEqual([]);
  });
});
