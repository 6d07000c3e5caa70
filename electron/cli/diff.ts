/**
 * `clpbuilder diff`: object-level differences between two projects.
 */
import type { Command } from 'commander';
import { formatDifference } from './diff-format.js';
import { diffProjects, hasDifferences } from '../../schemas/diff/diff-model.js';
import {
  EXIT,
  type ExitCode,
  type OutputOptions,
  printJson,
  printLines,
  reportError,
} from './output.js';
import { open } from './project-access.js';
import { runAction } from './run.js';

const HELP_AFTER = `
Lists every entity (cluster, servers, heartbeats, network partitions, groups, resources,
monitors, other sections) added (+), removed (-) or changed (~), each changed parameter as
"sub/path: old -> new", then scripts added, removed or changed (unified diff for text).
Nothing is filtered: trekking/configid and webmgr/client/objectnumber are listed too.

Exit codes, as diff(1): 0 no differences; 1 differences found; 2 trouble (a project cannot
be read: the message names file:line:column).`;

/** Registers `diff`. */
export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description(
      'object-level differences between two projects (entity, parameter, old, new) and script text diffs',
    )
    .argument('<a>', 'the old project: folder, bare clp.conf or .zip export')
    .argument('<b>', 'the new project: folder, bare clp.conf or .zip export')
    .option('--json', 'print {"a", "b", "different", "entities", "scripts"} as one JSON document')
    .addHelpText('after', HELP_AFTER)
    .action(runAction((a: string, b: string, options: OutputOptions) => diff(a, b, options)));
}

/** `diff <a> <b> [--json]`. */
export async function diff(a: string, b: string, options: OutputOptions): Promise<ExitCode> {
  const [before, after] = await Promise.all([open(a), open(b)]);
  if (!before.ok) {
    return reportError(before.error, options);
  }
  if (!after.ok) {
    return reportError(after.error, options);
  }
  const difference = diffProjects(before.value.project, after.value.project);
  const different = hasDifferences(difference);
  if (options.json) {
    printJson({ a, b, different, ...difference });
  } else {
    printLines(formatDifference(difference));
  }
  return different ? EXIT.findings : EXIT.success;
}
