/**
 * Checking incrementally (issue 3: re-check after one edit within 5 ms on a 20,000-entity
 * project), as `checkProject` and every checker of `createChecker` do. The model keeps the views of untouched entities and the lists of untouched
 * sections, so what an edit changed is found by identity: a rule whose inputs are the same
 * objects keeps its findings, and a rule written as parts re-runs only for the entities the
 * edit changed, unless what the part reads of the rest changed too.
 */
import type { ClusterModel } from '../model/entities.js';
import type { Project } from '../project.js';
import type { Result } from '../result.js';
import {
  type CheckOptions,
  appliesTo,
  findingsOfHits,
  quickFixesOf,
  ruleContext,
  rulesFor,
  sortFindings,
} from './engine.js';
import { reviewOf } from './acknowledged.js';
import { checkEntity, entitiesOf, wholesOf } from './parts.js';
import type {
  Dependency,
  EntityList,
  EntityPart,
  Finding,
  Hit,
  Rule,
  RuleContext,
  RuleInput,
  Severity,
} from './types.js';

type Slices = Readonly<Record<RuleInput, readonly unknown[]>>;

function slicesOf(context: RuleContext): Slices {
  const { model, project } = context;
  return {
    cluster: [
      model.cluster,
      model.all,
      model.haltp,
      model.webmgr,
      model.trekking,
      model.typesListed,
      context.topology,
      context.productVersion,
    ],
    servers: model.servers,
    heartbeats: [...model.heartbeats, ...model.networkPartitions],
    groups: model.groups,
    resources: model.resources,
    monitors: model.monitors,
    scripts: [project.scripts, context.scriptsGiven],
    meta: [project.meta],
    os: [context.serverOs],
  };
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a === b || (a.length === b.length && a.every((item, index) => item === b[index]));
}

/** Entities an edit replaced, by position; `reshaped` when entities were added or removed. */
interface ListDelta {
  readonly reshaped: boolean;
  readonly changed: ReadonlyArray<{
    readonly index: number;
    readonly before: unknown;
    readonly after: unknown;
  }>;
}

function deltaOf(before: readonly unknown[], after: readonly unknown[]): ListDelta {
  if (before === after) {
    return { reshaped: false, changed: [] };
  }
  if (before.length !== after.length) {
    return { reshaped: true, changed: [] };
  }
  const changed: Array<{ index: number; before: unknown; after: unknown }> = [];
  for (let index = 0; index < after.length; index += 1) {
    if (before[index] !== after[index]) {
      changed.push({ index, before: before[index], after: after[index] });
    }
  }
  return { reshaped: false, changed };
}

/** What changed between two checks, computed once per input and list. */
class Changes {
  private readonly deltas = new Map<EntityList, ListDelta>();
  private readonly inputs = new Map<RuleInput, boolean>();

  constructor(
    private readonly before: Slices,
    private readonly after: Slices,
    private readonly beforeModel: ClusterModel,
    private readonly afterModel: ClusterModel,
  ) {}

  input(input: RuleInput): boolean {
    let changed = this.inputs.get(input);
    if (changed === undefined) {
      changed = !sameItems(this.before[input], this.after[input]);
      this.inputs.set(input, changed);
    }
    return changed;
  }

  delta(list: EntityList): ListDelta {
    let delta = this.deltas.get(list);
    if (!delta) {
      delta = deltaOf(entitiesOf(this.beforeModel, list), entitiesOf(this.afterModel, list));
      this.deltas.set(list, delta);
    }
    return delta;
  }

  dependency(dependency: Dependency): boolean {
    if (typeof dependency === 'string') {
      return this.input(dependency);
    }
    const delta = this.delta(dependency.list);
    const key = dependency.key as (entity: unknown) => unknown;
    return delta.reshaped || delta.changed.some(({ before, after }) => key(before) !== key(after));
  }
}

/** A rule's remembered results: part hits by entity position (only entities with hits). */
interface RuleState {
  /** The hits of each whole-project part, in order. */
  readonly wholes: ReadonlyArray<readonly Hit[]>;
  readonly parts: ReadonlyArray<Map<number, readonly Hit[]>>;
  /** Sorted as `sortFindings` sorts them. */
  readonly findings: readonly Finding[];
}

