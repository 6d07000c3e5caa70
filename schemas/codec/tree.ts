/**
 * The lossless XML tree.
 *
 * Every node keeps its source text, so serialising an unchanged tree gives the input back
 * character for character: indentation, line endings, attribute quoting, `<x/>` versus
 * `<x />`, comments. Edits replace nodes (the tree is immutable) and only the replaced
 * nodes' text changes.
 */

/** An element: its raw opening tag, children and raw closing tag. */
export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly XmlAttribute[];
  /** The opening tag exactly as written, `<` to `>` (for an empty element, `<x/>` or `<x />`). */
  readonly head: string;
  readonly children: readonly XmlNode[];
  /** The closing tag exactly as written; '' for a self-closing element. */
  readonly tail: string;
  /** Offset of `<` in the decoded source text; -1 for a node an edit created. */
  readonly offset: number;
}

/** An attribute, with where its value sits inside the element's head. */
export interface XmlAttribute {
  readonly name: string;
  /** The value with entities resolved. */
  readonly value: string;
  readonly quote: '"' | "'";
  /** Offsets of the raw value (between the quotes) within the head. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** Character data, raw (entities not resolved); read its value with `textValue`. */
export interface XmlText {
  readonly kind: 'text';
  readonly raw: string;
}

/** Markup kept verbatim: comment, processing instruction (and the XML declaration), CDATA, DOCTYPE. */
export interface XmlMarkup {
  readonly kind: 'comment' | 'pi' | 'cdata' | 'doctype';
  readonly raw: string;
}

export type XmlNode = XmlElement | XmlText | XmlMarkup;

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Resolves the five predefined entities and character references. */
export function unescapeXml(raw: string): string {
  if (!raw.includes('&')) {
    return raw;
  }
  return raw.replace(
    ENTITY,
    (_match, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (name) {
        return NAMED[name] ?? '';
      }
      return String.fromCodePoint(Number.parseInt(hex ?? decimal ?? '0', hex ? 16 : 10));
    },
  );
}

/** Escapes text content. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value for the given quote character. */
export function escapeAttribute(value: string, quote: '"' | "'" = '"'): string {
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return quote === '"' ? escaped.replace(/"/g, '&quot;') : escaped.replace(/'/g, '&apos;');
}

/** The text value of an element: its character data and CDATA, entities resolved. */
export function textValue(element: XmlElement): string {
  let value = '';
  for (const child of element.children) {
    if (child.kind === 'text') {
      value += unescapeXml(child.raw);
    } else if (child.kind === 'cdata') {
      value += child.raw.slice(9, -3);
    }
  }
  return value;
}

/** The element children only. */
export function elementChildren(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => child.kind === 'element');
}

/** The value of an attribute, or undefined. */
export function attributeValue(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((attribute) => attribute.name === name)?.value;
}

/** Whether a text node holds only XML white space. */
export function isBlank(node: XmlNode): node is XmlText {
  return node.kind === 'text' && /^[ \t\r\n]*$/.test(node.raw);
}

// Source text of parsed elements near the root, as a non-enumerable property rather than a
// field: an edit makes a new element by spreading the old one, which copies enumerable
// properties only, so a stale text can never be written. (A WeakMap did the same, but cost the
// first read of a large file more than its parse: issue 3 benchmark.)
const SOURCE = Symbol('source');

/** Records the exact source text of a parsed element (the parser calls this, once per element). */
export function rememberSource(element: XmlElement, raw: string): void {
  Object.defineProperty(element, SOURCE, { value: raw });
}

/**
 * The exact source text of a parsed element near the root (an entity or a section), or
 * undefined for an element an edit made. The first pass checked it, so readers may scan it
 * without checking again (the model reads parameters this way instead of building nodes).
 */
export function sourceOf(element: XmlElement): string | undefined {
  return (element as XmlElement & { readonly [SOURCE]?: string })[SOURCE];
}

/** Serialises nodes back to text. */
export function serializeNodes(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    out = appendNode(out, node);
  }
  return out;
}

// Recursion is bounded: the parser refuses nesting deeper than MAX_DEPTH.
function appendNode(out: string, node: XmlNode): string {
  if (node.kind !== 'element') {
    return out + node.raw;
  }
  const source = sourceOf(node);
  if (source !== undefined) {
    return out + source;
  }
  let text = out + node.head;
  for (const child of node.children) {
    text = appendNode(text, child);
  }
  return text + node.tail;
}
