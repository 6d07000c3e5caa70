/**
 * `clpbuilder check`, `fix` and `rules` (reference/cli.md, "Checking").
 */
import { join } from 'node:path';
import { folderOf } from '../services/project-folder.js';
import type { Command } from 'commander';
import {
  type CheckOptions,
  type Finding,
  RULES,
  type Rule,
  TopologySchema,
  applyAllQuickFixes,
  formatRuleCatalogue,
  findingWording,
  type Language,
  LANGUAGES,
  ProductVersionSchema,
  acknowledgementsOf,
  isFailing,
  ruleWording,
} from '../../schemas/index.js';
import { EXIT, type ExitCode, type OutputOptions, printJson, printLines, reportError } from './output.js';
import { confFileOf, open, openForEdit, saveEdited } from './project-access.js';
import { checkOnce, formatFindings } from './check-report.js';
import { watchCheck } from './check-watch.js';
import { runAction } from './run.js';
import { formatDifference } from './diff-format.js';
import { diffProjects } from '../../schemas/diff/diff-model.js';
import { sarifLog } from './sarif.js';
import { TEMPLATE_RULES, withTemplateRules } from '../../templates/index.js';

/** The catalogue and the templates' rules (generated scripts). */
export const ALL_RULES = [...RULES, ...TEMPLATE_RULES];

interface CheckFlags extends OutputOptions {
  readonly topology?: string;
  readonly productVersion?: string;
  readonly strict?: boolean;
  readonly lang?: string;
  readonly sarif?: boolean;
  readonly watch?: boolean;
}

const LANG_OPTION = ['--lang <language>', `the findings' and rules' language: ${LANGUAGES.join(' or ')} (default en)`] as const;

/** The `--lang` flag's language, or the usage error it deserves. */
function languageFlag(flags: { readonly lang?: string }): { ok: true; value: Language } | { ok: false; message: string } {
  const asked = flags.lang ?? 'en';
  return (LANGUAGES as readonly string[]).includes(asked)
    ? { ok: true, value: asked as Language }
    : { ok: false, message: `--lang ${asked} is not a language; use ${LANGUAGES.join(' or ')}` };
}

/** Registers `check`, `fix` and `rules`. */
export function registerCheckCommands(program: Command): void {
  program
    .command('check')
    .description('run every rule of the vSphere guide and of the product’s structure')
    .argument('<project>', 'project folder, clp.conf file or .zip export')
    .option('--topology <t>', `override project.json: ${TopologySchema.options.join(', ')}`)
    .option('--product-version <v>', 'override project.json: the product internal version, e.g. 2.1.1-1')
    .option('--strict', 'exit 1 on warnings too')
    .option(...LANG_OPTION)
    .option('--json', 'print {"findings":[...]} on stdout')
    .option('--sarif', 'print the findings as a SARIF 2.1.0 log on stdout (for CI annotations)')
    .option('--watch', 'check again on every save of clp.conf, its scripts or project.json, printing what came and went (Ctrl-C stops; the exit code is the last check’s)')
    .addHelpText('after', '\nExit codes: 0 no error (warnings and infos are printed); 1 at least one error, or a warning with --strict; 2 unreadable input or bad flag.')
    .action(runAction(check));
  program
    .command('fix')
    .description('apply the machine-applicable fixes (quick fixes), saving with the smallest change')
    .argument('<project>', 'project folder or clp.conf file (with --dry-run, a .zip export too)')
    .option('--rule <id>', 'only this rule’s fixes')
    .option('--dry-run', 'print what the fixes would change, and save nothing')
    .option('--topology <t>', 'override project.json topology')
    .option('--product-version <v>', 'override project.json product version')
    .option(...LANG_OPTION)
    .option('--json', 'print what was fixed as JSON')
    .action(runAction(fix));
  program
    .command('rules')
    .description('list the rule catalogue: id, severity, topologies, text, source')
    .argument('[ids...]', 'only these rules (e.g. VM007 CF004), with what to do about each')
    .option('--markdown', 'print the catalogue as Markdown (docs/rules.md; docs/rules.ja.md with --lang ja)')
    .option(...LANG_OPTION)
    .option('--json', 'print the catalogue as JSON')
    .action(runAction(listRules));
}