function partHits(part: EntityPart, context: RuleContext): Map<number, readonly Hit[]> {
  const hits = new Map<number, readonly Hit[]>();
  entitiesOf(context.model, part.list).forEach((entity, index) => {
    const found = checkEntity(part, entity, context);
    if (found.length > 0) {
      hits.set(index, found);
    }
  });
  return hits;
}

function freshState(rule: Rule, context: RuleContext): RuleState {
  if (!rule.parts) {
    return {
      wholes: [],
      parts: [],
      findings: sortFindings(findingsOfHits(rule, rule.check(context))),
    };
  }
  return stateOf(
    rule,
    wholesOf(rule).map((whole) => whole.check(context)),
    rule.parts.map((part) => partHits(part, context)),
  );
}

/** Re-runs what an edit can have changed of a rule written as parts. */
function updatedState(
  rule: Rule & { parts: readonly EntityPart[] },
  previous: RuleState,
  context: RuleContext,
  changes: Changes,
): RuleState {
  const wholes = wholesOf(rule).map((whole, position) =>
    whole.dependsOn.some((dependency) => changes.dependency(dependency))
      ? whole.check(context)
      : (previous.wholes[position] as readonly Hit[]),
  );
  let isSame = wholes.every((hits, position) => hits === previous.wholes[position]);
  const parts = rule.parts.map((part, position) => {
    const hits = previous.parts[position] as Map<number, readonly Hit[]>;
    const delta = changes.delta(part.list);
    if (delta.reshaped || part.dependsOn.some((dependency) => changes.dependency(dependency))) {
      isSame = false;
      return partHits(part, context);
    }
    for (const { index, after } of delta.changed) {
      const found = checkEntity(part, after, context);
      isSame &&= found.length === 0 && !hits.has(index);
      // The previous state is dropped after this check, so its map is updated in place.
      if (found.length > 0) {
        hits.set(index, found);
      } else {
        hits.delete(index);
      }
    }
    return hits;
  });
  return isSame ? previous : stateOf(rule, wholes, parts);
}

function stateOf(
  rule: Rule,
  wholes: ReadonlyArray<readonly Hit[]>,
  parts: ReadonlyArray<Map<number, readonly Hit[]>>,
): RuleState {
  return {
    wholes,
    parts,
    findings: sortFindings(findingsOfHits(rule, hitsInOrder(wholes, parts))),
  };
}

