/**
 * `clpbuilder new <dir> --topology <t> [profile options]`: the topology wizards, headless
 * (reference/cli.md, "Scripts"; issue 4). Builds the projects, saves them, then runs the
 * rules and prints what they find.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type Finding, type Project, TopologySchema, checkProject, reviewFindings, today } from '../../schemas/index.js';
import { Ipv4Schema } from '../../schemas/vm-profile.js';
import { type WizardProject, buildTopology, findingsForSide, withTemplateRules } from '../../templates/index.js';
import { saveProject } from '../services/project-folder.js';
import { formatFindings } from './check-report.js';
import {
  EXIT,
  type ExitCode,
  type OutputOptions,
  printJson,
  printLines,
  printMessage,
  reportError,
} from './output.js';
import { runAction } from './run.js';

interface NewFlags extends OutputOptions {
  readonly topology: string;
  readonly name?: string;
  readonly server: ReadonlyArray<{ name: string; address: string }>;
  readonly vmx?: string;
  readonly vmwareCmd?: string;
  readonly esxIp: readonly string[];
  readonly vmResource?: string;
  readonly guestOs?: 'linux' | 'windows';
  readonly clptrnreq?: string;
  readonly checkInterval?: number;
  readonly stopCheckInterval?: number;
  readonly maxChecks?: number;
  readonly startTimeout?: number;
  readonly productVersion?: string;
  readonly diskDevice?: string;
  readonly guestServer?: string;
  readonly scsiBusSharing?: 'none' | 'virtual' | 'physical';
  readonly diskType?: 'rdm' | 'vmdk';
  readonly vmotion?: boolean;
}

function serverArgument(value: string, previous: Array<{ name: string; address: string }> = []) {
  const colon = value.lastIndexOf(':');
  const name = value.slice(0, colon);
  const address = value.slice(colon + 1);
  if (colon <= 0 || !Ipv4Schema.safeParse(address).success) {
    throw new InvalidArgumentError(
      'write it as <name>:<ipv4>, e.g. esx1:10.0.0.1 (repeat the name for its next LAN)',
    );
  }
  return [...previous, { name, address }];
}

function addressArgument(value: string, previous: string[] = []): string[] {
  if (!Ipv4Schema.safeParse(value).success) {
    throw new InvalidArgumentError('must be an IPv4 address such as 10.0.0.1');
  }
  return [...previous, value];
}

function secondsArgument(value: string): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) {
    throw new InvalidArgumentError('must be a whole number of at least 1');
  }
  return Number(value);
}

/** Registers `new`. */
export function registerNewCommand(program: Command): void {
  program
    .command('new')
    .description(
      'create a complete project for a topology of the vSphere guide (the wizard, headless)',
    )
    .argument('<dir>', 'folder to create the project in (empty or new)')
    .addOption(
      new Option('--topology <t>', 'deployment topology')
        .choices(TopologySchema.options)
        .makeOptionMandatory(),
    )
    .option('--name <cluster>', 'cluster name', 'cluster')
    .option(
      '--server <name:ipv4>',
      'a server and the address of one of its LANs (repeat; repeat a name for its next LAN)',
      serverArgument,
      [],
    )
    .option('--vmx <path>', 'the VM configuration file: /vmfs/volumes/<uuid>/<dir>/<name>.vmx')
    .option('--vmware-cmd <path>', 'vmware-cmd on the ESX hosts (default /usr/bin/vmware-cmd)')
    .option(
      '--esx-ip <ipv4>',
      'an ESX host address the pre-action script asks (repeat; default: the servers)',
      addressArgument,
      [],
    )
    .option(
      '--vm-resource <name>',
      "the host cluster's resource that starts the VM (default exec-vm)",
    )
    .addOption(
      new Option(
        '--guest-os <os>',
        "the guest OS: the cluster's OS where the guests are the servers (inter-guest, p2v), the pre-action script .sh or .bat (default linux)",
      ).choices(['linux', 'windows']),
    )
    .option(
      '--clptrnreq <path>',
      'clptrnreq in the guest (default /opt/nec/clusterpro/bin/clptrnreq, clptrnreq.exe)',
    )
    .option(
      '--check-interval <s>',
      'seconds between VM state checks while starting (default 1)',
      secondsArgument,
    )
    .option(
      '--stop-check-interval <s>',
      'seconds between VM state checks while stopping (default 5)',
      secondsArgument,
    )
    .option('--max-checks <n>', 'VM state checks before giving up (default 100)', secondsArgument)
    .option(
      '--start-timeout <s>',
      'seconds vmware-cmd start may take to answer (default 10)',
      secondsArgument,
    )
    .option('--product-version <v>', 'product internal version on the hosts, e.g. 2.1.1-1')
    .option(
      '--disk-device <path>',
      'the shared disk: device of sd-vm, object of the datastore disk monitor',
    )
    .option(
      '--guest-server <name>',
      "the guest's host name (guest-side project; default from the .vmx name)",
    )
    .addOption(
      new Option('--scsi-bus-sharing <mode>', "the VMs' SCSI bus sharing").choices([
        'none',
        'virtual',
        'physical',
      ]),
    )
    .addOption(
      new Option('--disk-type <type>', "the VMs' shared disk type").choices(['rdm', 'vmdk']),
    )
    .option('--vmotion', 'VMotion is used')
    .option('--json', 'print {"projects":[{"folder","description","findings"}]} on stdout')
    .addHelpText(
      'after',
      '\ninter-host-guest-assoc also writes the guest-side project in <dir>/guest.\nExit codes: 0 created with no rule error; 1 created, but the rules find errors; 2 bad usage, or the folder already holds a project.',
    )
    .action(runAction(createProjects));
}

