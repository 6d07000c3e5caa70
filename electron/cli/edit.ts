/**
 * `clpbuilder set`, `remove` and `rename` (and the editing shared with `add`): edits saved in place.
 *
 * Each command opens the project, applies one pure edit of the core, saves with the
 * fingerprint taken at open (a file changed meanwhile is refused) and prints what changed,
 * computed by the same diff as `clpbuilder diff`.
 */
import { Argument, type Command } from 'commander';
import {
  ENTITY_KINDS,
  type EntityKind,
  type Project,
  type Result,
  removeOfKind,
  removeParameter,
  renameOfKind,
  serializeClpConf,
  setParameter,
  undocumentedWordNote,
} from '../../schemas/index.js';
import { formatDifference } from './diff-format.js';
import { diffProjects, hasDifferences } from '../../schemas/diff/diff-model.js';
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

const KINDS: readonly EntityKind[] = ENTITY_KINDS;
const PROJECT_HELP =
  'project folder or bare clp.conf (a .zip export is read-only: export it to a folder first)';
const EXIT_HELP =
  '\nExit codes: 0 saved (or nothing to change); 2 the project cannot be read, the edit is refused (the message says why and what to do) or the file changed on disk meanwhile.';

/** Registers `set` and `unset`. */
export function registerSetCommand(program: Command): void {
  editCommand(program, 'set', 'set one parameter, saving with the smallest possible change')
    .argument('<path>', 'clpcfadm-style path, e.g. monitor/genw@genw1/polling/interval')
    .argument('<value>', "the new value (checked against the parameter's range where known)")
    .addHelpText(
      'after',
      '\nA value that starts with a dash goes after --: clpbuilder set <project> <path> -- -1\n' +
        'A parameter the entity lacks is created; one a typo away from a documented parameter\n' +
        '(polling/intervall for polling/interval) is refused, naming the one meant.',
    )
    .action(
      runAction((project: string, path: string, value: string, options: OutputOptions) =>
        applyEdit(
          project,
          options,
          (loaded) => setParameter(loaded, path, value),
          (edited) => [undocumentedWordNote(edited.conf, path, value) ?? []].flat(),
        ),
      ),
    );
  registerUnsetCommand(program);
}

/** Registers `unset`, beside `set`. */
function registerUnsetCommand(program: Command): void {
  editCommand(program, 'unset', "remove one parameter, so that the product's default applies")
    .argument('<path>', 'clpcfadm-style path, e.g. monitor/genw@genw1/polling/interval')
    .addHelpText(
      'after',
      "\nAn absent parameter is nothing to change. A group's startup server goes with\n" +
        'group@<group>/policy@<server> (the others keep their order). Entities go with remove;\n' +
        'the other keyed entries (members, dependencies) with the commands that edit them.',
    )
    .action(
      runAction((project: string, path: string, options: OutputOptions) =>
        applyEdit(project, options, (loaded) => removeParameter(loaded, path)),
      ),
    );
}

/** Registers `remove` and `rename`. */
export function registerRemoveRenameCommands(program: Command): void {
  editCommand(program, 'remove', 'remove an entity; references and its scripts folder follow')
    .addArgument(new Argument('<kind>', 'what to remove').choices(KINDS))
    .argument('<name>', 'its name')
    .action(
      runAction((project: string, kind: EntityKind, name: string, options: OutputOptions) =>
        applyEdit(project, options, (loaded) => removeOfKind(loaded, kind, name)),
      ),
    );
  editCommand(program, 'rename', 'rename an entity; references and its scripts folder follow')
    .addArgument(new Argument('<kind>', 'what to rename').choices(KINDS))
    .argument('<old>', 'its present name')
    .argument('<new>', 'the new name')
    .action(
      runAction(
        (project: string, kind: EntityKind, from: string, to: string, options: OutputOptions) =>
          applyEdit(project, options, (loaded) => renameOfKind(loaded, kind, from, to)),
      ),
    );
}

/** A command that edits a project: `<project>` first, `--json`, the exit codes in its help. */
export function editCommand(parent: Command, name: string, description: string): Command {
  return parent
    .command(name)
    .description(description)
    .argument('<project>', PROJECT_HELP)
    .option('--json', 'print {"saved", "changes"} as one JSON document')
    .addHelpText('after', EXIT_HELP);
}

/** Opens, edits, saves and reports one edit. */
export async function applyEdit(
  projectPath: string,
  options: OutputOptions,
  edit: (project: Project) => Result<Project>,
  /** What to tell of the saved edit on stderr (a value the sources do not document). */
  notesOf: (edited: Project) => readonly string[] = () => [],
): Promise<ExitCode> {
  const opened = await openForEdit(projectPath);
  if (!opened.ok) {
    return reportError(opened.error, options);
  }
  const before = opened.value.project;
  const edited = edit(before);
  if (!edited.ok) {
    return reportError(inFile(edited.error, confFileOf(opened.value)), options);
  }
  const changes = diffProjects(before, edited.value);
  const isChanged =
    hasDifferences(changes) ||
    serializeClpConf(before.conf) !== serializeClpConf(edited.value.conf);
  if (isChanged) {
    const saved = await saveEdited(opened.value, edited.value);
    if (!saved.ok) {
      return reportError(saved.error, options);
    }
    [...saved.value, ...notesOf(edited.value)].forEach(printMessage);
  }
  if (options.json) {
    printJson({ saved: isChanged ? opened.value.location.path : null, changes });
  } else {
    printLines(
      isChanged ? formatDifference(changes) : ['nothing to change: the project already says so'],
    );
  }
  return EXIT.success;
}
