/**
 * Findings the engineer accepted (project.json `acknowledged`): which findings each
 * acknowledgement accepts, which accept nothing any more, and the edits that add and withdraw
 * them. A checklist warning that always fires (VM007: never suspend a clustered VM) otherwise
 * keeps `check --strict` red on a correct project for good.
 *
 * Errors are never accepted: an error means the cluster would not work as the guide says. An
 * acknowledgement may run until a day (a temporary exception until the maintenance window);
 * after it, the finding counts again.
 */
import type { Acknowledgement, Project, ProjectMeta } from '../project.js';
import { type Result, appError, fail, ok } from '../result.js';
import type { Finding } from './types.js';

/** The findings of a check, split by whether an acknowledgement accepts them. */
export interface Review {
  /** Findings no acknowledgement accepts, in the engine's order. */
  readonly open: readonly Finding[];
  /** Accepted findings, in the engine's order, each with the acknowledgement that accepts it. */
  readonly accepted: readonly AcceptedFinding[];
  /**
   * Acknowledgements that accept no finding now: the finding was fixed, or the entity it was
   * about was renamed or removed. They should be withdrawn.
   */
  readonly stale: readonly Acknowledgement[];
  /** Acknowledgements whose `until` day has passed: they accept nothing any more. */
  readonly expired: readonly Acknowledgement[];
}

export interface AcceptedFinding {
  readonly finding: Finding;
  readonly acknowledgement: Acknowledgement;
}

/** What an acknowledgement names: a rule, and a path or every finding of the rule. */
export interface AcknowledgementTarget {
  readonly rule: string;
  readonly path?: string | undefined;
}

const NO_ACKNOWLEDGEMENTS: readonly Acknowledgement[] = Object.freeze([]);

/**
 * Today as acknowledgements write days (YYYY-MM-DD), on the engineer's own calendar: "until
 * 2027-03-31" runs through that day where the engineer is, not until 09:00 in Tokyo (UTC).
 */
