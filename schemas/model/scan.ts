/**
 * An element's parameters read straight from its source text.
 *
 * Reading a 10,000-resource clp.conf through nodes built every entity's subtree only to
 * flatten it and drop it (issue 3 benchmark: most of `clpbuilder check`'s time). The parser
 * already checked this text, so one forward pass over it gives the same leaves and the
 * direct children without allocating a node.
 */
import { unescapeXml } from '../codec/tree.js';
import { keyAttributeFor } from '../doc/path.js';

/** A direct child as far as the views need it: name and attributes. */
export interface ChildOutline {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string> | undefined;
}

/** What `flattenParameters` gives, plus the direct children. */
export interface ElementOutline {
  readonly parameters: Record<string, string>;
  readonly children: readonly ChildOutline[];
}

/** An open element during the scan. */
interface Frame {
  readonly path: string;
  hasElementChild: boolean;
  /** The single text chunk seen so far, as offsets; most leaves have exactly one. */
  textStart: number;
  textEnd: number;
  /** Text once a second chunk (CDATA, text after a comment) came. */
  joined: string | undefined;
}

const ATTRIBUTE = /[ \t\r\n]+([^ \t\r\n=/>]+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/y;

/**
 * Outlines the checked content `source[start, end)` of an element: leaves as `sub/path` →
 * text (the same map `flattenParameters` builds from nodes) and, when `withChildren`, the
 * direct children (else none: reading every attribute costs, and most readers need keys only).
 */
export function outlineSource(
  source: string,
  start: number,
  end: number,
  withChildren = true,
): ElementOutline {
  const parameters = parameterMap();
  const children: ChildOutline[] | undefined = withChildren ? [] : undefined;
  const stack: Frame[] = [];
  let position = start;
  while (position < end) {
    const open = source.indexOf('<', position);
    const next = open === -1 || open > end ? end : open;
    if (next > position) {
      addText(stack[stack.length - 1], source, position, next, false);
    }
    if (next === end) {
      break;
    }
    position = scanMarkup(source, next, stack, parameters, children);
  }
  return { parameters, children: children ?? [] };
}

/** Handles the markup at `start`; returns where scanning goes on. */
function scanMarkup(
  source: string,
  start: number,
  stack: Frame[],
  parameters: Record<string, string>,
  children: ChildOutline[] | undefined,
): number {
  const second = source.charCodeAt(start + 1);
  if (second === 0x2f /* / */) {
    closeFrame(stack.pop(), parameters, source);
    return source.indexOf('>', start) + 1;
  }
  if (second === 0x3f /* ? */) {
    return source.indexOf('?>', start) + 2;
  }
  if (second === 0x21 /* ! */) {
    if (source.startsWith('<![CDATA[', start)) {
      const close = source.indexOf(']]>', start);
      addText(stack[stack.length - 1], source, start + 9, close, true);
      return close + 3;
    }
    return source.indexOf('-->', start) + 3;
  }
  return openElement(source, start, stack, parameters, children);
}

function openElement(
  source: string,
  start: number,
  stack: Frame[],
  parameters: Record<string, string>,
  children: ChildOutline[] | undefined,
): number {
  let cursor = start + 1;
  for (let code = source.charCodeAt(cursor); !isNameEnd(code); code = source.charCodeAt(cursor)) {
    cursor += 1;
  }
  const name = source.slice(start + 1, cursor);
  const parent = stack[stack.length - 1];
  const scanned =
    source.charCodeAt(cursor) === 0x3e /* > */
      ? undefined
      : readAttributes(source, cursor, name, !parent && children !== undefined);
  const tagEnd = source.indexOf('>', scanned ? scanned.end : cursor);
  const attributes = scanned?.values;
  const key = scanned?.key;
  const parentPath = parent ? parent.path : '';
  // Keys mostly differ from entity to entity (`resource@exec@exec1`): only plain names are shared.
  const path =
    key === undefined
      ? childPath(parentPath, name)
      : `${parent ? `${parentPath}/` : ''}${name}@${key}`;
  if (parent) {
    parent.hasElementChild = true;
  } else {
    children?.push({ name, attributes });
  }
  const frame: Frame = {
    path,
    hasElementChild: false,
    textStart: 0,
    textEnd: 0,
    joined: undefined,
  };
  if (source.charCodeAt(tagEnd - 1) === 0x2f /* / */) {
    closeFrame(frame, parameters, source);
  } else {
    stack.push(frame);
  }
  return tagEnd + 1;
}

/**
 * An empty parameter map. Without a prototype it is a plain hash from the start: entities
 * differ in which parameters they write, and building a hidden class for every key sequence
 * cost more than the rest of reading a large model (issue 3 benchmark).
 */
export function parameterMap(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

// Paths repeat across entities (`polling/interval` in every monitor). Each is made once and
// then found from its parent's path and its own segment, so a large file does not build and
// hash the same string a hundred thousand times over.
const paths = new Map<string, Map<string, string>>();
const MAX_PARENTS = 8192;

function childPath(parent: string, segment: string): string {
  let children = paths.get(parent);
  if (!children) {
    if (paths.size >= MAX_PARENTS) {
      paths.clear();
    }
    children = new Map();
    paths.set(parent, children);
  }
  let path = children.get(segment);
  if (path === undefined) {
    path = parent === '' ? segment : `${parent}/${segment}`;
    if (children.size < MAX_PARENTS) {
      children.set(segment, path);
    }
  }
  return path;
}

// Names end at white space, "/" or ">" (the parser checked the rest).
function isNameEnd(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x3e ||
    code === 0x2f ||
    code === 0x0a ||
    code === 0x09 ||
    code === 0x0d
  );
}

/**
 * The key of an element (its `id` or `name` attribute, as `flattenParameters` reads it) and
 * where its attributes end; every attribute only when `keepAll` (a direct child's).
 */
function readAttributes(
  source: string,
  cursor: number,
  name: string,
  keepAll: boolean,
): { key: string | undefined; values: Map<string, string> | undefined; end: number } {
  const values = keepAll ? new Map<string, string>() : undefined;
  let byId: string | undefined;
  let byName: string | undefined;
  let end = cursor;
  ATTRIBUTE.lastIndex = cursor;
  for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) {
    const attribute = match[1] as string;
    if (values || attribute === 'id' || attribute === 'name') {
      const value = unescapeXml(match[2] ?? match[3] ?? '');
      values?.set(attribute, value);
      byId = attribute === 'id' ? value : byId;
      byName = attribute === 'name' ? value : byName;
    }
    end = ATTRIBUTE.lastIndex;
  }
  // Which attribute keys the element matters only when it has an `id`: most have a name only.
  const key = byId !== undefined && keyAttributeFor(name) === 'id' ? byId : byName;
  return { key, values: values && values.size > 0 ? values : undefined, end };
}

/** Character data of an open element; only a leaf's is kept (as `textValue` reads it). */
function addText(
  frame: Frame | undefined,
  source: string,
  start: number,
  end: number,
  isCdata: boolean,
): void {
  if (!frame || frame.hasElementChild) {
    return;
  }
  if (frame.textEnd === 0 && frame.joined === undefined && !isCdata) {
    frame.textStart = start;
    frame.textEnd = end;
    return;
  }
  const chunk = source.slice(start, end);
  frame.joined = textOf(frame, source) + (isCdata ? chunk : unescapeXml(chunk));
  frame.textEnd = 0;
}

function textOf(frame: Frame, source: string): string {
  if (frame.joined !== undefined) {
    return frame.joined;
  }
  return frame.textEnd === 0 ? '' : unescapeXml(source.slice(frame.textStart, frame.textEnd));
}

function closeFrame(
  frame: Frame | undefined,
  parameters: Record<string, string>,
  source: string,
): void {
  if (frame && !frame.hasElementChild) {
    parameters[frame.path] = textOf(frame, source);
  }
}
