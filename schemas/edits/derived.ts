/**
 * Derived values the Builder keeps right on every structural edit (clpconf-format.md §10).
 */
import { type ClpDocument, rootOf } from '../codec/document.js';
import { type XmlElement, attributeValue, elementChildren } from '../codec/tree.js';
import { insertElement, removeAt, setValue } from '../doc/edit.js';
import { locateAll, parsePath } from '../doc/path.js';
import { childText, toInteger } from '../model/params.js';
import { readModel } from '../model/read.js';
import type { ClusterModel } from '../model/entities.js';
import { type Result, ok } from '../result.js';

/** `webmgr/client/objectnumber` = 4 + servers + groups + resources + monitors + (heartbeats + NP) × servers. */
export function objectNumberOf(model: ClusterModel): number {
  const servers = model.servers.length;
  return (
    4 +
    servers +
    model.groups.length +
    model.resources.length +
    model.monitors.length +
    (model.heartbeats.length + model.networkPartitions.length) * servers
  );
}

/** Sets objectnumber when the file has a `<webmgr>` (files made by clpcfset have none). */
export function syncObjectNumber(document: ClpDocument): Result<ClpDocument> {
  const model = readModel(document);
  if (!model.webmgr) {
    return ok(document);
  }
  const wanted = String(objectNumberOf(model));
  return model.webmgr.objectNumber === wanted
    ? ok(document)
    : setValue(document, 'webmgr/client/objectnumber', wanted);
}

/** Sections whose instances are listed in `<types>` entries. */
export type TypedSection = 'heartbeat' | 'networkpartition' | 'resource' | 'monitor';

/** Adds or removes the `<types name=kind/>` entry so that it matches the instances of that kind. */
export function syncTypesEntry(
  document: ClpDocument,
  section: TypedSection,
  kind: string,
): Result<ClpDocument> {
  const root = rootOf(document);
  const sections = locateAll(root, [{ name: section }]);
  const hasInstance = sections.some(({ element }) =>
    elementChildren(element).some(
      (child) => child.name === kind && attributeValue(child, 'name') !== undefined,
    ),
  );
  const entries = sections.flatMap(({ element, indices }) =>
    element.children.flatMap((child, index) =>
      child.kind === 'element' && child.name === 'types' && attributeValue(child, 'name') === kind
        ? [[...indices, index]]
        : [],
    ),
  );
  if (hasInstance && entries.length === 0) {
    return insertElement(
      document,
      section,
      { name: 'types', attributes: [['name', kind]] },
      'first',
    );
  }
  if (!hasInstance && entries.length > 0) {
    // Remove from the last so earlier indices stay valid.
    return ok(entries.reverse().reduce((current, indices) => removeAt(current, indices), document));
  }
  return ok(document);
}

/** Renumbers `group/gid` 0..n-1 in group order, when the file uses gid at all. */
export function renumberGroupIds(document: ClpDocument): Result<ClpDocument> {
  const groups = elementChildren(rootOf(document)).filter((element) => element.name === 'group');
  if (!groups.some((group) => childText(group, 'gid') !== undefined)) {
    return ok(document);
  }
  return groups.reduce<Result<ClpDocument>>((current, group, index) => {
    if (!current.ok || childText(group, 'gid') === String(index)) {
      return current;
    }
    return setValue(
      current.value,
      `group@${attributeValue(group, 'name') ?? ''}/gid`,
      String(index),
    );
  }, ok(document));
}

/**
 * Renumbers `priority` 0..n-1 over a set of elements, keeping their present order of
 * priority (ties and missing values in document order).
 */
export function renumberPriorities(
  document: ClpDocument,
  paths: readonly string[],
): Result<ClpDocument> {
  const root = rootOf(document);
  const entries = paths.map((path, position) => {
    const segments = parsePath(path);
    const element = segments.ok ? locateAll(root, segments.value)[0]?.element : undefined;
    return {
      path,
      position,
      priority: element ? toInteger(childText(element, 'priority')) : undefined,
    };
  });
  const ordered = [...entries].sort(
    (a, b) =>
      (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER) ||
      a.position - b.position,
  );
  return ordered.reduce<Result<ClpDocument>>((current, entry, index) => {
    if (!current.ok || entry.priority === index) {
      return current;
    }
    return setValue(current.value, `${entry.path}/priority`, String(index));
  }, ok(document));
}

/** The next free priority among elements (max + 1, or 0). */
export function nextPriority(elements: readonly XmlElement[]): number {
  const priorities = elements
    .map((element) => toInteger(childText(element, 'priority')))
    .filter((value): value is number => value !== undefined);
  return priorities.length === 0 ? 0 : Math.max(...priorities) + 1;
}
