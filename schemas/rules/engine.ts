/**
 * Runs the rules: every rule on the whole project, or after an edit only the rules whose
 * inputs the edit changed (the model reuses the views of untouched entities, so a changed
 * input is a changed object).
 */
import type { ClusterModel } from '../model/entities.js';
import { readModel } from '../model/read.js';
import type { Project, Topology } from '../project.js';
import { type Result, appError, fail } from '../result.js';
import { RULES } from './catalogue.js';
import type { Finding, Hit, Rule, RuleContext, RuleInput, Severity } from './types.js';

/** What the command line or the UI may override from project.json. */
export interface CheckOptions {
  readonly topology?: Topology;
  readonly productVersion?: string;
  /**
   * Rules from layers above the core (templates/: generated scripts edited or stale), which
   * the core cannot import (STYLE.md §2); they run like the catalogue's own.
   */
  readonly extraRules?: readonly Rule[];
}

/** The catalogue plus the caller's extra rules. */
export function rulesFor(options: CheckOptions): readonly Rule[] {
  return options.extraRules && options.extraRules.length > 0 ? [...RULES, ...options.extraRules] : RULES;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Builds what the rules read. */
export function ruleContext(project: Project, options: CheckOptions = {}, model = readModel(project.conf)): RuleContext {
  return {
    project,
    model,
    topology: options.topology ?? project.meta.topology,
    productVersion: options.productVersion ?? project.meta.productVersion,
    os: model.all.serveros?.trim().toLowerCase() === 'windows' ? 'windows' : 'linux',
    side: sideOf(project),
  };
}

function sideOf(project: Project): 'host' | 'guest' | undefined {
  const side = project.meta.vmProfile?.['side'];
  return side === 'host' || side === 'guest' ? side : undefined;
}

/** Whether a rule applies to a topology (and, in a guest-to-host association, to this side). */
export function appliesTo(rule: Rule, topology: Topology, side?: 'host' | 'guest'): boolean {
  const otherSide = topology === 'inter-host-guest-assoc' && side !== undefined && rule.side !== undefined && rule.side !== side;
  return !otherSide && (rule.topologies === 'all' || rule.topologies.includes(topology));
}

/** Runs every rule that applies; findings sorted by severity, then rule id, then path. */
export function checkProject(project: Project, options: CheckOptions = {}): Finding[] {
  const context = ruleContext(project, options);
  return sortFindings(rulesFor(options).filter((rule) => appliesTo(rule, context.topology, context.side)).flatMap((rule) => findingsOf(rule, context)));
}

// Hits of unchanged entities are the same objects from check to check (rules remember them
// per entity), so their findings and keys are too.
const findingOfHit = new WeakMap<Hit, { finding: Finding; key: string }>();

function findingsOf(rule: Rule, context: RuleContext): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const hit of rule.check(context)) {
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
  };
}

/** Orders findings: errors first, then by rule id and path (code-unit order: fast and stable). */
export function sortFindings(findings: Finding[]): Finding[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compare(a.rule, b.rule) || compare(a.path, b.path));
}

/** Applies the quick fix of a finding (the rule is run again to find it). */
export function applyQuickFix(project: Project, finding: Finding, options: CheckOptions = {}): Result<Project> {
  const rule = rulesFor(options).find((candidate) => candidate.id === finding.rule);
  const hit = rule?.check(ruleContext(project, options)).find((candidate) => candidate.path === finding.path && candidate.message === finding.message);
  if (!hit?.quickFix) {
    return fail(appError('not-found', `${finding.rule} at ${finding.path} has no quick fix now; check again`));
  }
  return hit.quickFix(project);
}

/** Applies every quick fix, rule by rule, until none is left (bounded). */
export function applyAllQuickFixes(project: Project, options: CheckOptions & { rule?: string } = {}): Result<{ project: Project; applied: Finding[] }> {
  let current = project;
  const applied: Finding[] = [];
  for (let round = 0; round < 20; round += 1) {
    const next = checkProject(current, options).find((finding) => finding.hasQuickFix && (!options.rule || finding.rule === options.rule));
    if (!next) {
      return { ok: true, value: { project: current, applied } };
    }
    const fixed = applyQuickFix(current, next, options);
    if (!fixed.ok) {
      return fixed;
    }
    current = fixed.value;
    applied.push(next);
  }
  return { ok: true, value: { project: current, applied } };
}

type Slices = Readonly<Record<RuleInput, readonly unknown[]>>;

function slicesOf(context: RuleContext): Slices {
  const { model, project } = context;
  return {
    cluster: [model.cluster, model.all, model.haltp, model.webmgr, model.trekking, context.topology, context.productVersion],
    servers: model.servers,
    heartbeats: [...model.heartbeats, ...model.networkPartitions],
    groups: model.groups,
    resources: model.resources,
    monitors: model.monitors,
    scripts: [project.scripts],
    meta: [project.meta],
  };
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a === b || a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * An incremental checker: `check` after an edit re-runs only the rules whose inputs changed.
 * The desktop app keeps one per open project.
 */
export function createChecker(options: CheckOptions = {}) {
  let previous: { slices: Slices; findings: Map<string, Finding[]> } | undefined;
  return {
    check(project: Project, model?: ClusterModel): Finding[] {
      const context = ruleContext(project, options, model);
      const slices = slicesOf(context);
      const findings = new Map<string, Finding[]>();
      for (const rule of rulesFor(options).filter((candidate) => appliesTo(candidate, context.topology, context.side))) {
        const cached = previous?.findings.get(rule.id);
        const unchanged = cached && rule.inputs.every((input) => sameItems(slices[input], previous?.slices[input] ?? []));
        findings.set(rule.id, unchanged ? cached : findingsOf(rule, context));
      }
      previous = { slices, findings };
      return sortFindings([...findings.values()].flat());
    },
  };
}