/** The flags of check and fix: the rules' options and the language to speak. */
function checkOptions(flags: CheckFlags): { ok: true; value: CheckOptions; language: Language } | { ok: false; message: string } {
  const language = languageFlag(flags);
  if (!language.ok) {
    return language;
  }
  const topology = flags.topology === undefined ? undefined : TopologySchema.safeParse(flags.topology);
  if (topology && !topology.success) {
    return { ok: false, message: `--topology ${flags.topology} is not a topology; use one of ${TopologySchema.options.join(', ')}` };
  }
  const version = flags.productVersion === undefined ? undefined : ProductVersionSchema.safeParse(flags.productVersion);
  if (version && !version.success) {
    return { ok: false, message: `--product-version ${flags.productVersion}: write it as major.minor.patch-build, e.g. 2.1.0-1` };
  }
  return { ok: true, value: { ...(topology ? { topology: topology.data } : {}), ...(version ? { productVersion: version.data } : {}) }, language: language.value };
}

async function check(path: string, flags: CheckFlags): Promise<ExitCode> {
  const options = checkOptions(flags);
  if (!options.ok) {
    return reportError({ kind: 'usage', message: options.message }, flags);
  }
  const { language } = options;
  if (flags.sarif && flags.json) {
    return reportError({ kind: 'usage', message: '--json and --sarif are two formats of one output; choose one' }, flags);
  }
  if (flags.watch && (flags.json || flags.sarif)) {
    return reportError({ kind: 'usage', message: `--watch prints what changed as text; it takes neither --json nor --sarif (run check ${flags.json ? '--json' : '--sarif'} without --watch)` }, flags);
  }
  if (flags.watch) {
    return watchCheck(path, options.value, language, flags.strict === true);
  }
  const run = await checkOnce(path, options.value);
  if (!run.ok) {
    return reportError(run.error, flags);
  }
  const { opened, findings, review, placeOf } = run.value;
  const { project } = opened;
  const acceptedBy = new Map(review.accepted.map(({ finding, acknowledgement }) => [finding, acknowledgement]));
  if (flags.sarif) {
    const scripts = opened.location.kind === 'zip' ? undefined : join(folderOf(opened.location), 'scripts');
    printJson(sarifLog({ findings, acceptedBy, rules: ALL_RULES, file: confFileOf(opened), base: process.cwd(), scripts, placeOf, language }));
  } else if (flags.json) {
    printJson({
      findings: findings.map((finding) => {
        const { message, fix } = findingWording(finding, language);
        // Where clp.conf writes it (or the deepest part of the path it has), for editors and CI.
        const place = placeOf(finding.path);
        const acknowledged = acceptedBy.get(finding);
        return { rule: finding.rule, severity: finding.severity, path: finding.path, ...place, message, fix, source: finding.source, ...(acknowledged ? { acknowledged } : {}) };
      }),
      // Only where project.json records acknowledgements: the agreed shape is unchanged without.
      ...(acknowledgementsOf(project).length > 0 ? { staleAcknowledgements: review.stale, expiredAcknowledgements: review.expired } : {}),
    });
  } else {
    printLines(formatFindings(review, confFileOf(opened), language, placeOf));
  }
  return isFailing(review, flags.strict === true) ? EXIT.findings : EXIT.success;
}

