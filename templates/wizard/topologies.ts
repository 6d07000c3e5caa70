/**
 * The topology wizards: one call builds every project a topology of the guide needs, wired
 * and with its VM scripts (issue 4, "Headless wizards"). Pure: the caller saves the projects.
 */
import {
  type Project,
  type ProjectMeta,
  type Result,
  type VmProfile,
  addGroup,
  addMonitor,
  addResource,
  appError,
  fail,
  ok,
  pipe,
  setParameter,
} from '../../schemas/index.js';
import { type GeneratedScript, type TemplateId, generateScripts } from '../generate.js';
import { type WizardOptions, parseWizardOptions } from './options.js';
import { addLanHeartbeats, addServers, addUserSpaceMonitor, emptyProject } from './skeleton.js';
import { dropScript, putScript, wirePreaction, wireVmExec, wireVmMonitor } from './wiring.js';

/** The guide's names ("Setting up clusters"; reference/cli.md). */
export const VM_NAMES = {
  group: 'failover-vm',
  disk: 'sd-vm',
  exec: 'exec-vm',
  monitor: 'genw-vm',
  guestMonitor: 'genw-app',
  datastoreMonitor: 'diskw-datastore',
} as const;

/** One project a wizard built, and where it goes. */
export interface WizardProject {
  /** Relative to the folder given: '' for the folder itself, `guest` for the guest side. */
  readonly folder: string;
  /** What it configures, for the user. */
  readonly description: string;
  readonly project: Project;
}

type VmFacts = ProjectMeta['vm'];

// What the guide prescribes for the VMs of each topology; the engineer's own facts win.
const FACTS: Partial<Record<WizardOptions['topology'], VmFacts>> = {
  'inter-guest-shared': { scsiBusSharing: 'physical' }, // rule VM005
  'p2v-shared': { diskType: 'rdm' }, // rule VM008
  'vmware-ha-sss': { vmOnSharedStorage: true, scsiBusSharing: 'none' }, // rule VM011
  'vmware-ha-sss-guest': { vmOnSharedStorage: true, scsiBusSharing: 'none' },
};

function metaFor(
  options: WizardOptions,
  profile: VmProfile | undefined,
  withHosts: boolean,
): ProjectMeta {
  return {
    version: 1,
    topology: options.topology,
    ...(options.productVersion ? { productVersion: options.productVersion } : {}),
    hosts: withHosts
      ? options.servers.map((server) => ({
          address: server.addresses[0] as string,
          port: 22,
          user: 'root',
          server: server.name,
        }))
      : [],
    vm: { ...FACTS[options.topology], ...options.facts },
    ...(profile ? { vmProfile: profile } : {}),
  };
}

/** Pre-action defaults: the host cluster's VM exec resource, every host's first address. */
function preactionProfile(options: WizardOptions, side: 'host' | 'guest'): VmProfile {
  return {
    ...options.profile,
    side,
    vmResource: options.profile.vmResource ?? VM_NAMES.exec,
    esxAddresses:
      options.profile.esxAddresses ??
      options.servers.map((server) => server.addresses[0] as string),
    guestOs: options.profile.guestOs ?? 'linux',
  };
}

function scriptsFor(profile: VmProfile, ids: readonly TemplateId[]): Result<GeneratedScript[]> {
  return generateScripts(profile, ids);
}

function preactionId(profile: VmProfile): TemplateId {
  return profile.guestOs === 'windows' ? 'vm/vmpreaction.bat' : 'vm/vmpreaction.sh';
}

/** The clustered base every host-side topology shares: servers, heartbeats, userw. */
function cluster(
  options: WizardOptions,
  meta: ProjectMeta,
  withUserSpaceMonitor: boolean,
  os: 'linux' | 'windows' = 'linux',
): Result<Project> {
  const start = emptyProject(options.name, os, meta);
  return start.ok
    ? pipe(
        start.value,
        (project) => addServers(project, options.servers),
        (project) => addLanHeartbeats(project, options.servers, options.productVersion),
        (project) =>
          withUserSpaceMonitor ? addUserSpaceMonitor(project, options.productVersion) : ok(project),
      )
    : start;
}

