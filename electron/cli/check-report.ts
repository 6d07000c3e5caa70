/**
 * What `clpbuilder check` says in text, and one check of a project as it is on disk: shared by
 * check, check --watch and new (which checks what it made).
 */
import {
  type Acknowledgement,
  type CheckOptions,
  type Finding,
  type Language,
  type Result,
  type Review,
  type Severity,
  checkProject,
  describeTarget,
  findingWording,
  ok,
  reviewOf,
} from '../../schemas/index.js';
import { type TextPlace, placesOf } from '../../schemas/doc/places.js';
import type { OpenedProject } from '../services/project-folder.js';
import { withTemplateRules } from '../../templates/index.js';
import { open } from './project-access.js';

/** A severity as a word of the language (`error`, `エラー`): in a line of findings, a count. */
export function severityWord(severity: Severity, language: Language): string {
  return language === 'ja' ? SEVERITY_JA[severity] : severity;
}

const SEVERITY_JA: Readonly<Record<Severity, string>> = {
  error: 'エラー',
  warning: '警告',
  info: '情報',
};

const HEADINGS: Readonly<Record<Language, Readonly<Record<Severity, string>>>> = {
  en: { error: 'Errors', warning: 'Warnings', info: 'To do by hand (info)' },
  ja: { error: 'エラー', warning: '警告', info: '手作業で行うこと (info)' },
};

/** One check of a project as it is on disk now. */
export interface CheckRun {
  readonly opened: OpenedProject;
  readonly findings: Finding[];
  readonly review: Review;
  /** Where clp.conf writes a finding's path. */
  readonly placeOf: (path: string) => TextPlace | undefined;
}

/** Reads the project at `path` and runs every rule on it. */
export async function checkOnce(path: string, options: CheckOptions): Promise<Result<CheckRun>> {
  const opened = await open(path);
  if (!opened.ok) {
    return opened;
  }
  const { project, scriptsGiven } = opened.value;
  const findings = checkProject(project, withTemplateRules({ ...options, scriptsGiven }));
  return ok({
    opened: opened.value,
    findings,
    review: reviewOf(project, findings),
    placeOf: placesOf(project.conf),
  });
}

/**
 * Open findings grouped by severity, each with its rule, path (and its line in clp.conf where
 * `placeOf` knows it), message and fix; then the accepted ones with their reasons, and the
 * acknowledgements that accept nothing any more; a summary last.
 */
export function formatFindings(
  review: Review,
  file: string,
  language: Language = 'en',
  placeOf: (path: string) => TextPlace | undefined = () => undefined,
): string[] {
  const lines: string[] = [];
  const heading = (finding: Finding) => `  ${findingHeading(finding, language, placeOf)}`;
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = review.open.filter((finding) => finding.severity === severity);
    if (group.length > 0) {
      lines.push(`${HEADINGS[language][severity]}:`);
      for (const finding of group) {
        lines.push(heading(finding), fixLine(finding, language));
      }
    }
  }
  if (review.accepted.length > 0) {
    lines.push(
      language === 'ja'
        ? '受け入れ済み (project.json に記録。件数に数えません):'
        : 'Acknowledged (accepted in project.json; not counted):',
    );
    for (const { finding, acknowledgement } of review.accepted) {
      lines.push(
        heading(finding),
        `      ${language === 'ja' ? '理由' : 'reason'}: ${acknowledgement.reason}${signature(acknowledgement, language)}`,
      );
    }
  }
  const unused = (heading: string, acknowledgements: readonly Acknowledgement[]) =>
    acknowledgements.length === 0
      ? []
      : [
          heading,
          ...acknowledgements.map(
            (acknowledgement) =>
              `  ${describeTarget(acknowledgement)[language]}: ${acknowledgement.reason}${signature(acknowledgement, language)}`,
          ),
        ];
  lines.push(
    ...unused(
      language === 'ja'
        ? '古い受け入れ (受け入れる指摘がもうありません。clpbuilder unacknowledge で取り下げてください):'
        : 'Stale acknowledgements (they accept nothing now; withdraw them with clpbuilder unacknowledge):',
      review.stale,
    ),
    ...unused(
      language === 'ja'
        ? '期限切れの受け入れ (指摘は再び数えられます。修正するか、改めて受け入れてください):'
        : 'Expired acknowledgements (their time is up, the findings count again: fix them, or acknowledge them again):',
      review.expired,
    ),
    summaryOf(review, file, language),
  );
  return lines;
}

/** `RULE path (line N): message`. */
export function findingHeading(
  finding: Finding,
  language: Language,
  placeOf: (path: string) => TextPlace | undefined,
): string {
  const place = placeOf(finding.path);
  const where =
    place === undefined
      ? ''
      : language === 'ja'
        ? ` (${place.line} 行目)`
        : ` (line ${place.line})`;
  return `${finding.rule} ${finding.path}${where}: ${findingWording(finding, language).message}`;
}

/** The finding's fix, indented under its heading, and whether `clpbuilder fix` can apply it. */
export function fixLine(finding: Finding, language: Language): string {
  return `      ${language === 'ja' ? '対処' : 'fix'}: ${findingWording(finding, language).fix}${finding.hasQuickFix ? ' [clpbuilder fix]' : ''}`;
}

/** Who accepted it, when, and until when, where project.json says. */
function signature(acknowledgement: Acknowledgement, language: Language): string {
  const day = acknowledgement.until;
  const until = day === undefined ? undefined : language === 'ja' ? `${day} まで` : `until ${day}`;
  const parts = [acknowledgement.by, acknowledgement.date, until].filter(
    (part) => part !== undefined,
  );
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

export function summaryOf(review: Review, file: string, language: Language): string {
  const count = (severity: Severity) =>
    review.open.filter((finding) => finding.severity === severity).length;
  const accepted = review.accepted.length;
  const stale = review.stale.length;
  const expired = review.expired.length;
  if (language === 'ja') {
    const extra = `${accepted > 0 ? `、受け入れ済み ${accepted} 件` : ''}${stale > 0 ? `、古い受け入れ ${stale} 件` : ''}${expired > 0 ? `、期限切れの受け入れ ${expired} 件` : ''}`;
    const counted = (severity: Severity) => `${severityWord(severity, 'ja')} ${count(severity)} 件`;
    return `${file}: ${counted('error')}、${counted('warning')}、${counted('info')}${extra}`;
  }
  const extra = `${accepted > 0 ? `, ${accepted} acknowledged` : ''}${stale > 0 ? `, ${stale} stale acknowledgement(s)` : ''}${expired > 0 ? `, ${expired} expired acknowledgement(s)` : ''}`;
  return `${file}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info${extra}`;
}
