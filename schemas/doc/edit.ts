/**
 * Minimal edits on the lossless tree.
 *
 * Each edit rebuilds only the nodes on the way from the root to what it touches; every other
 * node (and so every other character of the file) is shared with the previous document. New
 * elements are written the file's way: its line ending, its indentation, its `<x/>` style.
 */
import { type ClpDocument, type DocumentStyle, rootOf, withRoot } from '../codec/document.js';
import { parseXml } from '../codec/parse.js';
import {
  type XmlElement,
  type XmlNode,
  type XmlText,
  escapeAttribute,
  escapeText,
  isBlank,
} from '../codec/tree.js';
import { type Result, appError, fail, ok } from '../result.js';
import {
  type Located,
  type PathSegment,
  formatPath,
  keyAttributeFor,
  locate,
  locateDeepest,
  parsePath,
} from './path.js';

/** A new element to insert. */
export interface ElementSpec {
  readonly name: string;
  readonly attributes?: ReadonlyArray<readonly [string, string]>;
  readonly text?: string;
  readonly children?: readonly ElementSpec[];
}

/** Where a new element goes among its siblings. */
export type Placement =
  /** After the last sibling of the same name, else after the last element (clpcfset appends). */
  | 'after-same-name'
  /** After the last sibling of the same name, else before the first element (`<types>` lists). */
  | 'first';

/** Applies a function to the element at `indices`, rebuilding its ancestors. */
export function updateAt(
  document: ClpDocument,
  indices: readonly number[],
  change: (element: XmlElement) => XmlElement,
): ClpDocument {
  return withRoot(document, updateElement(rootOf(document), indices, 0, change));
}

function updateElement(
  element: XmlElement,
  indices: readonly number[],
  depth: number,
  change: (e: XmlElement) => XmlElement,
): XmlElement {
  if (depth === indices.length) {
    return change(element);
  }
  const index = indices[depth] as number;
  const children = element.children.slice();
  children[index] = updateElement(children[index] as XmlElement, indices, depth + 1, change);
  return { ...element, children };
}

/** The element a path names, or a not-found error. */
export function find(document: ClpDocument, path: string): Result<Located> {
  const segments = parsePath(path);
  if (!segments.ok) {
    return segments;
  }
  const found = locate(rootOf(document), segments.value);
  return found
    ? ok(found)
    : fail(
        appError('not-found', `${path} is not in this clp.conf`, {
          path,
          ja: `${path} はこの clp.conf にありません`,
        }),
      );
}

/** Sets the text of the element at `path`, creating missing elements on the way. */
export function setValue(document: ClpDocument, path: string, value: string): Result<ClpDocument> {
  const segments = parsePath(path);
  if (!segments.ok) {
    return segments;
  }
  const root = rootOf(document);
  const existing = locate(root, segments.value);
  if (existing) {
    if (existing.element.children.some((child) => child.kind === 'element')) {
      return fail(
        appError(
          'invalid-value',
          `${path} holds other elements; set one of its parameters instead`,
          {
            path,
            ja: `${path} はほかの要素を含んでいます。その中のパラメータを設定してください`,
          },
        ),
      );
    }
    return ok(updateAt(document, existing.indices, (element) => withText(element, value)));
  }
  const { located, depth } = locateDeepest(root, segments.value);
  const spec = chainSpec(segments.value.slice(depth), value);
  return insertAt(document, located, spec, 'after-same-name');
}

/** Builds `<a><b>value</b></a>` for the missing tail of a path. */
function chainSpec(segments: readonly PathSegment[], value: string): ElementSpec {
  const [first, ...rest] = segments as [PathSegment, ...PathSegment[]];
  const attributes: ReadonlyArray<readonly [string, string]> =
    first.key === undefined ? [] : [[keyAttributeFor(first.name), first.key]];
  return rest.length === 0
    ? { name: first.name, attributes, text: value }
    : { name: first.name, attributes, children: [chainSpec(rest, value)] };
}