/** Hits in the order `rule.check` gives them: the wholes, then each part in document order. */
function* hitsInOrder(
  wholes: ReadonlyArray<readonly Hit[]>,
  parts: ReadonlyArray<Map<number, readonly Hit[]>>,
): Generator<Hit> {
  for (const hits of wholes) {
    yield* hits;
  }
  for (const hits of parts) {
    for (const index of [...hits.keys()].sort((a, b) => a - b)) {
      yield* hits.get(index) as readonly Hit[];
    }
  }
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Findings of rules sorted by id, each list sorted: merged into `sortFindings` order without comparing. */
function merged(rules: readonly Rule[], states: ReadonlyMap<string, RuleState>): Finding[] {
  const findings: Finding[] = [];
  for (const severity of SEVERITIES) {
    for (const rule of rules) {
      for (const finding of states.get(rule.id)?.findings ?? []) {
        if (finding.severity === severity) {
          findings.push(finding);
        }
      }
    }
  }
  return findings;
}

/** Checks project after project, re-running only what changed since the previous one. */
export interface Checker {
  check(project: Project, model?: ClusterModel): Finding[];
}

/**
 * An incremental checker: `check` after an edit re-runs only what the edit can have changed,
 * and returns exactly what `checkProject` returns. The desktop app keeps one per open project.
 */
export function createChecker(options: CheckOptions = {}): Checker {
  const rules = [...rulesFor(options)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let previous: { slices: Slices; model: ClusterModel; states: Map<string, RuleState> } | undefined;
  return {
    check(project: Project, model?: ClusterModel): Finding[] {
      const context = ruleContext(project, options, model);
      const slices = slicesOf(context);
      const changes =
        previous && new Changes(previous.slices, slices, previous.model, context.model);
      const applicable = rules.filter((rule) => appliesTo(rule, context.topology, context.side));
      const states = new Map<string, RuleState>();
      for (const rule of applicable) {
        const known = previous?.states.get(rule.id);
        states.set(
          rule.id,
          known && changes ? nextState(rule, known, context, changes) : freshState(rule, context),
        );
      }
      previous = { slices, model: context.model, states };
      return merged(applicable, states);
    },
  };
}

function nextState(
  rule: Rule,
  known: RuleState,
  context: RuleContext,
  changes: Changes,
): RuleState {
  if (!rule.inputs.some((input) => changes.input(input))) {
    return known;
  }
  return rule.parts
    ? updatedState(rule as Rule & { parts: readonly EntityPart[] }, known, context, changes)
    : freshState(rule, context);
}

// One checker per rule set and override, shared by every caller of `checkProject`: the app
// checks on every edit, and each check after the first costs what the edit changed.
const shared = new Map<readonly Rule[] | undefined, Map<string, Checker>>();

// A caller that makes a new rule list or override for every call gets a fresh checker each
// time; the cap keeps those from piling up.
const MAX_SHARED = 8;

function sharedChecker(options: CheckOptions): Checker {
  let byOverride = shared.get(options.extraRules);
  if (!byOverride) {
    if (shared.size >= MAX_SHARED) {
      shared.clear();
    }
    byOverride = new Map();
    shared.set(options.extraRules, byOverride);
  }
  const given = options.scriptsGiven ?? true;
  const key = `${options.topology ?? ''}\u0000${options.productVersion ?? ''}\u0000${given}`;
  let checker = byOverride.get(key);
  if (!checker) {
    if (byOverride.size >= MAX_SHARED) {
      byOverride.clear();
    }
    checker = createChecker({
      topology: options.topology,
      productVersion: options.productVersion,
      extraRules: options.extraRules,
      scriptsGiven: given,
    });
    byOverride.set(key, checker);
  }
  return checker;
}

/**
 * Runs every rule that applies; findings sorted by severity, rule id, path and message. The
 * same as `checkEveryRule`, but after a check of the project before an edit it re-runs only
 * what the edit can have changed.
 */
export function checkProject(project: Project, options: CheckOptions = {}): Finding[] {
  return sharedChecker(options).check(project);
}

/**
 * Applies every quick fix until none is left. A finding accepted in project.json is left as it
 * is: the engineer kept it on purpose.
 *
 * Fixes go in rounds: each round checks once and applies the fix of every fixable finding, so
 * a cluster with 300 misspelt words takes a round, not 300 checks. A finding at a path that an
 * earlier fix of the same round touched (or contains, or lies inside) waits for the next round,
 * where it is found again on the edited project, if it is still there. `remaining` lists what
 * is still fixable when the rounds run out: fixes that undo each other.
 */
export function applyAllQuickFixes(
  project: Project,
  options: CheckOptions & { rule?: string } = {},
): Result<{ project: Project; applied: Finding[]; remaining: Finding[] }> {
  let current = project;
  const applied: Finding[] = [];
  let fixable = fixableOf(current, options);
  for (let round = 0; round < MAX_FIX_ROUNDS && fixable.length > 0; round += 1) {
    const fixes = quickFixesOf(current, fixable, options);
    const touched: string[] = [];
    for (const finding of fixable) {
      const fix = fixes.get(finding);
      if (!fix || touched.some((path) => overlaps(path, finding.path))) {
        continue;
      }
      const fixed = fix(current);
      if (!fixed.ok) {
        return fixed;
      }
      current = fixed.value;
      applied.push(finding);
      touched.push(finding.path);
    }
    fixable = fixableOf(current, options);
  }
  return { ok: true, value: { project: current, applied, remaining: fixable } };
}

// Rounds, not fixes: a round fixes every finding it can; more rounds than this mean fixes
// that undo each other.
const MAX_FIX_ROUNDS = 20;

function fixableOf(project: Project, options: CheckOptions & { rule?: string }): Finding[] {
  return reviewOf(project, checkProject(project, options)).open.filter(
    (finding) => finding.hasQuickFix && (!options.rule || finding.rule === options.rule),
  );
}

/** Whether two parameter paths are one, or one holds the other. */
function overlaps(a: string, b: string): boolean {
  return a === b || b.startsWith(`${a}/`) || a.startsWith(`${b}/`);
}
