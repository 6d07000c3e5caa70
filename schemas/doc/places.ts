/**
 * Where a parameter path is written in the text a document was decoded from: the line and
 * column of its element's `<`, so that a finding can say `clp.conf line 57` as well as its
 * path (an editor, a terminal or a CI annotation jumps there).
 */
import { type ClpDocument, rootOf, serializeClpConf } from '../codec/document.js';
import {
  type XmlElement,
  attributeValue,
  elementChildren,
  escapeAttribute,
  sourceOf,
} from '../codec/tree.js';
import { type PathSegment, keyAttributeFor, parsePath } from './path.js';

/** A place in the text, 1-based; columns count UTF-16 code units, as `lineColumn` does. */
export interface TextPlace {
  readonly line: number;
  readonly column: number;
}

/**
 * The place of each path in the text `document` was decoded from: its element's, or where the
 * path leaves the file, the deepest element of it that is there. Undefined for every path of
 * a document with no decoded text or one an edit changed since: an edited element's offsets
 * are its snippet's, and the file on disk is not yet what the document says.
 *
 * Made for many findings at once: the entities are indexed once, and the lines counted once.
 */
export function placesOf(document: ClpDocument): (path: string) => TextPlace | undefined {
  const text = document.source?.text;
  let index: SectionIndex | undefined;
  let lines: number[] | undefined;
  let isAsDecoded: boolean | undefined;
  return (path) => {
    isAsDecoded ??= text !== undefined && serializeClpConf(document) === text;
    const segments = parsePath(path);
    if (!isAsDecoded || !segments.ok || text === undefined) {
      return undefined;
    }
    index ??= new SectionIndex(rootOf(document));
    const offset = deepest(index, segments.value);
    if (offset === undefined || offset < 0) {
      return undefined;
    }
    lines ??= lineStarts(text);
    return placeAt(lines, offset);
  };
}

/** A segment as a path writes it: `name`, or `name@key`. */
function keyOfSegment(segment: PathSegment): string {
  return segment.key === undefined ? segment.name : `${segment.name}@${segment.key}`;
}

/** The keys a path may find an element by: `name`, and `name@key` for its key attributes. */
function keysOf(element: XmlElement): string[] {
  const keys = [element.name];
  for (const value of [
    attributeValue(element, keyAttributeFor(element.name)),
    attributeValue(element, 'name'),
  ]) {
    if (value !== undefined) {
      keys.push(`${element.name}@${value}`);
    }
  }
  return keys;
}

/** The first element of each key among `elements`, as `locate` finds it. */
function indexed(elements: readonly XmlElement[]): Map<string, XmlElement> {
  const index = new Map<string, XmlElement>();
  for (const element of elements) {
    for (const key of keysOf(element)) {
      if (!index.has(key)) {
        index.set(key, element);
      }
    }
  }
  return index;
}

/**
 * The sections by key, each with its children indexed the first time a path needs them: a
 * large cluster's findings mostly fall in one or two sections of 10,000 entities.
 */
class SectionIndex {
  private readonly sections: Map<string, XmlElement>;
  private readonly children = new Map<XmlElement, Map<string, XmlElement>>();

  constructor(root: XmlElement) {
    this.sections = indexed(elementChildren(root));
  }

  section(segment: PathSegment): XmlElement | undefined {
    return this.sections.get(keyOfSegment(segment));
  }

  child(section: XmlElement, segment: PathSegment): XmlElement | undefined {
    let index = this.children.get(section);
    if (!index) {
      index = indexed(elementChildren(section));
      this.children.set(section, index);
    }
    return index.get(keyOfSegment(segment));
  }
}

/**
 * The offset of the deepest element of the path: the section and the entity by index, then
 * inside the entity by its source text, so that no entity's nodes are built to place it.
 */
function deepest(index: SectionIndex, segments: readonly PathSegment[]): number | undefined {
  const [first, second, ...rest] = segments;
  const section = first && index.section(first);
  if (!section) {
    return undefined;
  }
  const entity = second && index.child(section, second);
  if (!entity) {
    return section.offset;
  }
  const source = sourceOf(entity);
  if (source === undefined) {
    return entity.offset;
  }
  return entity.offset + offsetInside(source, rest);
}

/**
 * Where the deepest of `segments` opens inside an element's source (0: the element itself),
 * each a direct child of the one before it.
 */
function offsetInside(source: string, segments: readonly PathSegment[]): number {
  let parent = 0;
  for (const segment of segments) {
    const child = childTag(source, parent, segment);
    if (child === -1) {
      break;
    }
    parent = child;
  }
  return parent;
}

/**
 * Where the direct child of the element opening at `parent` that `segment` names opens, or
 * -1. The text was checked when it was parsed, so tags are found by their brackets.
 */
function childTag(source: string, parent: number, segment: PathSegment): number {
  const parentEnd = source.indexOf('>', parent);
  if (parentEnd === -1 || source.charCodeAt(parentEnd - 1) === 0x2f /* / */) {
    return -1;
  }
  let depth = 0;
  let position = parentEnd + 1;
  for (;;) {
    const open = source.indexOf('<', position);
    if (open === -1) {
      return -1;
    }
    const second = source.charCodeAt(open + 1);
    if (second === 0x21 /* ! */ || second === 0x3f /* ? */) {
      const closing = source.startsWith('<!--', open) ? '-->' : second === 0x3f ? '?>' : ']]>';
      const end = source.indexOf(closing, open);
      if (end === -1) {
        return -1;
      }
      position = end + closing.length;
      continue;
    }
    const tagEnd = source.indexOf('>', open);
    if (tagEnd === -1) {
      return -1;
    }
    if (second === 0x2f /* / */) {
      depth -= 1;
      if (depth < 0) {
        return -1;
      }
    } else {
      if (depth === 0 && isTagOf(source, open, tagEnd, segment)) {
        return open;
      }
      depth += source.charCodeAt(tagEnd - 1) === 0x2f /* / */ ? 0 : 1;
    }
    position = tagEnd + 1;
  }
}

/** Whether the tag `source[open, tagEnd]` opens the element `segment` names. */
function isTagOf(source: string, open: number, tagEnd: number, segment: PathSegment): boolean {
  const nameEnd = open + 1 + segment.name.length;
  if (!source.startsWith(segment.name, open + 1)) {
    return false;
  }
  const after = source.charCodeAt(nameEnd);
  const isWhole =
    after === 0x3e ||
    after === 0x2f ||
    after === 0x20 ||
    after === 0x0a ||
    after === 0x09 ||
    after === 0x0d;
  return isWhole && (segment.key === undefined || hasKey(source.slice(open, tagEnd), segment));
}

/** Whether an opening tag carries the segment's key as its key attribute or its name. */
function hasKey(tag: string, segment: PathSegment): boolean {
  const key = segment.key ?? '';
  return [keyAttributeFor(segment.name), 'name'].some((attribute) =>
    [`${attribute}="${escapeAttribute(key)}"`, `${attribute}='${escapeAttribute(key, "'")}'`].some(
      (written) => tag.includes(written),
    ),
  );
}

/** Where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

function placeAt(starts: readonly number[], offset: number): TextPlace {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 };
}
