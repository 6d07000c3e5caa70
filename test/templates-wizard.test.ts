/**
 * The topology wizards: each topology's projects saved, reopened, wired parameter by
 * parameter, and clean by the rules; regenerating scripts from a changed profile (issue 4).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Project,
  TopologySchema,
  addGroup,
  addMonitor,
  addResource,
  checkProject,
  getParameter,
  pipe,
  readModel,
  serializeClpConf,
} from '../schemas/index.js';
import { EXAMPLE_VMX } from '../schemas/vm-profile.js';
import {
  type WizardOptionsInput,
  type WizardProject,
  buildTopology,
  findingsForSide,
  generatedScriptStates,
  readScriptHeader,
  regenerateScripts,
  wireScripts,
} from '../templates/index.js';
import { openProject, saveProject } from '../electron/services/project-folder.js';
import { unwrap } from './support/project.js';

const scratch = mkdtempSync(join(tmpdir(), 'clpbuilder-wizard-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TWO_HOSTS: WizardOptionsInput['servers'] = [
  { name: 'esx1', addresses: ['10.0.0.1', '192.168.0.1'] },
  { name: 'esx2', addresses: ['10.0.0.2', '192.168.0.2'] },
];

function build(options: Partial<WizardOptionsInput>): WizardProject[] {
  return unwrap(
    buildTopology({
      topology: 'inter-host',
      servers: TWO_HOSTS,
      profile: { vmx: EXAMPLE_VMX },
      ...options,
    }),
  );
}

let saved = 0;
/** Saves a project to a new folder and opens it again, as the user would. */
async function reopen(project: Project): Promise<Project> {
  saved += 1;
  const folder = join(scratch, `project-${saved}`);
  unwrap(await saveProject(folder, project));
  const opened = unwrap(await openProject(folder)).project;
  expect(serializeClpConf(opened.conf)).toBe(serializeClpConf(project.conf));
  expect(opened.meta).toEqual(project.meta);
  expect([...opened.scripts.keys()].sort()).toEqual([...project.scripts.keys()].sort());
  return opened;
}

const value = (project: Project, path: string) => unwrap(getParameter(project.conf, path));
const scriptText = (project: Project, path: string) =>
  new TextDecoder().decode(project.scripts.get(path)?.bytes);

function errorsOf(project: Project) {
  const side = project.meta.vmProfile?.['side'] as 'host' | 'guest' | undefined;
  return findingsForSide(checkProject(project), project.meta.topology, side).kept.filter(
    (finding) => finding.severity === 'error',
  );
}

