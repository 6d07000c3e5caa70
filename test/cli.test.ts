/**
 * The built command line, run as a real process against temp copies of the real fixtures.
 *
 * The fixtures are read from shared/ and copied into a temp folder per test (never into the
 * repository). Each test asserts the exit code, what the user reads, and the files they get.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeClpConf, readModel } from '../schemas/index.js';
import {
  malformedFixturesDir,
  hazardFixtures,
  realFixtures,
  realFixturesDir,
  repoRoot,
} from './support/fixtures.js';
import { lineChanges } from './support/project.js';

const PREVIOUS = 'EXPRESSCLUSTER_clpcfdiff_conf-01_previous.xml';
const CURRENT = 'EXPRESSCLUSTER_clpcfdiff_conf-02_current.xml';
const ISCSI = 'mkazuyuki_hauc_cf-clpconf_iSCSI-Cluster.xml';
const WINDOWS = 'EXPRESSCLUSTER_BasicCluster_X41-Win-conf-2nodesMirror.xml';

let scratch: string;
let counter = 0;

beforeAll(() => {
  // The CLI is built once for all test files by test/global-setup.ts.
  scratch = mkdtempSync(join(tmpdir(), 'clpbuilder-cli-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `clpbuilder` as the user would, through the launcher. */
function clpbuilder(...args: string[]): Run {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin/clpbuilder.js'), ...args], {
    cwd: scratch,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project folder holding a copy of a real fixture as clp.conf (written, so it is not read-only). */
function projectOf(fixture: string): string {
  counter += 1;
  const folder = join(scratch, `project-${counter}`);
  mkdirSync(folder);
  writeFileSync(join(folder, 'clp.conf'), readFileSync(join(realFixturesDir, fixture)));
  return folder;
}

function fixtureBytes(fixture: string): Buffer {
  return readFileSync(join(realFixturesDir, fixture));
}

function lines(bytes: Buffer | string): string[] {
  return bytes.toString().split('\n');
}

function json<T = Record<string, unknown>>(run: Run): T {
  return JSON.parse(run.stdout) as T;
}

describe('help and version', () => {
  const commands = [
    [],
    ['show'],
    ['get'],
    ['set'],
    ['add'],
    ['add', 'server'],
    ['add', 'group'],
    ['add', 'resource'],
    ['add', 'monitor'],
    ['add', 'heartbeat'],
    ['add', 'networkpartition'],
    ['remove'],
    ['rename'],
    ['export'],
    ['diff'],
  ];
  it.each(commands.map((command) => [command.join(' ') || '(top)', command] as const))(
    '--help on %s exits 0 and shows its usage',
    (_, command) => {
      const run = clpbuilder(...command, '--help');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Usage: ${['clpbuilder', ...command].join(' ')}`);
    },
  );

  it('diff --help states the diff(1) exit codes', () => {
    expect(clpbuilder('diff', '--help').stdout).toMatch(
      /0 no differences; 1 differences found; 2 trouble/,
    );
  });

  it('--version prints the package version', () => {
    const version = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
    ).version;
    const run = clpbuilder('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('the launcher says how to build when dist/cli.js is missing', () => {
    const bin = join(scratch, 'unbuilt', 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'clpbuilder.js'), readFileSync(join(repoRoot, 'bin/clpbuilder.js')));
    const run = spawnSync(process.execPath, [join(bin, 'clpbuilder.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('run npm install (or npm run build:cli) first');
  });

  it('an unknown command or flag is bad usage (exit 2)', () => {
    expect(clpbuilder('frobnicate').status).toBe(2);
    const run = clpbuilder('show', projectOf(ISCSI), '--bogus');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--bogus');
    expect(clpbuilder('remove', projectOf(ISCSI), 'planet', 'x').status).toBe(2);
  });
});

describe('show', () => {
  it('prints the tree: servers with priority and LAN IPs, heartbeats, groups with resources, monitors', () => {
    const run = clpbuilder('show', projectOf(ISCSI));
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    expect(out[0]).toBe('cluster iSCSI-Cluster');
    expect(out).toContain(
      '    iscsi1  priority 0  LAN 172.31.255.11, 172.31.253.11, 172.31.254.11',
    );
    expect(out).toContain('    lankhb lankhb2  priority 1  device 1');
    expect(run.stdout).toContain(
      // md1 and exec-md-recovery untick the default dependency (<depend name=""/>): after nothing.
      '    failover-iscsi (failover)\n      md md1  after nothing\n      exec exec-target\n      fip fip1\n      exec exec-md-recovery  after nothing\n',
    );
    expect(out).toContain('    fipw fipw1  target fip1  recovery rsc fip1');
  });

  it('says what each resource and group waits for', () => {
    const project = projectOf(ISCSI);
    for (const path of ['resource/exec@exec-target/depend@md1', 'resource/exec@exec-target/depend@fip1']) {
      expect(clpbuilder('set', project, path, '').status).toBe(0);
    }
    expect(clpbuilder('add', 'group', project, 'failover-web').status).toBe(0);
    expect(clpbuilder('set', project, 'group@failover-web/depend/act/depend@failover-iscsi', '').status).toBe(0);
    expect(clpbuilder('set', project, 'group@failover-web/depend/deact/depend@failover-iscsi', '').status).toBe(0);
    const out = lines(clpbuilder('show', project).stdout);
    expect(out).toContain('      exec exec-target  after md1, fip1');
    expect(out).toContain('    failover-web (failover)  starts after failover-iscsi  stops after failover-iscsi');
  });

  it('--json prints the model', () => {
    const run = clpbuilder('show', projectOf(ISCSI), '--json');
    expect(run.status).toBe(0);
    const decoded = decodeClpConf(new Uint8Array(fixtureBytes(ISCSI)));
    expect(decoded.ok).toBe(true);
    expect(json(run)).toEqual(
      decoded.ok ? JSON.parse(JSON.stringify(readModel(decoded.value))) : undefined,
    );
  });

  it('shows a bare clp.conf of any name, and every real fixture', () => {
    for (const [name] of realFixtures()) {
      const run = clpbuilder('show', join(realFixturesDir, name));
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/^cluster /);
    }
  });

  it('a malformed file is exit 2 with file:line:column on stderr', () => {
    const file = join(malformedFixturesDir, 'mismatched-close-tag.conf');
    const run = clpbuilder('show', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `),
    );
    const asJson = clpbuilder('show', file, '--json');
    expect(asJson.status).toBe(2);
    expect(json<{ error: { kind: string; line: number } }>(asJson).error).toMatchObject({
      kind: 'xml-syntax',
      file,
    });
    // The command line speaks English: the app's Japanese wording stays out of its JSON.
    expect(Object.keys(json<{ error: object }>(asJson).error)).not.toContain('ja');
  });

  it('a missing project is exit 2 naming it', () => {
    const run = clpbuilder('show', join(scratch, 'no-such-project'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-project');
  });
});

describe('get', () => {
  it('prints a value, a section as sub/path = value lines, and JSON', () => {
    const project = projectOf(ISCSI);
    expect(clpbuilder('get', project, 'cluster/heartbeat/timeout').stdout).toBe('50000\n');
    const section = clpbuilder('get', project, 'monitor/genw@genw-md/parameters');
    expect(section.status).toBe(0);
    expect(lines(section.stdout)).toEqual([
      'userlog = /opt/nec/clusterpro/log/genw-md.log',
      'logrotate/use = 1',
      'path = genw.sh',
      '',
    ]);
    expect(json(clpbuilder('get', project, 'cluster/heartbeat/timeout', '--json'))).toEqual({
      path: 'cluster/heartbeat/timeout',
      value: '50000',
    });
  });

  it('a missing path is exit 2 naming the path and the file', () => {
    const project = projectOf(ISCSI);
    const run = clpbuilder('get', project, 'monitor/genw@nope/polling/interval');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('monitor/genw@nope/polling/interval');
    expect(run.stderr).toContain(join(project, 'clp.conf'));
    const asJson = clpbuilder('get', project, 'monitor/genw@nope/polling/interval', '--json');
    expect(json<{ error: { kind: string; path: string } }>(asJson).error).toMatchObject({
      kind: 'not-found',
      path: 'monitor/genw@nope/polling/interval',
    });
  });

  it('an absent parameter of an existing entity: the default applies, or the one most likely meant', () => {
    const project = projectOf(ISCSI);
    const unset = clpbuilder('get', project, 'monitor/userw@userw/polling/interval');
    expect(unset.status).toBe(2);
    expect(unset.stderr).toContain(
      "monitor/userw@userw does not set polling/interval: the product's default applies",
    );
    const typo = clpbuilder('get', project, 'monitor/genw@genw-md/firstmonwiat');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean monitor/genw@genw-md/firstmonwait?');
    expect(typo.stderr).not.toContain('clpbuilder show');
  });
});

describe('set', () => {
  it('saves the value, prints what changed, and changes only that line', () => {
    const project = projectOf(ISCSI);
    const run = clpbuilder('set', project, 'monitor/genw@genw-md/firstmonwait', '90');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('~ monitor genw-md (genw)\n    firstmonwait: 60 -> 90\n');
    expect(clpbuilder('get', project, 'monitor/genw@genw-md/firstmonwait').stdout).toBe('90\n');
    const changes = lineChanges(
      lines(fixtureBytes(ISCSI)),
      lines(readFileSync(join(project, 'clp.conf'))),
    );
    expect(changes.removed).toEqual(['      <firstmonwait>60</firstmonwait>']);
    expect(changes.added).toEqual(['      <firstmonwait>90</firstmonwait>']);
    expect(readFileSync(join(project, 'clp.conf.bak'))).toEqual(fixtureBytes(ISCSI));
  });

  it('saves a word the sources do not document, saying which they do (CF011 warns of it at check)', () => {
    const project = projectOf(ISCSI);
    const run = clpbuilder('set', project, 'resource/md@md1/parameters/fs', 'btrfs');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      'clpbuilder: resource/md@md1/parameters/fs: "btrfs" is not among the documented values (ext4, xfs, none); saved all the same, and clpbuilder check warns of it (CF011)\n',
    );
    expect(clpbuilder('get', project, 'resource/md@md1/parameters/fs').stdout).toBe('btrfs\n');
    // A documented word is saved without a word.
    expect(clpbuilder('set', project, 'resource/md@md1/parameters/fs', 'xfs').stderr).toBe('');
  });

  it('follows derived values: an exec script timeout moves its activation timeout', () => {
    const project = projectOf(ISCSI);
    const run = clpbuilder(
      'set',
      project,
      'resource/exec@exec-target/parameters/timeout/start',
      '100',
      '--json',
    );
    expect(run.status, run.stderr).toBe(0);
    const changed = json<{
      changes: {
        entities: Array<{ path: string; parameters: Array<{ path: string; after: string }> }>;
      };
    }>(run).changes.entities;
    expect(changed).toHaveLength(1);
    expect(changed[0]?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'parameters/timeout/start', after: '100' }),
        expect.objectContaining({ path: 'act/timeout', after: '280' }),
      ]),
    );
  });

  it('an out-of-range value is refused with exit 2 and the file untouched', () => {
    const project = projectOf(ISCSI);
    const run = clpbuilder('set', project, 'monitor/fipw@fipw1/polling/interval', 'abc');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('monitor/fipw@fipw1/polling/interval');
    expect(run.stderr).toContain('whole number');
    expect(readFileSync(join(project, 'clp.conf'))).toEqual(fixtureBytes(ISCSI));
    expect(existsSync(join(project, 'clp.conf.bak'))).toBe(false);
  });

  it('a misspelt parameter is refused with exit 2, naming the one meant; a new documented one is created', () => {
    const project = projectOf(ISCSI);
    const typo = clpbuilder('set', project, 'monitor/userw@userw/polling/intervall', '30');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean monitor/userw@userw/polling/interval?');
    expect(readFileSync(join(project, 'clp.conf'))).toEqual(fixtureBytes(ISCSI));
    const meant = clpbuilder('set', project, 'monitor/userw@userw/polling/interval', '30');
    expect(meant.status, meant.stderr).toBe(0);
    expect(clpbuilder('get', project, 'monitor/userw@userw/polling/interval').stdout).toBe('30\n');
  });

  it('unset removes one parameter (the default applies), and refuses an entity with exit 2', () => {
    const project = projectOf(ISCSI);
    const path = 'monitor/genw@genw-md/firstmonwait';
    expect(clpbuilder('get', project, path).status).toBe(0);
    const run = clpbuilder('unset', project, path, '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).changes.entities).toEqual([
      expect.objectContaining({
        name: 'genw-md',
        parameters: [{ path: 'firstmonwait', before: '60' }],
      }),
    ]);
    const after = readFileSync(join(project, 'clp.conf'), 'utf8').split('\n');
    const before = fixtureBytes(ISCSI).toString('utf8').split('\n');
    expect(before.length - after.length).toBe(1);
    expect(clpbuilder('get', project, path).status).toBe(2);
    expect(clpbuilder('unset', project, path).stdout).toContain('nothing to change');
    const entity = clpbuilder('unset', project, 'monitor/genw@genw-md');
    expect(entity.status).toBe(2);
    expect(entity.stderr).toContain('clpbuilder remove');
  });

  it('startup servers from the command line: set adds an entry, unset takes one out and renumbers', () => {
    const project = projectOf(ISCSI);
    const group = 'group@failover-iscsi';
    for (const [server, order] of [
      ['iscsi2', '0'],
      ['iscsi1', '1'],
    ] as const) {
      const added = clpbuilder('set', project, `${group}/policy@${server}/order`, order);
      expect(added.status, added.stderr).toBe(0);
    }
    const removed = clpbuilder('unset', project, `${group}/policy@iscsi2`);
    expect(removed.status, removed.stderr).toBe(0);
    expect(clpbuilder('get', project, `${group}/policy@iscsi1/order`).stdout).toBe('0\n');
    expect(clpbuilder('get', project, `${group}/policy@iscsi2/order`).status).toBe(2);
  });

  it('saves a bare clp.conf of any name in place', () => {
    const file = join(scratch, 'bare-previous.xml');
    writeFileSync(file, fixtureBytes(PREVIOUS));
    const run = clpbuilder('set', file, 'cluster/comment', 'edited');
    expect(run.status, run.stderr).toBe(0);
    expect(clpbuilder('get', file, 'cluster/comment').stdout).toBe('edited\n');
    expect(readFileSync(`${file}.bak`)).toEqual(fixtureBytes(PREVIOUS));
    expect(existsSync(join(scratch, 'clp.conf'))).toBe(false);
  });
});

