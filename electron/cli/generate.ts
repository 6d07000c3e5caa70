/**
 * `clpbuilder generate <project>`: (re)writes the VM scripts from the project's VM profile
 * (reference/cli.md, "Scripts"). Scripts edited by hand since they were generated are kept
 * unless --force; `--exec`, `--monitor` and `--preaction` wire the scripts into a project built
 * by hand.
 */
import type { Command } from 'commander';
import type { Project, Result } from '../../schemas/index.js';
import { regenerateScripts, wireScripts } from '../../templates/index.js';
import {
  EXIT,
  type ExitCode,
  type OutputOptions,
  printJson,
  printLines,
  printMessage,
  reportError,
} from './output.js';
import { confFileOf, inFile, openForEdit, saveEdited } from './project-access.js';
import { runAction } from './run.js';

interface GenerateFlags extends OutputOptions {
  readonly force?: boolean;
  readonly exec?: string;
  readonly monitor?: string;
  readonly preaction: readonly string[];
}

/** Registers `generate`. */
export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      "(re)write the VM scripts from the project's VM profile (.clpbuilder/project.json vmProfile)",
    )
    .argument('<project>', 'project folder')
    .option('--force', 'overwrite generated scripts edited by hand since')
    .option('--exec <name>', 'make this exec resource run the VM power-on/power-off scripts')
    .option('--monitor <name>', 'make this custom monitor (genw) run the VM monitor script')
    .option(
      '--preaction <monitor>',
      "run the pre-action script before this monitor's final action (repeat)",
      (value: string, previous: string[] = []) => [...previous, value],
      [],
    )
    .option('--json', 'print {"written":[...],"unchanged":[...]} on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 written (or up to date); 1 a generated script was edited by hand (see --force); 2 bad usage, unreadable project or VM profile.',
    )
    .action(runAction(generate));
}

async function generate(path: string, flags: GenerateFlags): Promise<ExitCode> {
  const opened = await openForEdit(path);
  if (!opened.ok) {
    return reportError(opened.error, flags);
  }
  const file = confFileOf(opened.value);
  const isWiring =
    flags.exec !== undefined || flags.monitor !== undefined || flags.preaction.length > 0;
  const wired: Result<Project> = isWiring
    ? wireScripts(opened.value.project, {
        ...(flags.exec ? { exec: flags.exec } : {}),
        ...(flags.monitor ? { monitor: flags.monitor } : {}),
        preaction: flags.preaction,
      })
    : { ok: true, value: opened.value.project };
  if (!wired.ok) {
    return reportError(inFile(wired.error, file), flags);
  }
  const regenerated = regenerateScripts(wired.value, { force: flags.force === true });
  if (!regenerated.ok) {
    const code = reportError(inFile(regenerated.error, file), flags);
    // A script edited by hand is a finding about the project, not bad input (reference/cli.md).
    return regenerated.error.kind === 'conflict' ? EXIT.findings : code;
  }
  const { unchanged } = regenerated.value;
  const written = changedScripts(opened.value.project, regenerated.value.project);
  if (!isWiring && written.length === 0 && unchanged.length === 0) {
    return reportError(
      {
        kind: 'usage',
        message: `${path} has no generated scripts; wire them with --exec, --monitor or --preaction, or create the project with clpbuilder new`,
      },
      flags,
    );
  }
  if (written.length > 0 || isWiring) {
    const saved = await saveEdited(opened.value, regenerated.value.project);
    if (!saved.ok) {
      return reportError(saved.error, flags);
    }
    saved.value.forEach(printMessage);
  }
  if (flags.json) {
    printJson({ written, unchanged });
  } else {
    printLines([
      ...written.map((script) => `wrote scripts/${script}`),
      ...(written.length === 0 ? ['the scripts are up to date with the VM profile'] : []),
    ]);
  }
  return EXIT.success;
}

/** Scripts added or rewritten (paths under scripts/). */
function changedScripts(before: Project, after: Project): string[] {
  const same = (a: Uint8Array, b: Uint8Array) =>
    a.length === b.length && a.every((byte, index) => byte === b[index]);
  return [...after.scripts]
    .filter(([path, file]) => {
      const old = before.scripts.get(path);
      return (
        old === undefined || !same(old.bytes, file.bytes) || old.executable !== file.executable
      );
    })
    .map(([path]) => path)
    .sort();
}
