/**
 * Generic parameter access: any element's leaves as clpcfadm paths, and typed reads.
 */
import { type XmlElement, attributeValue, elementChildren, textValue } from '../codec/tree.js';
import { keyAttributeFor } from '../doc/path.js';

/** Every leaf under an element as `sub/path` → value; keyed children as `elem@key`. */
export function flattenParameters(element: XmlElement): Record<string, string> {
  const result: Record<string, string> = {};
  collectLeaves(element, '', result);
  return result;
}

function collectLeaves(element: XmlElement, prefix: string, result: Record<string, string>): void {
  for (const child of element.children) {
    if (child.kind !== 'element') {
      continue;
    }
    const key = child.attributes.length === 0 ? undefined : (attributeValue(child, keyAttributeFor(child.name)) ?? attributeValue(child, 'name'));
    const path = key === undefined ? prefix + child.name : `${prefix}${child.name}@${key}`;
    if (child.children.some((grandchild) => grandchild.kind === 'element')) {
      collectLeaves(child, `${path}/`, result);
    } else {
      result[path] = textValue(child);
    }
  }
}

/** The text of a child path (`a/b/c`), or undefined when absent. */
export function childText(element: XmlElement, path: string): string | undefined {
  let current: XmlElement | undefined = element;
  for (const name of path.split('/')) {
    current = current ? elementChildren(current).find((child) => child.name === name) : undefined;
  }
  return current ? textValue(current) : undefined;
}

/** Parses a decimal integer value; undefined when absent or not a number (placeholders). */
export function toInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*-?\d+\s*$/.test(value)) {
    return undefined;
  }
  return Number.parseInt(value, 10);
}