export function today(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The project's acknowledgements (none when project.json records none). */
export function acknowledgementsOf(project: Project): readonly Acknowledgement[] {
  return project.meta.acknowledged ?? NO_ACKNOWLEDGEMENTS;
}

/** Whether an acknowledgement names this finding (errors aside). */
function names(acknowledgement: Acknowledgement, finding: Finding): boolean {
  return (
    acknowledgement.rule === finding.rule &&
    (acknowledgement.path === undefined || acknowledgement.path === finding.path) &&
    (acknowledgement.message === undefined || acknowledgement.message === finding.message)
  );
}

function isAcceptable(finding: Finding): boolean {
  return finding.severity !== 'error';
}

/** Whether an acknowledgement's time is up on `day` (it runs through its `until` day). */
export function hasExpired(acknowledgement: Acknowledgement, day: string): boolean {
  return acknowledgement.until !== undefined && acknowledgement.until < day;
}

/**
 * Splits findings into open and accepted, on `day` (YYYY-MM-DD: `today()` but in tests). A
 * finding named by a path-specific acknowledgement and a rule-wide one is accepted by the
 * path-specific one (its reason is the more precise).
 */
export function reviewFindings(
  findings: readonly Finding[],
  known: readonly Acknowledgement[],
  day: string,
): Review {
  if (known.length === 0) {
    return { open: findings, accepted: [], stale: [], expired: [] };
  }
  const expired = known.filter((acknowledgement) => hasExpired(acknowledgement, day));
  const acknowledgements = known.filter((acknowledgement) => !hasExpired(acknowledgement, day));
  const used = new Set<Acknowledgement>();
  const open: Finding[] = [];
  const accepted: AcceptedFinding[] = [];
  for (const finding of findings) {
    const acknowledgement = isAcceptable(finding)
      ? acceptorOf(finding, acknowledgements)
      : undefined;
    if (acknowledgement) {
      used.add(acknowledgement);
      accepted.push({ finding, acknowledgement });
    } else {
      open.push(finding);
    }
  }
  const stale = acknowledgements.filter((acknowledgement) => !used.has(acknowledgement));
  return { open, accepted, stale, expired };
}

function acceptorOf(
  finding: Finding,
  acknowledgements: readonly Acknowledgement[],
): Acknowledgement | undefined {
  let ruleWide: Acknowledgement | undefined;
  for (const acknowledgement of acknowledgements) {
    if (names(acknowledgement, finding)) {
      if (acknowledgement.path !== undefined) {
        return acknowledgement;
      }
      ruleWide ??= acknowledgement;
    }
  }
  return ruleWide;
}

/** A project's findings reviewed against its own acknowledgements, on `day`. */
export function reviewOf(project: Project, findings: readonly Finding[], day = today()): Review {
  return reviewFindings(findings, acknowledgementsOf(project), day);
}

/** Whether a check fails: an error, or with `strict` a warning nobody accepted. */
export function isFailing(review: Review, strict: boolean): boolean {
  return review.open.some(
    (finding) => finding.severity === 'error' || (strict && finding.severity === 'warning'),
  );
}

/** How an acknowledgement is written in messages: `VM007 at cluster`, `every VM007`. */
export function describeTarget(target: AcknowledgementTarget): { en: string; ja: string } {
  return target.path === undefined
    ? { en: `every ${target.rule} finding`, ja: `${target.rule} のすべての指摘` }
    : { en: `${target.rule} at ${target.path}`, ja: `${target.path} の ${target.rule}` };
}

function sameTarget(a: AcknowledgementTarget, b: AcknowledgementTarget): boolean {
  return a.rule === b.rule && a.path === b.path;
}

/**
 * Records an acknowledgement of current findings, on `day`. Refused when it would accept
 * nothing: no finding of the rule (at the path), only errors, or a last day already past.
 * Acknowledging the same rule and path again replaces the reason (and who and when).
 */
export function acknowledge(
  project: Project,
  findings: readonly Finding[],
  acknowledgement: Acknowledgement,
  day: string,
): Result<Project> {
  if (hasExpired(acknowledgement, day)) {
    return fail(
      appError(
        'invalid-value',
        `until ${acknowledgement.until ?? ''}: that day has passed; give a day from today (${day}) on`,
        {
          ja: `期限 ${acknowledgement.until ?? ''} は過ぎています。今日 (${day}) 以降の日を指定してください`,
        },
      ),
    );
  }
  const named = findings.filter((finding) => names(acknowledgement, finding));
  const target = describeTarget(acknowledgement);
  if (named.length === 0) {
    return fail(nothingToAccept(acknowledgement, findings, target));
  }
  if (!named.some(isAcceptable)) {
    return fail(
      appError(
        'invalid-value',
        `${target.en} is an error, and errors cannot be acknowledged: the cluster would not work; fix it instead`,
        {
          ja: `${target.ja} はエラーです。エラーは受け入れられません (クラスタが正しく動作しません)。修正してください`,
        },
      ),
    );
  }
  const others = acknowledgementsOf(project).filter((known) => !sameTarget(known, acknowledgement));
  return ok(withAcknowledgements(project, [...others, withMessage(acknowledgement, named)]));
}

function nothingToAccept(
  target: AcknowledgementTarget,
  findings: readonly Finding[],
  described: { en: string; ja: string },
) {
  const paths = [
    ...new Set(findings.filter((finding) => finding.rule === target.rule).map((f) => f.path)),
  ];
  const listed = paths.slice(0, 5).join(', ') + (paths.length > 5 ? ', …' : '');
  return appError(
    'not-found',
    paths.length === 0
      ? `there is no ${target.rule} finding now, so nothing to acknowledge; run clpbuilder check to see the findings`
      : `there is no finding for ${described.en} now; ${target.rule} is found at: ${listed}`,
    {
      ja:
        paths.length === 0
          ? `現在 ${target.rule} の指摘はないため、受け入れるものはありません。clpbuilder check で指摘を確認してください`
          : `${described.ja} の指摘は現在ありません。${target.rule} の指摘がある場所: ${listed}`,
    },
  );
}

/** Withdraws the acknowledgement of exactly this rule and path (or rule-wide one). */
export function withdrawAcknowledgement(
  project: Project,
  target: AcknowledgementTarget,
): Result<Project> {
  const known = acknowledgementsOf(project);
  const kept = known.filter((acknowledgement) => !sameTarget(acknowledgement, target));
  if (kept.length === known.length) {
    const described = describeTarget(target);
    const listed = known.map((acknowledgement) => describeTarget(acknowledgement).en).join('; ');
    return fail(
      appError(
        'not-found',
        `${described.en} is not acknowledged${known.length === 0 ? ' (project.json records no acknowledgement)' : `; acknowledged: ${listed}`}`,
        {
          ja: `${described.ja} は受け入れられていません${known.length === 0 ? ' (project.json に受け入れの記録はありません)' : `。受け入れ済み: ${known.map((acknowledgement) => describeTarget(acknowledgement).ja).join('、')}`}`,
        },
      ),
    );
  }
  return ok(withAcknowledgements(project, kept));
}

/**
 * A path-specific acknowledgement of one finding records its message, so that it accepts
 * that finding only. Several at the path (or a rule-wide one) are accepted as they are.
 */
function withMessage(acknowledgement: Acknowledgement, named: readonly Finding[]): Acknowledgement {
  const [only, ...more] = named.filter(isAcceptable);
  return acknowledgement.path === undefined ||
    acknowledgement.message !== undefined ||
    !only ||
    more.length > 0
    ? acknowledgement
    : { ...acknowledgement, message: only.message };
}

// The last one withdrawn takes the key with it: project.json reads as before any was made.
function withAcknowledgements(project: Project, acknowledged: readonly Acknowledgement[]): Project {
  const meta: ProjectMeta = { ...project.meta, acknowledged: [...acknowledged] };
  if (acknowledged.length === 0) {
    delete meta.acknowledged;
  }
  return { ...project, meta };
}
