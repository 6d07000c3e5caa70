/**
 * Object-level differences between two projects: entities added, removed or changed (each
 * parameter with its old and new value), and script files added, removed or changed.
 *
 * Pure (no `node:` imports) so that the UI can reuse it;.
 * Parameters are compared through the model's `parameters` maps, whose keys are clpcfadm
 * sub-paths, so a difference names exactly what `clpbuilder set` would take. Nothing is
 * filtered out: `trekking/configid` and `webmgr/client/objectnumber` change on every save
 * by the product, and they are listed like everything else.
 */
import { type ClpDocument, rootOf } from '../codec/document.js';
import { type XmlElement, attributeValue, elementChildren } from '../codec/tree.js';
import { flattenParameters } from '../model/params.js';
import { ENTITY_KINDS } from '../model/kinds.js';
import { readModel } from '../model/read.js';
import type { Project } from '../project.js';
import { type ScriptDifference, diffScripts } from './diff-scripts.js';

/** What an entry of the diff is about. */
export type DifferenceKind =
  | 'cluster'
  | 'server'
  | 'heartbeat'
  | 'networkpartition'
  | 'group'
  | 'resource'
  | 'monitor'
  | 'section';
export type Change = 'added' | 'removed' | 'changed';
export { type ScriptDifference, type UnseenChange, diffScripts } from './diff-scripts.js';

/** One parameter that differs; `before`/`after` are absent when the parameter is. */
export interface ParameterChange {
  readonly path: string;
  readonly before?: string;
  readonly after?: string;
}

export interface EntityDifference {
  readonly kind: DifferenceKind;
  readonly name: string;
  /** clpcfadm path of the entity (`resource/md@md2`, `group@failover2`, `webmgr`). */
  readonly path: string;
  /** Resource and monitor type, heartbeat kind, group type. */
  readonly type?: string;
  readonly change: Change;
  /** For `changed` entities only: every parameter that differs, by sub-path. */
  readonly parameters: readonly ParameterChange[];
}

export interface ProjectDifference {
  readonly entities: readonly EntityDifference[];
  readonly scripts: readonly ScriptDifference[];
}

/** An entity as compared: identity, type and its flat parameters. */
interface Entry {
  readonly kind: DifferenceKind;
  readonly name: string;
  readonly path: string;
  readonly type?: string;
  readonly parameters: Readonly<Record<string, string>>;
}

/** Compares two projects. */
export function diffProjects(before: Project, after: Project): ProjectDifference {
  return {
    entities: diffEntities(before.conf, after.conf),
    scripts: diffScripts(before.scripts, after.scripts),
  };
}

/** Whether two projects differ at all. */
export function hasDifferences(difference: ProjectDifference): boolean {
  return difference.entities.length > 0 || difference.scripts.length > 0;
}

/** Compares the entities of two clp.conf documents, in the order of the newer one. */
export function diffEntities(before: ClpDocument, after: ClpDocument): EntityDifference[] {
  const old = new Map(entriesOf(before).map((entry) => [entry.path, entry]));
  const current = entriesOf(after);
  const seen = new Set(current.map((entry) => entry.path));
  const differences: EntityDifference[] = [];
  for (const entry of current) {
    const previous = old.get(entry.path);
    if (!previous) {
      differences.push(describe(entry, 'added', []));
      continue;
    }
    const parameters = diffParameters(previous.parameters, entry.parameters);
    if (parameters.length > 0 || previous.name !== entry.name) {
      differences.push(describe(entry, 'changed', parameters));
    }
  }
  for (const entry of old.values()) {
    if (!seen.has(entry.path)) {
      differences.push(describe(entry, 'removed', []));
    }
  }
  // Stable: within a kind, the newer file's order, removed entities last.
  return differences.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

const KIND_ORDER: readonly DifferenceKind[] = ['cluster', ...ENTITY_KINDS, 'section'];

function describe(
  entry: Entry,
  change: Change,
  parameters: readonly ParameterChange[],
): EntityDifference {
  return {
    kind: entry.kind,
    name: entry.name,
    path: entry.path,
    ...(entry.type === undefined ? {} : { type: entry.type }),
    change,
    parameters,
  };
}

/** Every parameter whose value differs, present on one side only included. */
export function diffParameters(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): ParameterChange[] {
  const changes: ParameterChange[] = [];
  for (const [path, value] of Object.entries(before)) {
    const next = Object.hasOwn(after, path) ? after[path] : undefined;
    if (next !== value) {
      changes.push(
        next === undefined ? { path, before: value } : { path, before: value, after: next },
      );
    }
  }
  for (const [path, value] of Object.entries(after)) {
    if (!Object.hasOwn(before, path)) {
      changes.push({ path, after: value });
    }
  }
  return changes;
}

/** The cluster, every entity, then every other section (minus the entities inside it). */
function entriesOf(document: ClpDocument): Entry[] {
  const model = readModel(document);
  const entities: Entry[] = [
    {
      kind: 'cluster',
      name: model.cluster.name,
      path: 'cluster',
      parameters: model.cluster.parameters,
    },
    ...model.servers.map((server) => entry('server', server)),
    ...model.heartbeats.map((heartbeat) => entry('heartbeat', heartbeat, heartbeat.type)),
    ...model.networkPartitions.map((partition) =>
      entry('networkpartition', partition, partition.type),
    ),
    ...model.groups.map((group) => entry('group', group, group.type)),
    ...model.resources.map((resource) => entry('resource', resource, resource.type)),
    ...model.monitors.map((monitor) => entry('monitor', monitor, monitor.type)),
  ];
  return [...entities, ...sectionEntries(document, new Set(entities.map((entity) => entity.path)))];
}

function entry(
  kind: DifferenceKind,
  entity: { name: string; path: string; parameters: Record<string, string> },
  type?: string,
): Entry {
  return {
    kind,
    name: entity.name,
    path: entity.path,
    parameters: entity.parameters,
    ...(type === undefined ? {} : { type }),
  };
}

// Root children that are entities themselves, not sections.
const ENTITY_ELEMENTS = new Set(['cluster', 'server', 'group']);

/**
 * Root sections as entities (`all`, `webmgr`, `trekking`, `haltp`, `pm`, and what is left of
 * `heartbeat`, `resource`, ... once their instances are taken out: `<types>` entries and
 * settings such as `networkpartition/npaction`). Scattered sections of one name are merged.
 */
function sectionEntries(document: ClpDocument, entityPaths: ReadonlySet<string>): Entry[] {
  const merged = new Map<string, Record<string, string>>();
  for (const section of elementChildren(rootOf(document))) {
    if (ENTITY_ELEMENTS.has(section.name)) {
      continue;
    }
    const parameters = merged.get(section.name) ?? {};
    for (const child of elementChildren(section)) {
      Object.assign(parameters, childParameters(section, child, entityPaths));
    }
    merged.set(section.name, parameters);
  }
  return [...merged].map(([name, parameters]) => ({
    kind: 'section',
    name,
    path: name,
    parameters,
  }));
}

function childParameters(
  section: XmlElement,
  child: XmlElement,
  entityPaths: ReadonlySet<string>,
): Record<string, string> {
  const name = attributeValue(child, 'name');
  const key =
    child.name === 'types' || name === undefined
      ? undefined
      : `${section.name}/${child.name}@${name}`;
  if (key !== undefined && entityPaths.has(key)) {
    return {};
  }
  // Flattening the section with only this child gives the child's keys as the section has them.
  return flattenParameters({ ...section, children: [child] });
}