/** Inserts a new element under the element at `parentPath`. */
export function insertElement(
  document: ClpDocument,
  parentPath: string,
  spec: ElementSpec,
  placement: Placement = 'after-same-name',
): Result<ClpDocument> {
  const parent =
    parentPath === ''
      ? ok<Located>({ element: rootOf(document), indices: [] })
      : find(document, parentPath);
  if (!parent.ok) {
    return parent;
  }
  return insertAt(document, parent.value, spec, placement);
}

function insertAt(
  document: ClpDocument,
  parent: Located,
  spec: ElementSpec,
  placement: Placement,
): Result<ClpDocument> {
  if (parent.element.children.some((child) => child.kind === 'text' && !isBlank(child))) {
    return fail(
      appError(
        'invalid-value',
        `<${parent.element.name}> holds a value, not parameters; cannot add <${spec.name}> under it`,
        {
          ja: `<${parent.element.name}> はパラメータではなく値を持っています。その下に <${spec.name}> を追加することはできません`,
        },
      ),
    );
  }
  return ok(
    updateAt(document, parent.indices, (element) =>
      insertChild(element, spec, placement, document, parent.indices.length),
    ),
  );
}

function insertChild(
  parent: XmlElement,
  spec: ElementSpec,
  placement: Placement,
  document: ClpDocument,
  depth: number,
): XmlElement {
  const { style } = document;
  const children = parent.children;
  const elementIndices = children.flatMap((child, index) =>
    child.kind === 'element' ? [index] : [],
  );
  if (elementIndices.length === 0) {
    return insertIntoEmpty(parent, spec, style, indentBefore(document, depth));
  }
  const sameName = elementIndices.filter(
    (index) => (children[index] as XmlElement).name === spec.name,
  );
  const reference = (
    sameName.length > 0
      ? sameName[sameName.length - 1]
      : placement === 'first'
        ? elementIndices[0]
        : elementIndices[elementIndices.length - 1]
  ) as number;
  const insertBefore = sameName.length === 0 && placement === 'first';
  const lead = leadingBlank(children, reference);
  const indent = lead ? lead.raw.slice(lead.raw.lastIndexOf('\n') + 1) : '';
  const node = renderElement(spec, lead ? indent : null, style);
  const added: XmlNode[] = lead ? [{ kind: 'text', raw: lead.raw }, node] : [node];
  const next = children.slice();
  if (insertBefore) {
    // Before the reference: the new element takes the reference's leading break; the
    // reference gets a copy of it.
    const at = lead ? reference - 1 : reference;
    next.splice(at, 0, ...(lead ? [lead, node] : [node]));
  } else {
    next.splice(reference + 1, 0, ...added);
  }
  return { ...parent, children: next };
}

/** The blank text right before a child, when the child starts its own line. */
function leadingBlank(children: readonly XmlNode[], index: number): XmlText | undefined {
  const before = children[index - 1];
  return before && isBlank(before) && before.raw.includes('\n') ? before : undefined;
}

/** Indentation of an element at a depth below the root, the file's way. */
function indentBefore(document: ClpDocument, depth: number): string {
  return document.style.indentUnit.repeat(depth);
}

function insertIntoEmpty(
  parent: XmlElement,
  spec: ElementSpec,
  style: DocumentStyle,
  parentIndent: string,
): XmlElement {
  const childIndent = parentIndent + style.indentUnit;
  const node = renderElement(spec, childIndent, style);
  const children: XmlNode[] = [
    { kind: 'text', raw: style.eol + childIndent },
    node,
    { kind: 'text', raw: style.eol + parentIndent },
  ];
  return { ...openElement(parent), children };
}

/** Turns `<x/>` into `<x>` + `</x>` so that it can hold children. */
function openElement(element: XmlElement): XmlElement {
  if (element.tail !== '') {
    return element;
  }
  const head = element.head.replace(/[ \t\r\n]*\/>$/, '>');
  return { ...element, head, tail: `</${element.name}>` };
}

