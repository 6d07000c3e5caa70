/**
 * `clpbuilder`: the command line (reference/cli.md), over the same core and services as the app.
 *
 * Built by `node build/build-cli.mjs` into dist/cli.js and started by bin/clpbuilder.js.
 * Each command group lives in electron/cli/; this file only wires them and maps commander's
 * own failures (unknown flag, missing argument) to exit code 2.
 */
import { Command, CommanderError } from 'commander';
import packageJson from '../package.json';
import { registerAddCommands } from './cli/add.js';
import { registerCheckCommands } from './cli/check.js';
import { registerDiffCommand } from './cli/diff.js';
import { registerRemoveRenameCommands, registerSetCommand } from './cli/edit.js';
import { registerExportCommand } from './cli/export.js';
import { registerGenerateCommand } from './cli/generate.js';
import { registerNewCommand } from './cli/new.js';
import { registerHostCommands } from './cli/hosts.js';
import { EXIT, printJson, reportBug } from './cli/output.js';
import { registerServeCommand } from './cli/serve.js';
import { registerShowCommands } from './cli/show.js';

const HELP_AFTER = `
A <project> is a project folder (clp.conf + scripts/ + .clpbuilder/project.json), a bare
clp.conf file, or a .zip export (read-only). Parameter paths follow clpcfadm:
<section>/<type>@<name>/<sub/path>, e.g. resource/exec@exec1/parameters/act/path.

Exit codes: 0 success; 1 the project has errors (diff: differences found); 2 bad usage or
unreadable input. --json makes stdout one JSON document, errors included.`;

/** The program with every command registered; settings first, so subcommands inherit them. */
export function buildProgram(): Command {
  const program = new Command('clpbuilder')
    .description(
      'Cluster Builder: design, validate and edit EXPRESSCLUSTER X configurations (clp.conf)',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for this command')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', HELP_AFTER);
  registerShowCommands(program);
  registerSetCommand(program);
  registerAddCommands(program);
  registerRemoveRenameCommands(program);
  registerExportCommand(program);
  registerDiffCommand(program);
  registerCheckCommands(program);
  registerNewCommand(program);
  registerGenerateCommand(program);
  registerHostCommands(program);
  registerServeCommand(program);
  return program;
}

/** Runs the command line; sets the exit code rather than exiting, so output is flushed. */
export async function main(argv: readonly string[]): Promise<void> {
  const wantsJson = argv.includes('--json');
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (caught) {
    if (!(caught instanceof CommanderError)) {
      process.exitCode = reportBug(caught, { json: wantsJson });
      return;
    }
    // Help and version end with code 0; every other commander failure is bad usage.
    process.exitCode = caught.exitCode === 0 ? EXIT.success : EXIT.trouble;
    if (wantsJson && caught.exitCode !== 0) {
      printJson({ error: { kind: 'usage', message: caught.message.replace(/^error: /, '') } });
    }
  }
}

await main(process.argv);
