/**
 * Runs the rules from scratch, and what every way of running them shares: which rules apply,
 * what they read, how hits become findings and in which order. (checker.ts runs them
 * incrementally: `checkProject`, `createChecker`.)
 */
import { serverOsOf } from '../model/documented-values.js';
import type { ClusterModel } from '../model/entities.js';
import { readModel } from '../model/read.js';
import type { Project, Topology } from '../project.js';
import { type Result, appError, fail } from '../result.js';
import { RULES } from './catalogue.js';
import type { Finding, Hit, Rule, RuleContext, Severity } from './types.js';

/** What the command line or the UI may override from project.json. */
export interface CheckOptions {
  readonly topology?: Topology;
  readonly productVersion?: string;
  /**
   * Rules from layers above the core (templates/: generated scripts edited or stale), which
   * the core cannot import (STYLE.md §2); they run like the catalogue's own.
   */
  readonly extraRules?: readonly Rule[];
  /**
   * False when the project came without its scripts (a bare clp.conf with no scripts/ beside
   * it): its scripts are then unknown rather than missing, and the rules say so once.
   */
  readonly scriptsGiven?: boolean;
}

/** The catalogue plus the caller's extra rules. */
export function rulesFor(options: CheckOptions): readonly Rule[] {
  return options.extraRules && options.extraRules.length > 0
    ? [...RULES, ...options.extraRules]
    : RULES;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Builds what the rules read. */
export function ruleContext(
  project: Project,
  options: CheckOptions = {},
  model: ClusterModel = readModel(project.conf),
): RuleContext {
  return {
    project,
    model,
    topology: options.topology ?? project.meta.topology,
    productVersion: options.productVersion ?? project.meta.productVersion,
    os: serverOsOf(model.all.serveros) ?? 'linux',
    serverOs: serverOsOf(model.all.serveros),
    side: sideOf(project),
    scriptsGiven: options.scriptsGiven ?? true,
  };
}

function sideOf(project: Project): 'host' | 'guest' | undefined {
  const side = project.meta.vmProfile?.['side'];
  return side === 'host' || side === 'guest' ? side : undefined;
}

/** Whether a rule applies to a topology (and, in a guest-to-host association, to this side). */
export function appliesTo(rule: Rule, topology: Topology, side?: 'host' | 'guest'): boolean {
  const otherSide =
    topology === 'inter-host-guest-assoc' &&
    side !== undefined &&
    rule.side !== undefined &&
    rule.side !== side;
  return !otherSide && (rule.topologies === 'all' || rule.topologies.includes(topology));
}

/**
 * Runs every rule that applies, from scratch; findings sorted by severity, rule id, path and
 * message. `checkProject` gives the same, incrementally; this is what it is tested against.
 */
export function checkEveryRule(project: Project, options: CheckOptions = {}): Finding[] {
  const context = ruleContext(project, options);
  return sortFindings(
    rulesFor(options)
      .filter((rule) => appliesTo(rule, context.topology, context.side))
      .flatMap((rule) => findingsOf(rule, context)),
  );
}

// Hits of unchanged entities are the same objects from check to check (rules remember them
// per entity), so their findings and keys are too.
const findingOfHit = new WeakMap<Hit, { finding: Finding; key: string }>();

function findingsOf(rule: Rule, context: RuleContext): Finding[] {
  return findingsOfHits(rule, rule.check(context));
}

/** A rule's hits as findings, in order; one finding per problem (same path and message). */
export function findingsOfHits(rule: Rule, hits: Iterable<Hit>): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const hit of hits) {
    let entry = findingOfHit.get(hit);
    if (!entry) {
      entry = { finding: toFinding(rule, hit), key: `${hit.path}\u0000${hit.message}` };
      findingOfHit.set(hit, entry);
    }
    // One finding per problem: a rule that reaches the same cause twice reports it once.
    if (!seen.has(entry.key)) {
      seen.add(entry.key);
      findings.push(entry.finding);
    }
  }
  return findings;
}

function toFinding(rule: Rule, hit: Hit): Finding {
  return {
    rule: rule.id,
    severity: hit.severity ?? rule.severity,
    path: hit.path,
    message: hit.message,
    fix: hit.fix ?? rule.fix,
    source: rule.source,
    hasQuickFix: hit.quickFix !== undefined,
    ja: { message: hit.ja.message, fix: japaneseFix(rule, hit) },
    ...(hit.script === undefined ? {} : { script: hit.script }),
  };
}

// A hit with its own fix and no Japanese for it keeps the English fix rather than the
// rule's general one, which would say something else.
function japaneseFix(rule: Rule, hit: Hit): string {
  return hit.ja.fix ?? (hit.fix === undefined ? rule.ja.fix : hit.fix);
}

/**
 * Orders findings: errors first, then by rule id, path and message (code-unit order: fast).
 * A rule reports a path and message once, so the order is total: the incremental checker,
 * which computes rules in its own order, gives the very same list.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

/** The order of `sortFindings`. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareText(a.rule, b.rule) ||
    compareText(a.path, b.path) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What makes a finding the one it is: its rule, path and message (a rule reports a path and
 * message once). Two checks' findings with the same key are the same problem.
 */
export function findingKey(finding: Pick<Finding, 'rule' | 'path' | 'message'>): string {
  return `${finding.rule}\u0000${finding.path}\u0000${finding.message}`;
}

/** A finding's quick fix, as its rule gives it: an edit of the project it is applied to. */
export type QuickFix = (project: Project) => Result<Project>;

/**
 * The quick fixes of these findings, each rule run once on `project` to find its own: fixing
 * a large cluster's many findings costs one run per rule, not one per finding.
 */
export function quickFixesOf(
  project: Project,
  findings: readonly Finding[],
  options: CheckOptions = {},
): Map<Finding, QuickFix> {
  const wanted = new Set(findings.map((finding) => finding.rule));
  const context = ruleContext(project, options);
  const byKey = new Map<string, QuickFix>();
  for (const rule of rulesFor(options)) {
    if (!wanted.has(rule.id)) {
      continue;
    }
    for (const hit of rule.check(context)) {
      if (hit.quickFix) {
        byKey.set(
          findingKey({ rule: rule.id, path: hit.path, message: hit.message }),
          hit.quickFix,
        );
      }
    }
  }
  const fixes = new Map<Finding, QuickFix>();
  for (const finding of findings) {
    const fix = byKey.get(findingKey(finding));
    if (fix) {
      fixes.set(finding, fix);
    }
  }
  return fixes;
}

/** Applies the quick fix of a finding (the rule is run again to find it). */
export function applyQuickFix(
  project: Project,
  finding: Finding,
  options: CheckOptions = {},
): Result<Project> {
  const fix = quickFixesOf(project, [finding], options).get(finding);
  if (!fix) {
    return fail(
      appError(
        'not-found',
        `${finding.rule} at ${finding.path} has no quick fix now; check again`,
        {
          ja: `${finding.path} の ${finding.rule} には現在クイックフィックスがありません。もう一度チェックしてください`,
        },
      ),
    );
  }
  return fix(project);
}
