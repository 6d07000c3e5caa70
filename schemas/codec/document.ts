/**
 * clp.conf as a document: bytes in, bytes out, nothing lost.
 *
 * `decodeClpConf(encodeClpConf(x))` is the identity and an unmodified document encodes to
 * the very bytes it was decoded from (DESIGN.md, promise 1).
 */
import { type Result, appError, fail, ok } from '../result.js';
import {
  type Charset,
  type EncodingInfo,
  decodeBytes,
  encodeText,
  sniffEncoding,
} from './charset.js';
import { lineColumn, parseXml } from './parse.js';
import { type XmlElement, type XmlNode, isBlank, serializeNodes } from './tree.js';

/** How this file writes things, so that edits write the same way. */
export interface DocumentStyle {
  readonly eol: '\n' | '\r\n';
  /** One level of indentation: two spaces, a tab, ... */
  readonly indentUnit: string;
  /** `<x />` (MSXML, old Windows files) rather than `<x/>` (libxml2, WebUI). */
  readonly spaceBeforeSlash: boolean;
}

/** A decoded clp.conf. */
export interface ClpDocument {
  readonly encoding: EncodingInfo;
  readonly style: DocumentStyle;
  /** Top-level nodes: declaration, comments, white space and the root element. */
  readonly nodes: readonly XmlNode[];
  /** Index of the root element in `nodes`. */
  readonly rootIndex: number;
  /** What was decoded, so that an unchanged document gives back its exact bytes. */
  readonly source?: { readonly text: string; readonly bytes: Uint8Array };
}

/** The root element. */
export function rootOf(document: ClpDocument): XmlElement {
  return document.nodes[document.rootIndex] as XmlElement;
}

/** Replaces the root element, keeping everything around it. */
export function withRoot(document: ClpDocument, root: XmlElement): ClpDocument {
  const nodes = document.nodes.slice();
  nodes[document.rootIndex] = root;
  return { ...document, nodes };
}

/** Decodes bytes; never throws: malformed input is an `xml-syntax` or `encoding` error with its place. */
export function decodeClpConf(bytes: Uint8Array): Result<ClpDocument> {
  try {
    return decodeUnchecked(bytes);
  } catch (caught) {
    // Decoding must never throw (issue 2); anything here is a bug, reported as a value.
    return fail(
      appError('xml-syntax', `cannot read this file: ${String(caught)}`, {
        ja: `このファイルを読み込めません: ${String(caught)}`,
      }),
    );
  }
}

function decodeUnchecked(bytes: Uint8Array): Result<ClpDocument> {
  const encoding = sniffEncoding(bytes);
  if (!encoding.ok) {
    return encoding;
  }
  const text = decodeBytes(bytes, encoding.value.charset);
  if (!text.ok) {
    return text;
  }
  return decodeText(text.value, encoding.value, bytes);
}

/** Decodes text that is already characters (from an editor), declared encoding kept. */
export function decodeClpConfText(text: string): Result<ClpDocument> {
  const head = new TextEncoder().encode(text.slice(0, 200));
  const encoding = sniffEncoding(head);
  if (!encoding.ok) {
    return encoding;
  }
  return decodeText(text, encoding.value, undefined);
}

// The XML declaration's grammar (XML 1.0 §2.8 and §4.3.3), pseudo-attributes in their order.
const DECLARATION =
  /^\uFEFF?<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][-A-Za-z0-9._]*)\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\4)?[ \t\r\n]*\?>/;

/** A declaration must be well formed and name the encoding the bytes were read with. */
function checkDeclaration(text: string, encoding: EncodingInfo): Result<void> {
  if (!/^\uFEFF?<\?xml[ \t\r\n?]/.test(text)) {
    return ok(undefined);
  }
  const match = DECLARATION.exec(text);
  if (!match || (match[3] ?? '') !== encoding.label) {
    return fail(
      appError(
        'xml-syntax',
        'malformed XML declaration; write it as <?xml version="1.0" encoding="..."?>',
        {
          line: 1,
          column: 1,
          ja: 'XML 宣言が正しくありません。<?xml version="1.0" encoding="..."?> の形で書いてください',
        },
      ),
    );
  }
  return ok(undefined);
}

function decodeText(
  text: string,
  encoding: EncodingInfo,
  bytes: Uint8Array | undefined,
): Result<ClpDocument> {
  const declaration = checkDeclaration(text, encoding);
  if (!declaration.ok) {
    return declaration;
  }
  const nodes = parseXml(text);
  if (!nodes.ok) {
    return nodes;
  }
  const rootIndex = nodes.value.findIndex((node) => node.kind === 'element');
  const root = nodes.value[rootIndex] as XmlElement;
  if (root.name !== 'root') {
    return fail(
      appError('xml-syntax', `the top element is <${root.name}>; a clp.conf starts with <root>`, {
        ...lineColumn(text, root.offset),
        ja: `最上位の要素が <${root.name}> になっています。clp.conf は <root> で始めてください`,
      }),
    );
  }
  const document: ClpDocument = {
    encoding,
    style: detectStyle(text, root),
    nodes: nodes.value,
    rootIndex,
    ...(bytes ? { source: { text, bytes } } : {}),
  };
  return ok(document);
}

/** Encodes a document in its declared encoding. */
export function encodeClpConf(document: ClpDocument): Result<Uint8Array> {
  const text = serializeClpConf(document);
  if (document.source && document.source.text === text) {
    return ok(document.source.bytes);
  }
  return encodeText(text, document.encoding.charset);
}

/** The document as text (what an editor shows). */
export function serializeClpConf(document: ClpDocument): string {
  return serializeNodes(document.nodes);
}

/** The charset the document is written in. */
export function charsetOf(document: ClpDocument): Charset {
  return document.encoding.charset;
}

function detectStyle(text: string, root: XmlElement): DocumentStyle {
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  return {
    eol,
    indentUnit: detectIndentUnit(root),
    spaceBeforeSlash: detectSpaceBeforeSlash(text),
  };
}

/** The indentation of the root's children is one unit (root itself sits at column 1); the most common wins. */
function detectIndentUnit(root: XmlElement): string {
  const counts = new Map<string, number>();
  for (let index = 1; index < root.children.length; index += 1) {
    const before = root.children[index - 1] as XmlNode;
    if (root.children[index]?.kind === 'element' && isBlank(before) && before.raw.includes('\n')) {
      const indent = before.raw.slice(before.raw.lastIndexOf('\n') + 1);
      if (indent.length > 0) {
        counts.set(indent, (counts.get(indent) ?? 0) + 1);
      }
    }
  }
  let best = '  ';
  let bestCount = 0;
  for (const [indent, count] of counts) {
    if (count > bestCount) {
      best = indent;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Whether the first self-closing tag is written `<x />`. The first "/>" decides: a ' />' before
 * it would hold an earlier "/>". (Searching for ' />' scanned a whole large file for a space,
 * the commonest character, when the file has none.)
 */
function detectSpaceBeforeSlash(text: string): boolean {
  const first = text.indexOf('/>');
  return first > 0 && text.charCodeAt(first - 1) === 0x20;
}