describe('inter-host: "Setting up an inter-host OS cluster"', () => {
  it('builds failover-vm with sd-vm and exec-vm, genw-vm, heartbeats and userw, wired as the guide says', async () => {
    const [host] = build({ diskDevice: '/dev/sdb1' });
    const project = await reopen(host!.project);
    const model = readModel(project.conf);
    expect(
      model.servers.map((server) => [server.name, server.devices.map((device) => device.info)]),
    ).toEqual([
      ['esx1', ['10.0.0.1', '192.168.0.1']],
      ['esx2', ['10.0.0.2', '192.168.0.2']],
    ]);
    expect(model.heartbeats.map((heartbeat) => [heartbeat.type, heartbeat.device])).toEqual([
      ['lankhb', '0'],
      ['lankhb', '1'],
    ]);
    expect(model.groups.map((group) => [group.name, group.members])).toEqual([
      [
        'failover-vm',
        [
          { type: 'disk', name: 'sd-vm' },
          { type: 'exec', name: 'exec-vm' },
        ],
      ],
    ]);
    const expected: Array<[string, string]> = [
      ['all/serveros', 'linux'],
      ['resource/disk@sd-vm/parameters/device', '/dev/sdb1'],
      ['resource/exec@exec-vm/parameters/act/path', 'start.sh'],
      ['resource/exec@exec-vm/parameters/deact/path', 'stop.sh'],
      ['monitor/genw@genw-vm/parameters/path', 'genw.sh'],
      ['monitor/genw@genw-vm/parameters/sync', '0'],
      ['monitor/genw@genw-vm/polling/timing', '1'],
      ['monitor/genw@genw-vm/target', 'exec-vm'],
      ['monitor/genw@genw-vm/relation/type', 'grp'],
      ['monitor/genw@genw-vm/relation/name', 'failover-vm'],
      ['monitor/userw@userw/parameters/method', 'keepalive'],
      ['webmgr/client/objectnumber', '15'],
    ];
    for (const [path, wanted] of expected) {
      expect(value(project, path), path).toBe(wanted);
    }
    const scripts: Array<[string, string]> = [
      ['failover-vm/exec-vm/start.sh', 'vm/vmpower.start.pl'],
      ['failover-vm/exec-vm/stop.sh', 'vm/vmpower.stop.pl'],
      ['monitor.s/genw-vm/genw.sh', 'vm/clpvmmon.pl'],
    ];
    for (const [path, template] of scripts) {
      expect(readScriptHeader(scriptText(project, path))?.template, path).toBe(template);
      expect(project.scripts.get(path)?.executable).toBe(true);
      expect(scriptText(project, path)).toContain(`my $vmx            = '${EXAMPLE_VMX}';`);
    }
    expect(generatedScriptStates(project).map((state) => state.status)).toEqual([
      'generated',
      'generated',
      'generated',
    ]);
    expect(project.meta).toMatchObject({
      topology: 'inter-host',
      vmProfile: { side: 'host', vmx: EXAMPLE_VMX, vmwareCmd: '/usr/bin/vmware-cmd' },
    });
    expect(errorsOf(project)).toEqual([]);
  });

  it('uses user-mode heartbeats and no userw for internal version 2.1.0-1 (VM002)', () => {
    const project = build({ productVersion: '2.1.0-1' })[0]!.project;
    const model = readModel(project.conf);
    expect(model.heartbeats.map((heartbeat) => heartbeat.type)).toEqual(['lanhb', 'lanhb']);
    expect(model.monitors.map((monitor) => monitor.type)).toEqual(['genw']);
    expect(errorsOf(project)).toEqual([]);
  });

  it('names what is missing or wrong', () => {
    expect(buildTopology({ topology: 'inter-host', servers: TWO_HOSTS })).toMatchObject({
      ok: false,
      error: { path: 'vmProfile.vmx' },
    });
    expect(
      buildTopology({
        topology: 'inter-host',
        servers: TWO_HOSTS,
        profile: { vmx: '/vmfs/volumes/ds1/vm1/vm1.vmx' },
      }),
    ).toMatchObject({ ok: false, error: { path: 'vmProfile.vmx' } });
    expect(
      buildTopology({
        topology: 'inter-host',
        servers: [{ name: 'esx1', addresses: ['10.0.0.256'] }],
      }),
    ).toMatchObject({ ok: false, error: { path: 'servers.0.addresses.0' } });
    expect(
      buildTopology({
        topology: 'inter-host',
        servers: [{ name: '../x', addresses: ['10.0.0.1'] }],
        profile: { vmx: EXAMPLE_VMX },
      }),
    ).toMatchObject({ ok: false, error: { kind: 'unsafe-path' } });
  });
});

describe('inter-host-guest-assoc: the host cluster and the guest’s SingleServerSafe', () => {
  it.each(['linux', 'windows'] as const)(
    'wires the %s guest’s monitor to run the pre-action script before its final action',
    async (guestOs) => {
      const [host, guest] = build({
        topology: 'inter-host-guest-assoc',
        profile: { vmx: EXAMPLE_VMX, guestOs },
      });
      expect([host!.folder, guest!.folder]).toEqual(['', 'guest']);
      const project = await reopen(guest!.project);
      const file = guestOs === 'windows' ? 'preaction.bat' : 'preaction.sh';
      const expected: Array<[string, string]> = [
        ['cluster/name', 'vm1'],
        ['all/serveros', guestOs],
        ['monitor/genw@genw-app/parameters/path', guestOs === 'windows' ? 'genw.bat' : 'genw.sh'],
        ['monitor/genw@genw-app/emergency/action', '4'],
        ['monitor/genw@genw-app/emergency/preaction/use', '1'],
        ['monitor/genw@genw-app/emergency/preaction/default', '1'],
        ['monitor/genw@genw-app/emergency/preaction/path', file],
      ];
      for (const [path, wanted] of expected) {
        expect(value(project, path), path).toBe(wanted);
      }
      expect(readModel(project.conf).servers.map((server) => server.name)).toEqual(['vm1']);
      const text = scriptText(project, `monitor.s/genw-app/${file}`);
      expect(readScriptHeader(text)?.template).toBe(
        `vm/vmpreaction.${guestOs === 'windows' ? 'bat' : 'sh'}`,
      );
      expect(text).toContain(
        guestOs === 'windows' ? '-r "exec-vm" -h "10.0.0.1,10.0.0.2"' : "CLPIP='10.0.0.1,10.0.0.2'",
      );
      expect(project.meta).toMatchObject({
        topology: 'inter-host-guest-assoc',
        vmProfile: { side: 'guest', vmResource: 'exec-vm', guestOs },
      });
      expect(errorsOf(project)).toEqual([]);
      const hostProject = await reopen(host!.project);
      expect(value(hostProject, 'monitor/genw@genw-vm/target')).toBe('exec-vm');
      expect(errorsOf(hostProject)).toEqual([]);
    },
  );
});

