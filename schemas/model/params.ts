/**
 * Generic parameter access: any element's leaves as clpcfadm paths, and typed reads.
 */
import {
  type XmlElement,
  attributeValue,
  elementChildren,
  sourceOf,
  textValue,
} from '../codec/tree.js';
import { keyAttributeFor } from '../doc/path.js';
import { type ElementOutline, outlineSource, parameterMap } from './scan.js';

/** Every leaf under an element as `sub/path` → value; keyed children as `elem@key`. */
export function flattenParameters(element: XmlElement): Record<string, string> {
  const source = sourceOf(element);
  return source === undefined
    ? outlineElement(element).parameters
    : outlineSource(source, element.head.length, source.length - element.tail.length, false)
        .parameters;
}

/**
 * An element's leaves (as `flattenParameters`) and direct children. A parsed element is read
 * from its source text, without building its nodes; an edited one from its nodes.
 */
export function outlineElement(element: XmlElement): ElementOutline {
  const source = sourceOf(element);
  if (source !== undefined) {
    return outlineSource(source, element.head.length, source.length - element.tail.length);
  }
  const parameters = parameterMap();
  collectLeaves(element, '', parameters);
  const children = elementChildren(element).map((child) => ({
    name: child.name,
    attributes:
      child.attributes.length === 0
        ? undefined
        : new Map(child.attributes.map((attribute) => [attribute.name, attribute.value])),
  }));
  return { parameters, children };
}

function collectLeaves(element: XmlElement, prefix: string, result: Record<string, string>): void {
  for (const child of element.children) {
    if (child.kind !== 'element') {
      continue;
    }
    const key =
      child.attributes.length === 0
        ? undefined
        : (attributeValue(child, keyAttributeFor(child.name)) ?? attributeValue(child, 'name'));
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