function wizardInput(flags: NewFlags): unknown {
  const servers: Array<{ name: string; addresses: string[] }> = [];
  for (const { name, address } of flags.server) {
    const known = servers.find((server) => server.name === name);
    if (known) {
      known.addresses.push(address);
    } else {
      servers.push({ name, addresses: [address] });
    }
  }
  const defined = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
  return defined({
    topology: flags.topology,
    name: flags.name,
    servers,
    productVersion: flags.productVersion,
    diskDevice: flags.diskDevice,
    guestServer: flags.guestServer,
    facts: defined({
      scsiBusSharing: flags.scsiBusSharing,
      diskType: flags.diskType,
      vmotion: flags.vmotion,
    }),
    profile: defined({
      vmx: flags.vmx,
      vmwareCmd: flags.vmwareCmd,
      esxAddresses: flags.esxIp.length > 0 ? flags.esxIp : undefined,
      vmResource: flags.vmResource,
      guestOs: flags.guestOs,
      clptrnreq: flags.clptrnreq,
      checkInterval: flags.checkInterval,
      stopCheckInterval: flags.stopCheckInterval,
      maxChecks: flags.maxChecks,
      startTimeout: flags.startTimeout,
    }),
  });
}

// Profile fields by the flag that sets them, so that an error says what to type.
const FLAG_OF: Readonly<Record<string, string>> = {
  'vmProfile.vmx': '--vmx',
  'vmProfile.vmwareCmd': '--vmware-cmd',
  'vmProfile.vmResource': '--vm-resource',
  'vmProfile.esxAddresses': '--esx-ip',
  'vmProfile.clptrnreq': '--clptrnreq',
  servers: '--server',
  name: '--name',
  diskDevice: '--disk-device',
  guestServer: '--guest-server',
  productVersion: '--product-version',
};

function flagOf(path: string | undefined): string | undefined {
  return path === undefined ? undefined : (FLAG_OF[path] ?? FLAG_OF[path.replace(/\.\d+$/, '')]);
}

async function createProjects(dir: string, flags: NewFlags): Promise<ExitCode> {
  const built = buildTopology(wizardInput(flags));
  if (!built.ok) {
    const flag = flagOf(built.error.path);
    return reportError(
      {
        ...built.error,
        kind: 'usage',
        message: flag ? `${flag}: ${built.error.message}` : built.error.message,
      },
      flags,
    );
  }
  const root = resolve(dir);
  const taken = built.value
    .map((wizard) => join(root, wizard.folder, 'clp.conf'))
    .find((file) => existsSync(file));
  if (taken) {
    return reportError(
      {
        kind: 'conflict',
        message: `${taken} exists: ${dir} already holds a project; choose a new or empty folder`,
        file: taken,
      },
      flags,
    );
  }
  const results: Array<{
    wizard: WizardProject;
    folder: string;
    findings: Finding[];
    otherSide: Finding[];
  }> = [];
  for (const wizard of built.value) {
    const folder = join(root, wizard.folder);
    const saved = await saveProject(folder, wizard.project);
    if (!saved.ok) {
      return reportError(saved.error, flags);
    }
    results.push({ wizard, folder, ...checked(wizard.project) });
  }
  report(results, flags);
  const hasErrors = results.some((result) =>
    result.findings.some((finding) => finding.severity === 'error'),
  );
  return hasErrors ? EXIT.findings : EXIT.success;
}

function checked(project: Project): { findings: Finding[]; otherSide: Finding[] } {
  const { kept, otherSide } = findingsForSide(
    checkProject(project, withTemplateRules()),
    project.meta.topology,
    project.meta.vmProfile?.['side'] as 'host' | 'guest' | undefined,
  );
  return { findings: kept, otherSide };
}

function report(
  results: ReadonlyArray<{
    wizard: WizardProject;
    folder: string;
    findings: Finding[];
    otherSide: Finding[];
  }>,
  flags: OutputOptions,
): void {
  if (flags.json) {
    printJson({
      projects: results.map(({ wizard, folder, findings }) => ({
        folder,
        description: wizard.description,
        findings: findings.map(({ rule, severity, path, message, fix, source }) => ({
          rule,
          severity,
          path,
          message,
          fix,
          source,
        })),
      })),
    });
    return;
  }
  for (const { wizard, folder, findings, otherSide } of results) {
    printLines([
      `created ${folder} (${wizard.description})`,
      ...formatFindings(reviewFindings(findings, [], today()), join(folder, 'clp.conf')),
    ]);
    if (otherSide.length > 0) {
      printMessage(
        `${folder}: ${otherSide.map((finding) => finding.rule).join(', ')} set aside: they concern the other side of the guest-to-host association`,
      );
    }
  }
}