describe('vmware-ha-sss: SingleServerSafe on the ESX host', () => {
  it('watches the datastore with diskw, final action OS shutdown after the pre-action script', async () => {
    const [sss] = build({
      topology: 'vmware-ha-sss',
      servers: [{ name: 'esx1', addresses: ['10.0.0.1'] }],
      diskDevice: '/dev/sdc',
      profile: { vmResource: 'vm1', esxAddresses: ['10.0.0.1', '10.0.0.2'] },
    });
    const project = await reopen(sss!.project);
    const expected: Array<[string, string]> = [
      ['monitor/diskw@diskw-datastore/parameters/object', '/dev/sdc'],
      ['monitor/diskw@diskw-datastore/parameters/size', '512'],
      ['monitor/diskw@diskw-datastore/emergency/action', '4'],
      ['monitor/diskw@diskw-datastore/emergency/preaction/use', '1'],
      ['monitor/diskw@diskw-datastore/emergency/preaction/path', 'preaction.sh'],
      ['monitor/userw@userw/parameters/method', 'keepalive'],
    ];
    for (const [path, wanted] of expected) {
      expect(value(project, path), path).toBe(wanted);
    }
    expect(readModel(project.conf).heartbeats).toEqual([]);
    expect(project.meta.vm).toEqual({ vmOnSharedStorage: true, scsiBusSharing: 'none' });
    expect(scriptText(project, 'monitor.s/diskw-datastore/preaction.sh')).toContain("CLPRSC='vm1'");
    expect(errorsOf(project)).toEqual([]);
  });

  it('refuses more than one server: SingleServerSafe runs on one host', () => {
    expect(buildTopology({ topology: 'vmware-ha-sss', servers: TWO_HOSTS })).toMatchObject({
      ok: false,
      error: { kind: 'usage', path: 'servers' },
    });
  });
});

describe('every topology', () => {
  it.each(
    TopologySchema.options.flatMap(
      (topology) =>
        [
          [topology, 'linux'],
          [topology, 'windows'],
        ] as const,
    ),
  )(
    '%s with a %s guest builds projects that reopen and check with no error',
    async (topology, guestOs) => {
      const servers = topology.startsWith('vmware-ha') ? TWO_HOSTS.slice(0, 1) : TWO_HOSTS;
      // The guest's OS picks the pre-action script (.sh or .bat) in the association topologies.
      const profile = topology === 'plain' ? {} : { profile: { vmx: EXAMPLE_VMX, guestOs } };
      for (const built of build({ topology, servers, ...profile })) {
        const project = await reopen(built.project);
        expect(project.meta.topology).toBe(topology);
        expect(errorsOf(project)).toEqual([]);
      }
    },
  );

  it.each(['inter-guest-shared', 'inter-guest-mirror', 'p2v-shared', 'p2v-mirror'] as const)(
    '%s: the guests are the servers, so the cluster runs the guest’s OS',
    (topology) => {
      const serverOs = (guestOs: 'linux' | 'windows') =>
        value(
          build({ topology, servers: TWO_HOSTS, profile: { vmx: EXAMPLE_VMX, guestOs } })[0]!
            .project,
          'all/serveros',
        );
      expect(serverOs('windows')).toBe('windows');
      expect(serverOs('linux')).toBe('linux');
    },
  );

  it('keeps the ESX hosts’ cluster Linux whatever the guest runs', () => {
    for (const topology of ['inter-host-guest-assoc', 'vmware-ha-sss-guest'] as const) {
      const servers = topology === 'vmware-ha-sss-guest' ? TWO_HOSTS.slice(0, 1) : TWO_HOSTS;
      const [host] = build({
        topology,
        servers,
        profile: { vmx: EXAMPLE_VMX, guestOs: 'windows' },
      });
      expect(value(host!.project, 'all/serveros')).toBe('linux');
    }
  });

  it('records what the guide prescribes for the VMs, the engineer’s own facts first', () => {
    expect(build({ topology: 'inter-guest-shared' })[0]!.project.meta.vm).toEqual({
      scsiBusSharing: 'physical',
    });
    expect(
      build({
        topology: 'inter-guest-shared',
        facts: { scsiBusSharing: 'virtual', sameEsxHost: true },
      })[0]!.project.meta.vm,
    ).toEqual({ scsiBusSharing: 'virtual', sameEsxHost: true });
    expect(build({ topology: 'p2v-shared' })[0]!.project.meta.vm).toEqual({ diskType: 'rdm' });
  });
});