async function fix(path: string, flags: CheckFlags & { rule?: string; dryRun?: boolean }): Promise<ExitCode> {
  const options = checkOptions(flags);
  if (!options.ok) {
    return reportError({ kind: 'usage', message: options.message }, flags);
  }
  const { language } = options;
  if (flags.rule !== undefined && !ALL_RULES.some((rule) => rule.id === flags.rule)) {
    return reportError({ kind: 'usage', message: `--rule ${flags.rule} is not a rule id; list them with clpbuilder rules` }, flags);
  }
  // A dry run saves nothing, so a read-only .zip export can be looked at too.
  const opened = flags.dryRun === true ? await open(path) : await openForEdit(path);
  if (!opened.ok) {
    return reportError(opened.error, flags);
  }
  const { scriptsGiven } = opened.value;
  const fixed = applyAllQuickFixes(opened.value.project, { ...withTemplateRules({ ...options.value, scriptsGiven }), ...(flags.rule ? { rule: flags.rule } : {}) });
  if (!fixed.ok) {
    return reportError(fixed.error, flags);
  }
  const { applied, remaining } = fixed.value;
  const saving = applied.length > 0 && flags.dryRun !== true;
  if (saving) {
    const saved = await saveEdited(opened.value, fixed.value.project);
    if (!saved.ok) {
      return reportError(saved.error, flags);
    }
  }
  // What the fixes changed, as `clpbuilder diff` says it: the values before and after.
  const changes = diffProjects(opened.value.project, fixed.value.project);
  const said = (finding: Finding) => findingWording(finding, language).message;
  if (flags.json) {
    const worded = (finding: Finding) => ({ rule: finding.rule, path: finding.path, message: said(finding) });
    // `remaining` only where fixes undid each other, so the usual shape stays as it was.
    printJson({ fixed: applied.map(worded), changes, saved: saving, ...(remaining.length > 0 ? { remaining: remaining.map(worded) } : {}) });
    return EXIT.success;
  }
  const ja = language === 'ja';
  const verb = flags.dryRun === true ? (ja ? '修正します' : 'would fix') : ja ? '修正しました' : 'fixed';
  printLines(applied.length === 0 ? [ja ? '修正するものはありません' : 'nothing to fix'] : [...applied.map((finding) => `${verb} ${finding.rule} ${finding.path}: ${said(finding)}`), ...formatDifference(changes), ...remaining.map((finding) => `${ja ? '修正が互いに打ち消し合うため残りました' : 'still to fix (its fixes undo each other; fix it by hand)'} ${finding.rule} ${finding.path}: ${said(finding)}`), ...(flags.dryRun === true ? [ja ? 'ドライラン: 何も保存していません。' : 'Dry run: nothing was saved.'] : [])]);
  return EXIT.success;
}

async function listRules(ids: readonly string[], flags: OutputOptions & { markdown?: boolean; lang?: string }): Promise<ExitCode> {
  const language = languageFlag(flags);
  if (!language.ok) {
    return reportError({ kind: 'usage', message: language.message }, flags);
  }
  const unknown = ids.filter((id) => !ALL_RULES.some((rule) => rule.id === id.toUpperCase()));
  if (unknown.length > 0) {
    return reportError({ kind: 'usage', message: `${unknown.join(', ')}: not a rule id; list them with clpbuilder rules` }, flags);
  }
  const wanted = new Set(ids.map((id) => id.toUpperCase()));
  const rules = wanted.size === 0 ? ALL_RULES : ALL_RULES.filter((rule) => wanted.has(rule.id));
  const worded = (rule: Rule) => ruleWording(rule, language.value);
  if (flags.markdown) {
    process.stdout.write(formatRuleCatalogue(rules, language.value));
  } else if (flags.json) {
    printJson({ rules: rules.map((rule) => ({ id: rule.id, severity: rule.severity, topologies: rule.topologies, ...worded(rule), source: rule.source })) });
  } else {
    const ja = language.value === 'ja';
    // Asked for by id, a rule also says what to do about it.
    const fixLine = (rule: Rule) => (wanted.size === 0 ? '' : `\n    ${ja ? '対処' : 'fix'}: ${worded(rule).fix}`);
    printLines(rules.map((rule) => `${rule.id}  ${rule.severity.padEnd(7)}  ${rule.topologies === 'all' ? 'all' : rule.topologies.join(',')}\n    ${worded(rule).text}${fixLine(rule)}\n    ${ja ? '出典' : 'source'}: ${rule.source}`));
  }
  return EXIT.success;
}