/** "Setting up an inter-host OS cluster": the ESX hosts' cluster that fails the VM over. */
function hostCluster(options: WizardOptions, profile: VmProfile): Result<Project> {
  const scripts = scriptsFor(profile, [
    'vm/vmpower.start.pl',
    'vm/vmpower.stop.pl',
    'vm/clpvmmon.pl',
  ]);
  if (!scripts.ok) {
    return scripts;
  }
  const [powerOn, powerOff, monitor] = scripts.value as [
    GeneratedScript,
    GeneratedScript,
    GeneratedScript,
  ];
  const base = cluster(options, metaFor(options, profile, true), true);
  const { group, disk, exec, monitor: genw } = VM_NAMES;
  return base.ok
    ? pipe(
        base.value,
        (project) => addGroup(project, group),
        // The shared disk first: the VM's files must be there before it powers on (step 2).
        (project) => addResource(project, group, 'disk', disk),
        (project) =>
          options.diskDevice
            ? setParameter(project, `resource/disk@${disk}/parameters/device`, options.diskDevice)
            : ok(project),
        (project) => addResource(project, group, 'exec', exec),
        (project) => addMonitor(project, 'genw', genw),
        (project) => wireVmExec(project, exec, powerOn, powerOff),
        (project) => wireVmMonitor(project, genw, exec, group, monitor),
      )
    : base;
}

/** The guest's host name: given, or the VM's configuration file name, lower-cased. */
function guestServerName(options: WizardOptions): Result<string> {
  const derived =
    (options.profile.vmx ?? '')
      .split('/')
      .pop()
      ?.replace(/\.vmx$/, '')
      .toLowerCase() ?? '';
  const name = options.guestServer ?? derived;
  return /^[a-z0-9][a-z0-9-]*$/.test(name)
    ? ok(name)
    : fail(
        appError(
          'usage',
          `cannot take the guest's host name from "${name}"; give it with --guest-server <name>`,
          {
            path: 'guestServer',
            ja: `"${name}" からゲストのホスト名を決められません。--guest-server <name> で指定してください`,
          },
        ),
      );
}

/**
 * "Using a guest-to-host association", step 3: SingleServerSafe in the guest, a custom
 * monitor (the engineer's application check goes into its script) whose final action is
 * preceded by the pre-action script asking the host cluster to fail the VM over. Its final
 * action shuts the guest down, so the host's VM monitor also sees the VM go off should the
 * request not get through.
 */
function guestProject(options: WizardOptions, profile: VmProfile): Result<Project> {
  const windows = profile.guestOs === 'windows';
  const scripts = scriptsFor(profile, [
    preactionId(profile),
    windows ? 'product/genw.bat' : 'product/genw.sh',
  ]);
  if (!scripts.ok) {
    return scripts;
  }
  const server = guestServerName(options);
  if (!server.ok) {
    return server;
  }
  const [preaction, check] = scripts.value as [GeneratedScript, GeneratedScript];
  // SingleServerSafe names its cluster after the server it runs on.
  const start = emptyProject(
    server.value,
    windows ? 'windows' : 'linux',
    metaFor(options, profile, false),
  );
  const monitor = `monitor/genw@${VM_NAMES.guestMonitor}`;
  const folder = `monitor.s/${VM_NAMES.guestMonitor}`;
  return start.ok
    ? pipe(
        start.value,
        (project) => addServers(project, [{ name: server.value, addresses: [] }]),
        (project) => addMonitor(project, 'genw', VM_NAMES.guestMonitor),
        (project) => setParameter(project, `${monitor}/parameters/path`, check.file),
        (project) =>
          ok(
            putScript(
              dropScript(project, `${folder}/genw.sh`),
              `${folder}/${check.file}`,
              check.text,
            ),
          ),
        (project) => setParameter(project, `${monitor}/emergency/action`, '4'),
        (project) => wirePreaction(project, monitor, preaction),
      )
    : start;
}

/**
 * "Associating with VMware HA", step 4: SingleServerSafe on one ESX host, a disk monitor on
 * the datastore holding the guests, final action OS shutdown (4) after the pre-action script
 * (rules VM030, VM032). The monitor method READ(O_DIRECT) is not written: its XML encoding is
 * in no public sample (clpconf-format.md §12), so the checker asks for it instead.
 */