describe('regenerating from the profile', () => {
  const host = () => build({})[0]!.project;
  const withProfile = (project: Project, change: Record<string, unknown>): Project => ({
    ...project,
    meta: { ...project.meta, vmProfile: { ...project.meta.vmProfile, ...change } },
  });

  it('rewrites the scripts a profile change made stale, and only those', () => {
    const changed = withProfile(host(), { stopCheckInterval: 10 });
    expect(generatedScriptStates(changed).map((state) => [state.path, state.status])).toEqual([
      ['failover-vm/exec-vm/start.sh', 'generated'],
      ['failover-vm/exec-vm/stop.sh', 'stale'],
      ['monitor.s/genw-vm/genw.sh', 'generated'],
    ]);
    const regenerated = unwrap(regenerateScripts(changed));
    expect(regenerated.written).toEqual(['failover-vm/exec-vm/stop.sh']);
    expect(scriptText(regenerated.project, 'failover-vm/exec-vm/stop.sh')).toContain(
      'my $check_interval = 10;',
    );
    expect(
      generatedScriptStates(regenerated.project).every((state) => state.status === 'generated'),
    ).toBe(true);
  });

  it('refuses to overwrite a script edited by hand unless forced', () => {
    const project = host();
    const path = 'monitor.s/genw-vm/genw.sh';
    const scripts = new Map(project.scripts);
    scripts.set(path, {
      bytes: new TextEncoder().encode(`${scriptText(project, path)}# mine\n`),
      executable: true,
    });
    const edited = withProfile({ ...project, scripts }, { checkInterval: 2 });
    expect(regenerateScripts(edited)).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        message: expect.stringContaining('scripts/monitor.s/genw-vm/genw.sh changed by hand'),
      },
    });
    const forced = unwrap(regenerateScripts(edited, { force: true }));
    expect(forced.written).toEqual(['failover-vm/exec-vm/start.sh', 'monitor.s/genw-vm/genw.sh']);
  });

  it('switches the pre-action script and its path when the guest OS changes', () => {
    const guest = build({ topology: 'inter-host-guest-assoc' })[1]!.project;
    const regenerated = unwrap(regenerateScripts(withProfile(guest, { guestOs: 'windows' })));
    expect(regenerated.written).toEqual(['monitor.s/genw-app/preaction.bat']);
    expect(regenerated.project.scripts.has('monitor.s/genw-app/preaction.sh')).toBe(false);
    expect(value(regenerated.project, 'monitor/genw@genw-app/emergency/preaction/path')).toBe(
      'preaction.bat',
    );
  });

  it('wires the VM scripts into a project built by hand', () => {
    const skeleton = build({ topology: 'plain' })[0]!.project;
    const project = unwrap(
      pipe<Project>(
        {
          ...skeleton,
          meta: { ...skeleton.meta, topology: 'inter-host', vmProfile: { vmx: EXAMPLE_VMX } },
        },
        (edited) => addGroup(edited, 'vmgroup'),
        (edited) => addResource(edited, 'vmgroup', 'disk', 'disk1'),
        (edited) => addResource(edited, 'vmgroup', 'exec', 'vm1'),
        (edited) => addMonitor(edited, 'genw', 'vm1-watch'),
      ),
    );
    const wired = unwrap(wireScripts(project, { exec: 'vm1', monitor: 'vm1-watch' }));
    expect(value(wired, 'monitor/genw@vm1-watch/relation/name')).toBe('vmgroup');
    expect(generatedScriptStates(wired).map((state) => state.path)).toEqual([
      'monitor.s/vm1-watch/genw.sh',
      'vmgroup/vm1/start.sh',
      'vmgroup/vm1/stop.sh',
    ]);
    expect(errorsOf(wired)).toEqual([]);
    expect(wireScripts(project, { exec: 'nope' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });
});
