/**
 * A list of keyed entries under one element (a group's `<policy>` startup servers, a
 * resource's `<depend>` dependencies) set to new values with the smallest change: the entries
 * there take the new values in turn, extra ones go from the last, missing ones are added.
 */
import type { ClpDocument } from '../codec/document.js';
import type { XmlElement } from '../codec/tree.js';
import { type ElementSpec, insertElement, removeAt } from '../doc/edit.js';
import type { Located } from '../doc/path.js';
import { type Result, ok } from '../result.js';

export interface EntryList<T> {
  /** The element holding the entries, and its path (where new ones are added). */
  readonly parent: Located;
  readonly parentPath: string;
  /** The entries' element name (`policy`, `depend`). */
  readonly name: string;
  /** Whether the entries there can be kept; when not, all are written anew. */
  readonly reusable?: (entry: XmlElement) => boolean;
  /** An entry there made to hold `value`, the `at`-th, touching only what differs. */
  rewrite(
    conf: ClpDocument,
    indices: readonly number[],
    entry: XmlElement,
    value: T,
    at: number,
  ): ClpDocument;
  /** A new entry holding `value`, the `at`-th. */
  spec(value: T, at: number): ElementSpec;
}

/** The document with the list's entries holding `values`, in order. */
export function setEntries<T>(
  document: ClpDocument,
  list: EntryList<T>,
  values: readonly T[],
): Result<ClpDocument> {
  const { parent } = list;
  const entries = parent.element.children.flatMap((child, index) =>
    child.kind === 'element' && child.name === list.name ? [{ element: child, index }] : [],
  );
  const reusable =
    list.reusable === undefined || entries.every(({ element }) => list.reusable?.(element));
  const kept = reusable ? Math.min(entries.length, values.length) : 0;
  let conf = document;
  for (let at = 0; at < kept; at += 1) {
    const { element, index } = entries[at] as { element: XmlElement; index: number };
    conf = list.rewrite(conf, [...parent.indices, index], element, values[at] as T, at);
  }
  for (const { index } of entries.slice(kept).reverse()) {
    conf = removeAt(conf, [...parent.indices, index]);
  }
  for (let at = kept; at < values.length; at += 1) {
    const inserted = insertElement(conf, list.parentPath, list.spec(values[at] as T, at));
    if (!inserted.ok) {
      return inserted;
    }
    conf = inserted.value;
  }
  return ok(conf);
}
