/**
 * `clpbuilder acknowledge` and `unacknowledge`: accept a warning or info on purpose, with the
 * reason, in project.json (it stays listed by `check`, marked accepted, and no longer fails
 * `--strict`), and withdraw that again.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  type AcknowledgementTarget,
  type Project,
  type Result,
  AcknowledgementSchema,
  acknowledge,
  checkProject,
  describeTarget,
  today,
  withdrawAcknowledgement,
} from '../../schemas/index.js';
import { withTemplateRules } from '../../templates/index.js';
import { EXIT, type ExitCode, type OutputOptions, printJson, printLines, reportError } from './output.js';
import type { OpenedProject } from '../services/project-folder.js';
import { inFile, openForEdit, saveEdited } from './project-access.js';
import { ALL_RULES } from './check.js';
import { runAction } from './run.js';

interface AcknowledgeFlags extends OutputOptions {
  readonly reason: string;
  readonly by?: string;
  readonly until?: string;
}

const PATH_HELP = 'the finding’s path as check prints it (omit it to accept every finding of the rule)';

/** Registers `acknowledge` and `unacknowledge`. */
export function registerAcknowledgeCommands(program: Command): void {
  program
    .command('acknowledge')
    .description('accept a warning or info on purpose, with the reason (recorded in project.json; check lists it as accepted and --strict passes)')
    .argument('<project>', 'project folder (a bare clp.conf has no project.json to record it in)')
    .argument('<rule>', 'the rule id, e.g. VM007')
    .argument('[path]', PATH_HELP)
    .requiredOption('--reason <text>', 'why it is accepted (e.g. "runbook RB-12 forbids Suspend")')
    .option('--by <name>', 'who accepts it')
    .option('--until <YYYY-MM-DD>', 'the last day it accepts the finding (a temporary exception); after it the finding counts again')
    .option('--json', 'print {"acknowledged": {...}, "saved": "<folder>"} on stdout')
    .addHelpText('after', '\nErrors cannot be acknowledged: fix them. Acknowledging the same rule and path again replaces the reason.\nExit codes: 0 recorded; 2 nothing to accept, an error, a bare clp.conf or a .zip, or the project cannot be read.')
    .action(runAction((project: string, rule: string, path: string | undefined, flags: AcknowledgeFlags) => acknowledgeCommand(project, { rule, path }, flags)));
  program
    .command('unacknowledge')
    .description('withdraw an acknowledgement: the finding counts again')
    .argument('<project>', 'project folder')
    .argument('<rule>', 'the rule id, e.g. VM007')
    .argument('[path]', 'the path it was acknowledged at (omit it for a rule-wide one)')
    .option('--json', 'print {"withdrawn": {...}, "saved": "<folder>"} on stdout')
    .addHelpText('after', '\nExit codes: 0 withdrawn; 2 no such acknowledgement, or the project cannot be read.')
    .action(runAction((project: string, rule: string, path: string | undefined, flags: OutputOptions) => unacknowledgeCommand(project, { rule, path }, flags)));
}

async function acknowledgeCommand(projectPath: string, target: AcknowledgementTarget, flags: AcknowledgeFlags): Promise<ExitCode> {
  const entry = AcknowledgementSchema.safeParse({
    rule: target.rule,
    ...(target.path === undefined ? {} : { path: target.path }),
    reason: flags.reason,
    ...(flags.by === undefined ? {} : { by: flags.by }),
    ...(flags.until === undefined ? {} : { until: flags.until }),
    date: today(),
  });
  if (!entry.success) {
    const issue = entry.error.issues[0];
    const field = String(issue?.path[0] ?? 'reason');
    // Named as the user wrote it: the argument, or the flag.
    const given = field === 'rule' ? `<rule> ${target.rule}` : field === 'path' ? '[path]' : `--${field}`;
    return reportError({ kind: 'usage', message: `${given}: ${issue?.message ?? 'invalid'}` }, flags);
  }
  if (!ALL_RULES.some((rule) => rule.id === target.rule)) {
    return reportError({ kind: 'usage', message: `<rule> ${target.rule} is not a rule id; list them with clpbuilder rules` }, flags);
  }
  const acknowledgement = entry.data;
  return editMeta(projectPath, flags, (project, opened) => {
    const findings = checkProject(project, withTemplateRules({ scriptsGiven: opened.scriptsGiven }));
    return acknowledge(project, findings, acknowledgement, today());
  }, (saved) =>
    flags.json
      ? printJson({ acknowledged: acknowledgement, saved })
      : printLines([`acknowledged ${describeTarget(acknowledgement).en}${acknowledgement.until === undefined ? '' : ` until ${acknowledgement.until}`}: ${acknowledgement.reason}`, 'check lists it as accepted; withdraw it with clpbuilder unacknowledge']),
  );
}

async function unacknowledgeCommand(projectPath: string, target: AcknowledgementTarget, flags: OutputOptions): Promise<ExitCode> {
  return editMeta(projectPath, flags, (project) => withdrawAcknowledgement(project, target), (saved) =>
    flags.json
      ? printJson({ withdrawn: { rule: target.rule, ...(target.path === undefined ? {} : { path: target.path }) }, saved })
      : printLines([`withdrew the acknowledgement of ${describeTarget(target).en}: it counts again`]),
  );
}

/** Opens a project folder, edits its project.json through `edit`, saves, then reports. */
async function editMeta(
  projectPath: string,
  flags: OutputOptions,
  edit: (project: Project, opened: OpenedProject) => Result<Project>,
  report: (saved: string) => void,
): Promise<ExitCode> {
  const opened = await openForEdit(projectPath);
  if (!opened.ok) {
    return reportError(opened.error, flags);
  }
  if (opened.value.location.kind !== 'folder') {
    return reportError({ kind: 'usage', message: `${projectPath} is a bare clp.conf: it has no .clpbuilder/project.json to record acknowledgements in; put it in a project folder (clp.conf with .clpbuilder/ beside it) and acknowledge there`, file: projectPath }, flags);
  }
  const edited = edit(opened.value.project, opened.value);
  if (!edited.ok) {
    return reportError(inFile(edited.error, metaFileOf(opened.value)), flags);
  }
  const saved = await saveEdited(opened.value, edited.value);
  if (!saved.ok) {
    return reportError(saved.error, flags);
  }
  report(opened.value.location.path);
  return EXIT.success;
}

function metaFileOf(opened: OpenedProject): string {
  return join(opened.location.path, '.clpbuilder', 'project.json');
}
