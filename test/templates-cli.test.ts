/**
 * `clpbuilder new` and `clpbuilder generate`, run as the user runs them: the built command
 * line, temp folders, exit codes, messages and the files written (reference/cli.md).
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TopologySchema } from '../schemas/index.js';
import { EXAMPLE_VMX } from '../schemas/vm-profile.js';
import { repoRoot } from './support/fixtures.js';

let scratch: string;
let counter = 0;

beforeAll(() => {
  const built = spawnSync(process.execPath, ['build/build-cli.mjs', '--cli-only'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
  scratch = mkdtempSync(join(tmpdir(), 'clpbuilder-new-'));
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function clpbuilder(...args: string[]) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin/clpbuilder.js'), ...args], {
    cwd: scratch,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(): string {
  counter += 1;
  return join(scratch, `project-${counter}`);
}

const HOSTS = [
  '--server',
  'esx1:10.0.0.1',
  '--server',
  'esx2:10.0.0.2',
  '--server',
  'esx1:192.168.0.1',
  '--server',
  'esx2:192.168.0.2',
];

/** `clpbuilder new` of the guide's inter-host topology into `dir`. */
function newInterHost(dir: string, ...extra: string[]) {
  return clpbuilder(
    'new',
    dir,
    '--topology',
    'inter-host',
    ...HOSTS,
    '--vmx',
    EXAMPLE_VMX,
    ...extra,
  );
}

describe('clpbuilder new', () => {
  it('creates the inter-host project of the guide, which checks clean and reads back', () => {
    const dir = folder();
    const created = newInterHost(dir, '--name', 'vmcluster');
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain(`created ${dir} (inter-host OS cluster)`);
    expect(created.stdout).toContain('0 error(s)');
    expect(statSync(join(dir, 'scripts/failover-vm/exec-vm/start.sh')).mode & 0o777).toBe(0o755);
    expect(clpbuilder('check', dir).status).toBe(0);
    const paths: Array<[string, string]> = [
      ['cluster/name', 'vmcluster'],
      ['monitor/genw@genw-vm/parameters/sync', '0'],
      ['monitor/genw@genw-vm/target', 'exec-vm'],
      ['heartbeat/lankhb@lankhb2/device', '1'],
      ['server@esx2/device@1/info', '192.168.0.2'],
    ];
    for (const [path, value] of paths) {
      expect(clpbuilder('get', dir, path).stdout.trim(), path).toBe(value);
    }
    expect(JSON.parse(readFileSync(join(dir, '.clpbuilder/project.json'), 'utf8'))).toMatchObject({
      topology: 'inter-host',
      vmProfile: { vmx: EXAMPLE_VMX },
    });
  });

  it.each(TopologySchema.options)('builds %s with no rule error', (topology) => {
    const dir = folder();
    const servers = topology.startsWith('vmware-ha') ? ['--server', 'esx1:10.0.0.1'] : HOSTS;
    const created = clpbuilder(
      'new',
      dir,
      '--topology',
      topology,
      ...servers,
      '--vmx',
      EXAMPLE_VMX,
      '--json',
    );
    expect(created.status, created.stdout + created.stderr).toBe(0);
    const report = JSON.parse(created.stdout) as {
      projects: Array<{ folder: string; findings: Array<{ severity: string }> }>;
    };
    expect(report.projects.length).toBe(topology === 'inter-host-guest-assoc' ? 2 : 1);
    for (const project of report.projects) {
      expect(project.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      expect(clpbuilder('show', project.folder).status).toBe(0);
    }
  });

  it.each([
    [['--topology', 'inter-host', ...HOSTS], '--vmx: vmProfile.vmx is needed'],
    [
      ['--topology', 'inter-host', ...HOSTS, '--vmx', '/vmfs/volumes/datastore1/vm1/vm1.vmx'],
      '--vmx: vmProfile.vmx: names the datastore',
    ],
    [
      ['--topology', 'inter-host', '--server', 'esx1'],
      "option '--server <name:ipv4>' argument 'esx1' is invalid",
    ],
    [['--topology', 'inter-host', '--server', 'esx1:10.0.0.300'], 'is invalid'],
    [['--topology', 'nowhere', ...HOSTS], 'nowhere'],
    [[...HOSTS], "required option '--topology <t>' not specified"],
    [
      [
        '--topology',
        'inter-host-guest-assoc',
        ...HOSTS,
        '--vmx',
        EXAMPLE_VMX,
        '--guest-os',
        'windows',
        '--vm-resource',
        'vm&calc',
      ],
      '--vm-resource: vmProfile.vmResource: "vm&calc" holds &',
    ],
    [['--topology', 'vmware-ha-sss', ...HOSTS], 'give one --server'],
  ])('refuses %j with exit 2', (args, message) => {
    const dir = folder();
    const result = clpbuilder('new', dir, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(dir, 'clp.conf'))).toBe(false);
  });

  it('its Cluster WebUI export, checked on its own, has no profile to hold the scripts against: one info, not stale warnings', () => {
    const dir = folder();
    const created = newInterHost(dir);
    expect(created.status, created.stderr).toBe(0);
    expect(clpbuilder('check', dir, '--json').stdout).not.toContain('VM024');
    const zip = `${dir}.zip`;
    expect(clpbuilder('export', dir, zip).status).toBe(0);
    const checked = clpbuilder('check', zip, '--json');
    expect(checked.status, checked.stderr).toBe(0);
    const vm024 = (JSON.parse(checked.stdout) as { findings: { rule: string }[] }).findings.filter(
      (finding) => finding.rule === 'VM024',
    );
    expect(vm024).toMatchObject([{ severity: 'info', path: 'scripts' }]);
  });

  it('refuses a folder that already holds a project', () => {
    const dir = folder();
    expect(clpbuilder('new', dir, '--topology', 'plain', ...HOSTS).status).toBe(0);
    const again = clpbuilder('new', dir, '--topology', 'plain', ...HOSTS);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a project');
  });
});

