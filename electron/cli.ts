/**
 * `clpbuilder`: the command line (reference/cli.md), over the same core and services as the app.
 *
 * Built by `node build/build-cli.mjs` into dist/cli.js and started by bin/clpbuilder.js.
 * Each command group lives in electron/cli/; this file only wires them and maps commander's
 * own failures (unknown flag, missing argument) to exit code 2.
 */
import { Command, CommanderError } from 'commander';
import packageJson from '../package.json';
import { EXIT, printJson, reportBug } from './cli/output.js';

type Register = (program: Command) => void;

/**
 * Each command group's module, in help order. Only the group of the command being run is
 * loaded: `check` on a large project must not wait for ssh2, the HTTP host or the script
 * generator to load (issue 3 benchmark: the whole `clpbuilder check` process).
 */
const COMMANDS: ReadonlyArray<readonly [readonly string[], () => Promise<Register>]> = [
  [['show', 'get'], async () => (await import('./cli/show.js')).registerShowCommands],
  [['set', 'unset'], async () => (await import('./cli/edit.js')).registerSetCommand],
  [['add'], async () => (await import('./cli/add.js')).registerAddCommands],
  [['remove', 'rename'], async () => (await import('./cli/edit.js')).registerRemoveRenameCommands],
  [['export'], async () => (await import('./cli/export.js')).registerExportCommand],
  [['diff'], async () => (await import('./cli/diff.js')).registerDiffCommand],
  [['check', 'fix', 'rules'], async () => (await import('./cli/check.js')).registerCheckCommands],
  [
    ['acknowledge', 'unacknowledge'],
    async () => (await import('./cli/acknowledge.js')).registerAcknowledgeCommands,
  ],
  [['new'], async () => (await import('./cli/new.js')).registerNewCommand],
  [['generate'], async () => (await import('./cli/generate.js')).registerGenerateCommand],
  [['upload', 'download'], async () => (await import('./cli/hosts.js')).registerHostCommands],
  [['serve'], async () => (await import('./cli/serve.js')).registerServeCommand],
];

/** The command groups to register: the named command's alone, or all (help, unknown command). */
function groupsFor(argv: readonly string[]): ReadonlyArray<() => Promise<Register>> {
  const name = argv.slice(2).find((argument) => !argument.startsWith('-'));
  const group = COMMANDS.find(([names]) => name !== undefined && names.includes(name));
  return group ? [group[1]] : COMMANDS.map(([, load]) => load);
}

const HELP_AFTER = `
A <project> is a project folder (clp.conf + scripts/ + .clpbuilder/project.json), a bare
clp.conf file, or a .zip export (read-only). Parameter paths follow clpcfadm:
<section>/<type>@<name>/<sub/path>, e.g. resource/exec@exec1/parameters/act/path.

Exit codes: 0 success; 1 the project has errors (diff: differences found); 2 bad usage or
unreadable input. --json makes stdout one JSON document, errors included.`;

/**
 * The program with the commands `argv` needs registered (every command when it names none);
 * settings first, so subcommands inherit them.
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('clpbuilder')
    .description(
      'Cluster Builder: design, validate and edit EXPRESSCLUSTER X configurations (clp.conf)',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for this command')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', HELP_AFTER);
  const registers = await Promise.all(groupsFor(argv).map((load) => load()));
  for (const register of registers) {
    register(program);
  }
  return program;
}

/** Runs the command line; sets the exit code rather than exiting, so output is flushed. */
export async function main(argv: readonly string[]): Promise<void> {
  const wantsJson = argv.includes('--json');
  try {
    await (await buildProgram(argv)).parseAsync([...argv]);
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

// A reader that stops early (`clpbuilder check big | head`) closes the pipe: not a failure of
// ours and not worth a stack trace, so the command ends as it would have, with its own exit
// code; any other error on the standard streams still is one.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') {
      throw error;
    }
  });
}

await main(process.argv);