describe('add, rename, remove', () => {
  it('add group writes only the group and the new object number', () => {
    const project = projectOf(PREVIOUS);
    const run = clpbuilder('add', 'group', project, 'failover9');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('+ group failover9 (failover)');
    const changes = lineChanges(
      lines(fixtureBytes(PREVIOUS)),
      lines(readFileSync(join(project, 'clp.conf'))),
    );
    // CRLF file: the new lines end with \r too.
    expect(changes.added.sort()).toEqual(
      [
        '    <comment/>\r',
        '    <gid>1</gid>\r',
        '  </group>\r',
        '  <group name="failover9">\r',
        '      <objectnumber>16</objectnumber>\r',
      ].sort(),
    );
    expect(changes.removed).toEqual(['      <objectnumber>15</objectnumber>\r']);
  });

  it('add, rename and remove a group and its resource; the scripts folder follows', () => {
    const project = projectOf(PREVIOUS);
    expect(clpbuilder('add', 'group', project, 'g2', '--type', 'failover').status).toBe(0);
    expect(clpbuilder('add', 'resource', project, 'g2', 'exec', 'exec2').status).toBe(0);
    expect(statSync(join(project, 'scripts/g2/exec2/start.sh')).mode & 0o111).not.toBe(0);
    const renamedResource = clpbuilder('rename', project, 'resource', 'exec2', 'exec3');
    expect(renamedResource.status, renamedResource.stderr).toBe(0);
    expect(existsSync(join(project, 'scripts/g2/exec3/stop.sh'))).toBe(true);
    expect(existsSync(join(project, 'scripts/g2/exec2'))).toBe(false);
    expect(clpbuilder('rename', project, 'group', 'g2', 'g3').status).toBe(0);
    expect(existsSync(join(project, 'scripts/g3/exec3/start.sh'))).toBe(true);
    expect(clpbuilder('get', project, 'group@g3/resource@exec@exec3').status).toBe(0);
    const removed = clpbuilder('remove', project, 'group', 'g3');
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('- resource exec3 (exec)');
    expect(existsSync(join(project, 'scripts/g3'))).toBe(false);
    // Back where it started: the same bytes as the fixture.
    expect(readFileSync(join(project, 'clp.conf'))).toEqual(fixtureBytes(PREVIOUS));
  });

  it('add, rename and remove a monitor with its scripts folder', () => {
    const project = projectOf(ISCSI);
    expect(clpbuilder('add', 'monitor', project, 'genw', 'genw-new').status).toBe(0);
    expect(existsSync(join(project, 'scripts/monitor.s/genw-new/genw.sh'))).toBe(true);
    expect(clpbuilder('rename', project, 'monitor', 'genw-new', 'genw-renamed').status).toBe(0);
    expect(existsSync(join(project, 'scripts/monitor.s/genw-renamed/genw.sh'))).toBe(true);
    expect(clpbuilder('get', project, 'monitor/genw@genw-renamed/polling/interval').status).toBe(0);
    expect(clpbuilder('remove', project, 'monitor', 'genw-renamed').status).toBe(0);
    expect(existsSync(join(project, 'scripts/monitor.s/genw-renamed'))).toBe(false);
    expect(readFileSync(join(project, 'clp.conf'))).toEqual(fixtureBytes(ISCSI));
  });

  it('add, rename and remove a server; references follow', () => {
    const project = projectOf(ISCSI);
    const added = clpbuilder('add', 'server', project, 'iscsi3', '--ip', '172.31.255.13');
    expect(added.status, added.stderr).toBe(0);
    expect(clpbuilder('show', project).stdout).toContain('iscsi3  priority 2  LAN 172.31.255.13');
    expect(clpbuilder('rename', project, 'server', 'iscsi1', 'node1').status).toBe(0);
    const model = json<{ servers: Array<{ name: string }> }>(clpbuilder('show', project, '--json'));
    expect(model.servers.map((server) => server.name)).toEqual(['node1', 'iscsi2', 'iscsi3']);
    expect(clpbuilder('rename', project, 'server', 'node1', 'iscsi1').status).toBe(0);
    expect(clpbuilder('remove', project, 'server', 'iscsi3').status).toBe(0);
    expect(readFileSync(join(project, 'clp.conf'))).toEqual(fixtureBytes(ISCSI));
  });

  it('add and remove a heartbeat', () => {
    const project = projectOf(ISCSI);
    const added = clpbuilder('add', 'heartbeat', project, 'lankhb', '--device', '1', '--json');
    expect(added.status, added.stderr).toBe(0);
    expect(clpbuilder('get', project, 'heartbeat/lankhb@lankhb4/device').stdout).toBe('1\n');
    expect(clpbuilder('remove', project, 'heartbeat', 'lankhb4').status).toBe(0);
    expect(readFileSync(join(project, 'clp.conf'))).toEqual(fixtureBytes(ISCSI));
  });

  it('a refused edit (name taken, group in use) is exit 2 with the reason and the file untouched', () => {
    const project = projectOf(ISCSI);
    const taken = clpbuilder('add', 'group', project, 'failover-iscsi');
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('already exists');
    const unknown = clpbuilder('remove', project, 'resource', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('"nope"');
    expect(readFileSync(join(project, 'clp.conf'))).toEqual(fixtureBytes(ISCSI));
  });
});

describe('the types of the cluster’s OS (CF014)', () => {
  it('add refuses a Linux type on a real Windows cluster, untouched, and check names one made by hand', () => {
    const project = projectOf(WINDOWS);
    const exec = clpbuilder('add', 'resource', project, 'failover', 'exec', 'exec1');
    expect(exec.status).toBe(2);
    expect(exec.stderr).toContain('exec is a Linux resource type, and this clp.conf is for Windows (all/serveros)');
    expect(exec.stderr).toContain('add a script resource instead');
    expect(readFileSync(join(project, 'clp.conf'))).toEqual(fixtureBytes(WINDOWS));
    expect(existsSync(join(project, 'scripts/failover/exec1'))).toBe(false);

    const script = clpbuilder('add', 'resource', project, 'failover', 'script', 'script1');
    expect(script.status, script.stderr).toBe(0);
    expect(readFileSync(join(project, 'scripts/failover/script1/start.bat'), 'utf8')).toContain('\r\n');
    expect(clpbuilder('set', project, 'all/serveros', 'linux').status).toBe(0);
    const checked = clpbuilder('check', project, '--json');
    expect(checked.status).toBe(1);
    const findings = json<{ findings: Array<{ rule: string; path: string }> }>(checked).findings;
    expect(findings.filter((finding) => finding.rule === 'CF014').map((finding) => finding.path)).toEqual(['resource/script@script1']);
  });
});

describe('dependency circles (CF015)', () => {
  it('check names the dependency that closes a circle made with set, and unset removes it', () => {
    const project = projectOf(ISCSI);
    const target = 'resource/exec@exec-target/depend@exec-md-recovery';
    const closing = 'resource/exec@exec-md-recovery/depend@exec-target';
    expect(clpbuilder('set', project, target, '').status).toBe(0);
    expect(clpbuilder('set', project, closing, '').status).toBe(0);
    const checked = clpbuilder('check', project);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(
      /CF015 resource\/exec@exec-md-recovery\/depend@exec-target \(line \d+\): resources exec-target and exec-md-recovery depend on each other in a circle/,
    );
    const unset = clpbuilder('unset', project, closing);
    expect(unset.status, unset.stderr).toBe(0);
    const after = json<{ findings: Array<{ rule: string }> }>(clpbuilder('check', project, '--json'));
    expect(after.findings.filter((finding) => finding.rule === 'CF015')).toEqual([]);
    // exec-md-recovery's "no dependency" (<depend name=""/>) of the real file is there again.
    const changes = lineChanges(lines(fixtureBytes(ISCSI)), lines(readFileSync(join(project, 'clp.conf'))));
    expect(changes.removed).toEqual([]);
    expect(changes.added.map((line) => line.trim())).toEqual(['<depend name="exec-md-recovery"/>']);
  });
});

describe('export', () => {
  it.each(realFixtures().map(([name]) => [name]))(
    '%s: folder and zip hold the same clp.conf bytes',
    (name) => {
      const project = projectOf(name);
      const folder = join(scratch, `export-${counter}`);
      const zip = join(scratch, `export-${counter}.zip`);
      expect(clpbuilder('export', project, folder).status).toBe(0);
      expect(clpbuilder('export', project, zip).status).toBe(0);
      expect(readFileSync(join(folder, 'clp.conf'))).toEqual(fixtureBytes(name));
      const entries = unzipSync(new Uint8Array(readFileSync(zip)));
      expect(Buffer.from(entries['clp.conf'] ?? [])).toEqual(fixtureBytes(name));
      expect(clpbuilder('diff', project, zip).status).toBe(0);
    },
  );

  it.each(hazardFixtures().map(([name, bytes]) => [name, bytes] as const))(
    'hazard %s: exported byte for byte',
    (name, bytes) => {
      const source = join(scratch, `hazard-${name}`);
      writeFileSync(source, bytes);
      const folder = join(scratch, `hazard-export-${name}`);
      expect(clpbuilder('export', source, folder).status).toBe(0);
      expect(new Uint8Array(readFileSync(join(folder, 'clp.conf')))).toEqual(bytes);
    },
  );

  it('a zip project is read-only for edits', () => {
    const zip = join(scratch, 'read-only.zip');
    expect(clpbuilder('export', projectOf(ISCSI), zip).status).toBe(0);
    const before = readFileSync(zip);
    const run = clpbuilder('set', zip, 'cluster/comment', 'x');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('export it to a folder first');
    expect(clpbuilder('add', 'group', zip, 'g9').status).toBe(2);
    expect(readFileSync(zip)).toEqual(before);
  });
});

describe('diff', () => {
  it('lists what clpcfdiff 01 -> 02 added and changed, and exits 1', () => {
    const run = clpbuilder(
      'diff',
      join(realFixturesDir, PREVIOUS),
      join(realFixturesDir, CURRENT),
      '--json',
    );
    expect(run.status).toBe(1);
    const result = json<{
      different: boolean;
      entities: Array<{ kind: string; name: string; change: string; parameters: unknown[] }>;
    }>(run);
    expect(result.different).toBe(true);
    const added = result.entities
      .filter((entity) => entity.change === 'added')
      .map((entity) => `${entity.kind} ${entity.name}`);
    expect(added).toEqual(['group failover2', 'resource md2', 'monitor mdw2', 'monitor mdnw2']);
    const webmgr = result.entities.find(
      (entity) => entity.kind === 'section' && entity.name === 'webmgr',
    );
    expect(webmgr).toMatchObject({
      change: 'changed',
      parameters: [{ path: 'client/objectnumber', before: '15', after: '19' }],
    });
    // Nothing is filtered out: the configid noise is listed too.
    expect(result.entities.find((entity) => entity.name === 'trekking')?.parameters).toEqual([
      expect.objectContaining({ path: 'configid' }),
    ]);
  });

  it('prints the same in text', () => {
    const run = clpbuilder('diff', join(realFixturesDir, PREVIOUS), join(realFixturesDir, CURRENT));
    expect(run.status).toBe(1);
    expect(lines(run.stdout)).toEqual(
      expect.arrayContaining([
        '+ group failover2 (failover)',
        '+ resource md2 (md)',
        '+ monitor mdw2 (mdw)',
        '+ monitor mdnw2 (mdnw)',
        '~ section webmgr',
        '    client/objectnumber: 15 -> 19',
      ]),
    );
  });

  it('no differences: exit 0 and nothing printed; removals are listed the other way round', () => {
    const same = clpbuilder('diff', join(realFixturesDir, CURRENT), projectOf(CURRENT));
    expect(same).toMatchObject({ status: 0, stdout: '' });
    const back = clpbuilder(
      'diff',
      join(realFixturesDir, CURRENT),
      join(realFixturesDir, PREVIOUS),
    );
    expect(back.stdout).toContain('- group failover2 (failover)');
  });

  /** A project with a custom monitor, and its export with genw.sh changed by `change`. */
  function scriptChanged(change: (text: string) => string): [before: string, after: string] {
    const before = projectOf(ISCSI);
    expect(clpbuilder('add', 'monitor', before, 'genw', 'genw-x').status).toBe(0);
    const after = join(scratch, `copy-${counter}`);
    expect(clpbuilder('export', before, after).status).toBe(0);
    const script = join(after, 'scripts/monitor.s/genw-x/genw.sh');
    writeFileSync(script, change(readFileSync(script, 'utf8')));
    return [before, after];
  }

  it('shows script changes as a unified diff', () => {
    const [before, after] = scriptChanged((text) => text.replace('exit 0', 'exit 1'));
    const run = clpbuilder('diff', before, after);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '~ script monitor.s/genw-x/genw.sh\n--- a/scripts/monitor.s/genw-x/genw.sh\n+++ b/scripts/monitor.s/genw-x/genw.sh\n@@ ',
    );
    expect(lines(run.stdout)).toEqual(expect.arrayContaining(['-exit 0', '+exit 1']));
  });

  it('says when only the line endings or the byte-order mark of a script changed', () => {
    const [before, after] = scriptChanged((text) => `\ufeff${text.replace(/\n/g, '\r\n')}`);
    const run = clpbuilder('diff', before, after);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '~ script monitor.s/genw-x/genw.sh\n    (only the byte-order mark and the line endings changed)\n',
    );
  });

  it('an unreadable side is exit 2', () => {
    const run = clpbuilder(
      'diff',
      join(malformedFixturesDir, 'unterminated-attribute-quote.conf'),
      join(realFixturesDir, CURRENT),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unterminated-attribute-quote\.conf:\d+:\d+: /);
  });
});