describe('clpbuilder generate', () => {
  it('rewrites what a profile change made stale, keeps hand edits unless --force', () => {
    const dir = folder();
    expect(
      clpbuilder('new', dir, '--topology', 'inter-host-guest-assoc', ...HOSTS, '--vmx', EXAMPLE_VMX)
        .status,
    ).toBe(0);
    expect(clpbuilder('generate', dir).stdout).toContain('up to date');
    const metaFile = join(dir, 'guest/.clpbuilder/project.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    writeFileSync(
      metaFile,
      JSON.stringify({ ...meta, vmProfile: { ...meta.vmProfile, esxAddresses: ['10.0.0.9'] } }),
    );
    const regenerated = clpbuilder('generate', join(dir, 'guest'));
    expect(regenerated.status, regenerated.stderr).toBe(0);
    expect(regenerated.stdout).toContain('wrote scripts/monitor.s/genw-app/preaction.sh');
    expect(
      readFileSync(join(dir, 'guest/scripts/monitor.s/genw-app/preaction.sh'), 'utf8'),
    ).toContain("CLPIP='10.0.0.9'");
    const start = join(dir, 'scripts/failover-vm/exec-vm/start.sh');
    appendFileSync(start, '# my change\n');
    // The values come from project.json only: generate takes no profile options.
    expect(clpbuilder('generate', dir, '--check-interval', '2').status).toBe(2);
    writeFileSync(
      join(dir, '.clpbuilder/project.json'),
      readFileSync(join(dir, '.clpbuilder/project.json'), 'utf8').replace(
        '"checkInterval": 1',
        '"checkInterval": 2',
      ),
    );
    const kept = clpbuilder('generate', dir);
    expect(kept.status).toBe(1);
    expect(kept.stderr).toContain('scripts/failover-vm/exec-vm/start.sh changed by hand');
    expect(readFileSync(start, 'utf8')).toContain('# my change');
    const forced = clpbuilder('generate', dir, '--force', '--json');
    expect(forced.status).toBe(0);
    expect(JSON.parse(forced.stdout).written).toEqual([
      'failover-vm/exec-vm/start.sh',
      'monitor.s/genw-vm/genw.sh',
    ]);
    expect(readFileSync(start, 'utf8')).toContain('my $check_interval = 2;');
  });

  it('says what to do with a project that has no generated scripts', () => {
    const dir = folder();
    expect(clpbuilder('new', dir, '--topology', 'plain', ...HOSTS).status).toBe(0);
    const result = clpbuilder('generate', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('wire them with --exec, --monitor or --preaction');
  });
});
