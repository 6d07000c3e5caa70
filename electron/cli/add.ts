/**
 * `clpbuilder add server|group|resource|monitor|heartbeat|networkpartition`.
 */
import { type Command, Option } from 'commander';
import {
  type Project,
  type Result,
  addGroup,
  addHeartbeat,
  addMonitor,
  addNetworkPartition,
  addResource,
  addServer,
} from '../../schemas/index.js';
import { applyEdit, editCommand } from './edit.js';
import type { OutputOptions } from './output.js';
import { runAction } from './run.js';

/** Registers `add` and its subcommands. */
export function registerAddCommands(program: Command): void {
  const add = program
    .command('add')
    .description('add a server, group, resource, monitor, heartbeat or network partition resource');
  registerAddServer(add);
  registerAddGroup(add);
  registerAddResource(add);
  registerAddMonitor(add);
  registerAddPrioritised(
    add,
    'heartbeat',
    'add a heartbeat (lankhb, lanhb, diskhb, bmchb, witnesshb)',
    addHeartbeat,
  );
  registerAddPrioritised(
    add,
    'networkpartition',
    'add a network partition resource (pingnp, httpnp, disknp)',
    addNetworkPartition,
  );
}

function registerAddServer(add: Command): void {
  editCommand(add, 'server', 'add a server (with a LAN device when --ip is given)')
    .argument('<name>', 'server name (host name)')
    .option('--ip <addr>', 'IP address of its first LAN device')
    .action(
      runAction((project: string, name: string, options: OutputOptions & { ip?: string }) =>
        applyEdit(project, options, (loaded) =>
          addServer(loaded, name, options.ip ? { ip: options.ip } : {}),
        ),
      ),
    );
}

function registerAddGroup(add: Command): void {
  editCommand(add, 'group', 'add a group')
    .argument('<name>', 'group name')
    .addOption(
      new Option('--type <type>', 'group type')
        .choices(['failover', 'cluster', 'virtualmachine'])
        .default('failover'),
    )
    .action(
      runAction((project: string, name: string, options: OutputOptions & { type: string }) =>
        applyEdit(project, options, (loaded) => addGroup(loaded, name, { type: options.type })),
      ),
    );
}

function registerAddResource(add: Command): void {
  editCommand(
    add,
    'resource',
    "add a resource to a group, with the product's defaults and default scripts",
  )
    .argument('<group>', 'the group it belongs to')
    .argument('<type>', 'resource type: exec, fip, disk, md, sd, vm, ...')
    .argument('<name>', 'resource name (unique across all types)')
    .action(
      runAction(
        (project: string, group: string, type: string, name: string, options: OutputOptions) =>
          applyEdit(project, options, (loaded) => addResource(loaded, group, type, name)),
      ),
    );
}

function registerAddMonitor(add: Command): void {
  editCommand(add, 'monitor', "add a monitor with the product's defaults (and genw.sh for genw; genw.bat on Windows)")
    .argument('<type>', 'monitor type: genw, fipw, diskw, userw, mdw, ...')
    .argument('<name>', 'monitor name')
    .action(
      runAction((project: string, type: string, name: string, options: OutputOptions) =>
        applyEdit(project, options, (loaded) => addMonitor(loaded, type, name)),
      ),
    );
}

type AddPrioritised = (
  project: Project,
  type: string,
  options: { name?: string; device?: string },
) => Result<Project>;
type PrioritisedOptions = OutputOptions & { name?: string; device?: string };

function registerAddPrioritised(
  add: Command,
  kind: string,
  description: string,
  edit: AddPrioritised,
): void {
  editCommand(add, kind, description)
    .argument('<type>', 'its kind, e.g. lankhb or pingnp')
    .option('--name <name>', 'its name (default: the kind followed by the next free number)')
    .option('--device <id>', 'the server device id it uses (default: 0)')
    .action(
      runAction((project: string, type: string, options: PrioritisedOptions) =>
        applyEdit(project, options, (loaded) =>
          edit(loaded, type, {
            ...(options.name ? { name: options.name } : {}),
            ...(options.device ? { device: options.device } : {}),
          }),
        ),
      ),
    );
}
