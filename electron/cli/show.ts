/**
 * `clpbuilder show` and `clpbuilder get`: reading a project.
 */
import type { Command } from 'commander';
import {
  type ClusterModel,
  DEPENDENCY_SIDES,
  DEPENDENCY_SIDE_NAMES,
  type Group,
  type Monitor,
  type Resource,
  type Server,
  getParameter,
  groupDependenciesOf,
  readModel,
} from '../../schemas/index.js';
import { showValue } from './diff-format.js';
import {
  EXIT,
  type ExitCode,
  type OutputOptions,
  printJson,
  printLines,
  reportError,
} from './output.js';
import { confFileOf, inFile, open } from './project-access.js';
import { runAction } from './run.js';

/** Registers `show` and `get`. */
export function registerShowCommands(program: Command): void {
  program
    .command('show')
    .description(
      'print the tree: cluster, servers, heartbeats, network partitions, groups with their resources, monitors',
    )
    .argument('<project>', 'project folder, bare clp.conf or .zip export')
    .option('--json', 'print the whole model as one JSON document')
    .addHelpText(
      'after',
      '\nExit codes: 0 shown; 2 the project cannot be read (the message names file:line:column).',
    )
    .action(runAction((project: string, options: OutputOptions) => show(project, options)));
  program
    .command('get')
    .description(
      'print one parameter, or every parameter under a section as "sub/path = value" lines',
    )
    .argument('<project>', 'project folder, bare clp.conf or .zip export')
    .argument(
      '<path>',
      'clpcfadm-style path, e.g. monitor/genw@genw1/polling/interval or cluster/heartbeat',
    )
    .option('--json', 'print {"path", "value"} as one JSON document')
    .addHelpText(
      'after',
      '\nExit codes: 0 printed; 2 the project cannot be read or the path is not in it.',
    )
    .action(
      runAction((project: string, path: string, options: OutputOptions) =>
        get(project, path, options),
      ),
    );
}

/** `show <project> [--json]`. */
export async function show(path: string, options: OutputOptions): Promise<ExitCode> {
  const opened = await open(path);
  if (!opened.ok) {
    return reportError(opened.error, options);
  }
  const model = readModel(opened.value.project.conf);
  if (options.json) {
    printJson(model);
  } else {
    printLines(formatTree(model));
  }
  return EXIT.success;
}

/** `get <project> <path> [--json]`. */
export async function get(
  projectPath: string,
  path: string,
  options: OutputOptions,
): Promise<ExitCode> {
  const opened = await open(projectPath);
  if (!opened.ok) {
    return reportError(opened.error, options);
  }
  const value = getParameter(opened.value.project.conf, path);
  if (!value.ok) {
    // A bare "not there" gets a pointer to what is; the core's own hint stands alone.
    const isBare = value.error.message.endsWith('is not in this clp.conf');
    const error = {
      ...value.error,
      path,
      message: isBare
        ? `${value.error.message}; list what is there with: clpbuilder show ${projectPath}`
        : value.error.message,
    };
    return reportError(inFile(error, confFileOf(opened.value)), options);
  }
  if (options.json) {
    printJson({ path, value: value.value });
  } else if (typeof value.value === 'string') {
    printLines([value.value]);
  } else {
    printLines(Object.entries(value.value).map(([key, leaf]) => `${key} = ${leaf}`));
  }
  return EXIT.success;
}

/** The tree `show` prints, one entity per line, indented by nesting. */
export function formatTree(model: ClusterModel): string[] {
  const grouped = new Set(
    model.groups.flatMap((group) => group.members.map((member) => member.name)),
  );
  const loose = model.resources.filter((resource) => !grouped.has(resource.name));
  return [
    `cluster ${model.cluster.name}`,
    ...section('servers', model.servers.map(formatServer)),
    ...section(
      'heartbeats',
      model.heartbeats.map(
        (heartbeat) =>
          `${heartbeat.type} ${heartbeat.name}${field('priority', heartbeat.priority)}${field('device', heartbeat.device)}`,
      ),
    ),
    ...section(
      'network partitions',
      model.networkPartitions.map(
        (partition) =>
          `${partition.type} ${partition.name}${field('priority', partition.priority)}${field('device', partition.device)}`,
      ),
    ),
    ...section(
      'groups',
      model.groups.flatMap((group) => formatGroup(group, model.resources)),
    ),
    ...(loose.length > 0 ? section('resources in no group', loose.map(formatResource)) : []),
    ...section('monitors', model.monitors.map(formatMonitor)),
  ];
}

function section(title: string, lines: readonly string[]): string[] {
  return [
    `  ${title}${lines.length === 0 ? ': (none)' : ''}`,
    ...lines.map((line) => `    ${line}`),
  ];
}

function field(label: string, value: string | undefined): string {
  return value === undefined ? '' : `  ${label} ${showValue(value)}`;
}

function formatServer(server: Server): string {
  const lans = server.devices
    .filter((device) => device.type === 'lan' && device.info !== undefined)
    .map((device) => device.info as string);
  return `${server.name}${field('priority', server.priority)}${lans.length > 0 ? `  LAN ${lans.join(', ')}` : ''}`;
}

function formatGroup(group: Group, resources: readonly Resource[]): string[] {
  const members = group.members.map((member) => {
    const resource = resources.find((candidate) => candidate.name === member.name);
    return resource
      ? `  ${formatResource(resource)}`
      : `  ${member.type} ${member.name}  (missing from the resource section)`;
  });
  return [`${group.name} (${group.type})${groupDependencies(group)}`, ...members];
}

/** `  starts after g1  stops after g2`: what the group waits for (CF015 checks for circles). */
function groupDependencies(group: Group): string {
  return DEPENDENCY_SIDE_NAMES.map((side) => {
    const names = groupDependenciesOf(group, side);
    return names.length > 0 ? `  ${DEPENDENCY_SIDES[side].verb}s after ${names.join(', ')}` : '';
  }).join('');
}

/** `exec exec1  after fip1, disk1`; `after nothing` where the default dependency is unticked. */
function formatResource(resource: Resource): string {
  const { depends } = resource;
  const after =
    depends === undefined ? '' : `  after ${depends.length === 0 ? 'nothing' : depends.join(', ')}`;
  return `${resource.type} ${resource.name}${after}`;
}

function formatMonitor(monitor: Monitor): string {
  // An empty or blank <target> means the monitor watches no resource (clpconf-format.md §6: `<target/>` or `<target> </target>` when none).
  const recovery =
    monitor.relation.name === undefined
      ? ''
      : `  recovery ${monitor.relation.type ?? '?'} ${monitor.relation.name}`;
  return `${monitor.type} ${monitor.name}${field('target', monitor.target?.trim() ? monitor.target : undefined)}${recovery}`;
}
