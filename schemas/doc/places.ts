/**
 * Where a parameter path is written in the text a document was decoded from: the line and
 * column of its element's `<`, so that a finding can say `clp.conf line 57` as well as its
 * path (an editor, a terminal or a CI annotation jumps there).
 */
import { type ClpDocument, rootOf, serializeClpConf } from '../codec/document.js';
import { type XmlElement, elementChildren, escapeAttribute, sourceOf } from '../codec/tree.js';
import { type PathSegment, keyAttributeFor } from './path.js';

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
  let lines: Int32Array | undefined;
  let isAsDecoded: boolean | undefined;
  return (path) => {
    isAsDecoded ??= text !== undefined && serializeClpConf(document) === text;
    if (!isAsDecoded || text === undefined || path === '') {
      return undefined;
    }
    index ??= new SectionIndex(rootOf(document));
    const offset = deepest(index, segmentsOf(path));
    if (offset === undefined || offset < 0) {
      return undefined;
    }
    lines ??= lineStarts(text);
    return placeAt(lines, offset);
  };
}

/** Elements by name, then by key (`id` or `name`): the first of each, as `locate` finds it. */
interface ElementIndex {
  readonly first: Map<string, XmlElement>;
  readonly keyed: Map<string, Map<string, XmlElement>>;
}

/** The keys a path may name an element by: its key attribute's value and its name's. */
function keysOf(element: XmlElement): string[] {
  const keyAttribute = keyAttributeFor(element.name);
  const keys: string[] = [];
  // Read once: most entities have one attribute, their name.
  for (const attribute of element.attributes) {
    if (attribute.name === keyAttribute || attribute.name === 'name') {
      keys.push(attribute.value);
    }
  }
  return keys;
}

/**
 * The index of `elements`. Keyed by name and key apart, not by one `name@key` string: a
 * section of 10,000 entities is indexed without building a string for each.
 */
function indexed(elements: readonly XmlElement[]): ElementIndex {
  const first = new Map<string, XmlElement>();
  const keyed = new Map<string, Map<string, XmlElement>>();
  for (const element of elements) {
    if (!first.has(element.name)) {
      first.set(element.name, element);
    }
    for (const key of keysOf(element)) {
      let byKey = keyed.get(element.name);
      if (!byKey) {
        byKey = new Map();
        keyed.set(element.name, byKey);
      }
      if (!byKey.has(key)) {
        byKey.set(key, element);
      }
    }
  }
  return { first, keyed };
}

function lookUp(index: ElementIndex, segment: PathSegment): XmlElement | undefined {
  return segment.key === undefined
    ? index.first.get(segment.name)
    : index.keyed.get(segment.name)?.get(segment.key);
}

/**
 * The sections, each with its children indexed the first time a path needs them: a large
 * cluster's findings mostly fall in one or two sections of 10,000 entities. A hand-edited file
 * may write a section twice (two `<resource>` blocks): an entity is looked for in each.
 */
class SectionIndex {
  private readonly sections = new Map<string, XmlElement[]>();
  private readonly children = new Map<XmlElement, ElementIndex>();

  constructor(root: XmlElement) {
    for (const section of elementChildren(root)) {
      const keys = [section.name, ...keysOf(section).map((key) => `${section.name}@${key}`)];
      for (const key of keys) {
        this.sections.set(key, [...(this.sections.get(key) ?? []), section]);
      }
    }
  }

  /** The sections a segment names, in document order. */
  sectionsOf(segment: PathSegment): readonly XmlElement[] {
    const key = segment.key === undefined ? segment.name : `${segment.name}@${segment.key}`;
    return this.sections.get(key) ?? [];
  }

  /** The first child a segment names, in the first of `sections` that has one. */
  child(sections: readonly XmlElement[], segment: PathSegment): XmlElement | undefined {
    for (const section of sections) {
      let index = this.children.get(section);
      if (!index) {
        index = indexed(elementChildren(section));
        this.children.set(section, index);
      }
      const found = lookUp(index, segment);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
}

/**
 * A path's segments. The rules make the paths, so they are split without the checks that
 * `parsePath` makes of a path a person typed (a finding is placed by the thousand).
 */
function segmentsOf(path: string): PathSegment[] {
  return path.split('/').map((part) => {
    const at = part.indexOf('@');
    return at === -1 ? { name: part } : { name: part.slice(0, at), key: part.slice(at + 1) };
  });
}

/**
 * The offset of the deepest element of the path: the section and the entity by index, then
 * inside the entity by its source text, so that no entity's nodes are built to place it.
 */
function deepest(index: SectionIndex, segments: readonly PathSegment[]): number | undefined {
  const [first, second, ...rest] = segments;
  const sections = first ? index.sectionsOf(first) : [];
  if (sections.length === 0) {
    return undefined;
  }
  const entity = second && index.child(sections, second);
  if (!entity) {
    return (sections[0] as XmlElement).offset;
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

/** Where each line starts (a typed array: a large file has half a million lines). */
function lineStarts(text: string): Int32Array {
  let starts = new Int32Array(1024);
  let count = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count] = index + 1;
    count += 1;
  }
  return starts.subarray(0, count);
}

function placeAt(starts: Int32Array, offset: number): TextPlace {
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