function hostSingleServer(options: WizardOptions, profile: VmProfile): Result<Project> {
  if (options.servers.length !== 1) {
    return fail(
      appError(
        'usage',
        `${options.topology} builds the SingleServerSafe project of one ESX host: give one --server and run new once per host`,
        {
          path: 'servers',
          ja: `${options.topology} は 1 台の ESX ホストの SingleServerSafe プロジェクトを作成します。--server を 1 つだけ指定し、ホストごとに new を実行してください`,
        },
      ),
    );
  }
  const scripts = scriptsFor(profile, [preactionId(profile)]);
  if (!scripts.ok) {
    return scripts;
  }
  const monitor = `monitor/diskw@${VM_NAMES.datastoreMonitor}`;
  const base = cluster(options, metaFor(options, profile, true), true);
  return base.ok
    ? pipe(
        base.value,
        (project) => addMonitor(project, 'diskw', VM_NAMES.datastoreMonitor),
        (project) =>
          options.diskDevice
            ? setParameter(project, `${monitor}/parameters/object`, options.diskDevice)
            : ok(project),
        // 512 bytes: what the product asks for with READ(O_DIRECT) (clpconf-format.md §6.3).
        (project) => setParameter(project, `${monitor}/parameters/size`, '512'),
        (project) => setParameter(project, `${monitor}/emergency/action`, '4'),
        (project) => wirePreaction(project, monitor, (scripts.value as [GeneratedScript])[0]),
      )
    : base;
}

/**
 * The topologies whose servers are the guests (or a guest and a physical server): the
 * cluster runs the guest's OS, so a Windows guest makes a Windows clp.conf (CF014, CF013).
 */
const GUEST_CLUSTERS: ReadonlySet<string> = new Set([
  'inter-guest-shared',
  'inter-guest-mirror',
  'p2v-shared',
  'p2v-mirror',
]);

/** The other topologies: servers and heartbeats, with the topology and VM facts recorded. */
function skeleton(options: WizardOptions): Result<Project> {
  const profile = options.topology === 'plain' ? undefined : options.profile;
  const os = GUEST_CLUSTERS.has(options.topology) ? (options.profile.guestOs ?? 'linux') : 'linux';
  return cluster(options, metaFor(options, profile, true), false, os);
}

/**
 * Builds the projects of a topology from wizard options (checked here; an error names the
 * option). `inter-host-guest-assoc` gives the host cluster and, in `guest`, the guest's
 * SingleServerSafe project; `vmware-ha-sss` and `vmware-ha-sss-guest` the host's
 * SingleServerSafe project (the guests' own cluster is an ordinary one: `new --topology plain`).
 */
export function buildTopology(input: unknown): Result<WizardProject[]> {
  const parsed = parseWizardOptions(input);
  if (!parsed.ok) {
    return parsed;
  }
  const options = parsed.value;
  const one = (description: string, project: Result<Project>): Result<WizardProject[]> =>
    project.ok ? ok([{ folder: '', description, project: project.value }]) : project;
  switch (options.topology) {
    case 'inter-host':
      return one(
        'inter-host OS cluster',
        hostCluster(options, { ...options.profile, side: 'host' }),
      );
    case 'inter-host-guest-assoc': {
      const host = hostCluster(options, preactionProfile(options, 'host'));
      if (!host.ok) {
        return host;
      }
      const guest = guestProject(options, preactionProfile(options, 'guest'));
      return guest.ok
        ? ok([
            { folder: '', description: 'inter-host OS cluster (host side)', project: host.value },
            {
              folder: 'guest',
              description: 'SingleServerSafe in the guest (guest side)',
              project: guest.value,
            },
          ])
        : guest;
    }
    case 'vmware-ha-sss':
    case 'vmware-ha-sss-guest':
      return one(
        'SingleServerSafe on the ESX host',
        hostSingleServer(options, preactionProfile(options, 'host')),
      );
    default:
      return one(`${options.topology} cluster`, skeleton(options));
  }
}