/** The element with its text replaced (an empty element is opened to hold it). */
export function withText(element: XmlElement, value: string): XmlElement {
  if (value === '' && element.tail === '') {
    return element;
  }
  const opened = openElement(element);
  return { ...opened, children: value === '' ? [] : [{ kind: 'text', raw: escapeText(value) }] };
}

/**
 * Renders a new element; `indent` is the indentation of its own line, or null to write it
 * on one line (for files that write elements inline).
 */
export function renderElement(
  spec: ElementSpec,
  indent: string | null,
  style: DocumentStyle,
): XmlElement {
  const text = renderText(spec, indent, style);
  const parsed = parseXml(text);
  if (!parsed.ok) {
    throw new Error(`internal: rendered element does not parse: ${parsed.error.message}`);
  }
  return parsed.value[0] as XmlElement;
}

function renderText(spec: ElementSpec, indent: string | null, style: DocumentStyle): string {
  const attributes = (spec.attributes ?? [])
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const children = spec.children ?? [];
  if (children.length === 0) {
    if (spec.text === undefined || spec.text === '') {
      return `<${spec.name}${attributes}${style.spaceBeforeSlash ? ' />' : '/>'}`;
    }
    return `<${spec.name}${attributes}>${escapeText(spec.text)}</${spec.name}>`;
  }
  const inner = indent === null ? null : indent + style.indentUnit;
  const body = children
    .map((child) => (inner === null ? '' : style.eol + inner) + renderText(child, inner, style))
    .join('');
  return `<${spec.name}${attributes}>${body}${indent === null ? '' : style.eol + indent}</${spec.name}>`;
}

/** Removes the element at `path`, with the line it stood on. */
export function removeElement(document: ClpDocument, path: string): Result<ClpDocument> {
  const found = find(document, path);
  if (!found.ok) {
    return found;
  }
  return ok(removeAt(document, found.value.indices));
}

/** Removes the element at `indices`, with the blank text that starts its line. */
export function removeAt(document: ClpDocument, indices: readonly number[]): ClpDocument {
  const parentIndices = indices.slice(0, -1);
  const index = indices[indices.length - 1] as number;
  return updateAt(document, parentIndices, (parent) => {
    const children = parent.children.slice();
    const withLine = index > 0 && isBlank(children[index - 1] as XmlNode);
    children.splice(withLine ? index - 1 : index, withLine ? 2 : 1);
    return { ...parent, children };
  });
}

/** Sets an attribute's value in place (quotes and everything else in the tag kept). */
export function setAttribute(
  document: ClpDocument,
  indices: readonly number[],
  name: string,
  value: string,
): ClpDocument {
  return updateAt(document, indices, (element) => withAttribute(element, name, value));
}

/** The element with one attribute set; a new attribute goes at the end of the tag. */
export function withAttribute(element: XmlElement, name: string, value: string): XmlElement {
  const attribute = element.attributes.find((candidate) => candidate.name === name);
  const head = attribute
    ? element.head.slice(0, attribute.valueStart) +
      escapeAttribute(value, attribute.quote) +
      element.head.slice(attribute.valueEnd)
    : element.head.replace(/([ \t\r\n]*\/?>)$/, ` ${name}="${escapeAttribute(value)}"$1`);
  return { ...element, head, attributes: reparseHead(head, element).attributes };
}

function reparseHead(head: string, element: XmlElement): XmlElement {
  const standalone = head.endsWith('/>') ? head : `${head}</${element.name}>`;
  const parsed = parseXml(standalone);
  if (!parsed.ok) {
    throw new Error(`internal: edited tag does not parse: ${parsed.error.message}`);
  }
  return parsed.value[0] as XmlElement;
}

/** The path of a located element, for messages. */
export function describe(segments: readonly PathSegment[]): string {
  return formatPath(segments);
}
