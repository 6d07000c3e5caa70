/**
 * Rules written as parts (one entity at a time, plus a whole-project remainder), so that the
 * incremental checker can re-run a part for the entities an edit changed only.
 */
import type { ClusterModel } from '../model/entities.js';
import type {
  Dependency,
  EntityList,
  EntityPart,
  Hit,
  Rule,
  RuleContext,
  WholePart,
} from './types.js';

/** The entities of a list, in document order. */
export function entitiesOf(model: ClusterModel, list: EntityList): readonly unknown[] {
  return model[list];
}

/** Hits of one entity for a part (the entity comes from the part's own list). */
export function checkEntity(
  part: EntityPart,
  entity: unknown,
  context: RuleContext,
): readonly Hit[] {
  return (part.check as (entity: unknown, context: RuleContext) => readonly Hit[])(entity, context);
}

/** A part's hits over its whole list. */
export function checkPart(part: EntityPart, context: RuleContext): Hit[] {
  const hits: Hit[] = [];
  for (const entity of entitiesOf(context.model, part.list)) {
    hits.push(...checkEntity(part, entity, context));
  }
  return hits;
}

/** A rule whose `check` is its parts: `whole` first, then each part over its list in order. */
export function partsRule(
  spec: Omit<Rule, 'check' | 'parts'> & {
    readonly parts: readonly EntityPart[];
    readonly whole?: WholePart | readonly WholePart[];
  },
): Rule {
  return {
    ...spec,
    check: (context) => [
      ...wholesOf(spec).flatMap((whole) => whole.check(context)),
      ...spec.parts.flatMap((part) => checkPart(part, context)),
    ],
  };
}

/** A rule's whole-project parts, in order. */
export function wholesOf(rule: Pick<Rule, 'whole'>): readonly WholePart[] {
  const { whole } = rule;
  return whole === undefined ? [] : Array.isArray(whole) ? whole : [whole as WholePart];
}

/**
 * What an entity without problems reports. Shared: most of 20,000 entities have none, and a
 * new empty array for each was a measurable part of a first check (issue 3 benchmark).
 */
export const NO_HITS: readonly Hit[] = Object.freeze([]);

const pathKey = (entity: { readonly path: string }): string => entity.path;
const noKey = (): number => 0;

/** Depends on which entities a list holds (their paths: kind, type and name), not their settings. */
export function pathsOf(list: EntityList): Dependency {
  return { list, key: pathKey } as Dependency;
}

/** Depends only on how many entities a list holds. */
export function countOf(list: EntityList): Dependency {
  return { list, key: noKey } as Dependency;
}
