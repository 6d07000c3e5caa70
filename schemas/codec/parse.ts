/**
 * A strict, position-reporting XML parser that keeps every character.
 *
 * Hand-written because no maintained parser both keeps the source text of every node and
 * reports well-formedness errors with line and column; it is a single forward pass with
 * sticky regular expressions (issue 2 benchmark: within 2x of `xmllint --noout`).
 */
import { type AppError, type Result, appError, fail, ok } from '../result.js';
import {
  type XmlAttribute,
  type XmlElement,
  type XmlNode,
  type XmlText,
  rememberSource,
  sourceOf,
  unescapeXml,
} from './tree.js';

/** Deeper nesting than this is refused: clp.conf is about eight levels deep. */
export const MAX_DEPTH = 256;

/** Elements this close to the root keep their source text, so unchanged sections serialise as one slice. */
const SPAN_DEPTH = 2;

/** Depth whose elements build their content lazily (root 0, sections 1, entities 2). */
const LAZY_DEPTH = 2;

const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9._:\u00B7\u00C0-\uFFFF]*/y;
const ATTRIBUTE =
  /([ \t\r\n]+)([A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9._:\u00B7\u00C0-\uFFFF]*)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /[ \t\r\n]*(\/?)>/y;
const REFERENCE = /&(?:#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/y;
const BLANK = /^[ \t\r\n]*$/;
// XML 1.0 §2.2: control characters other than tab, LF and CR are not characters of a document;
// DEL and the C1 controls are discouraged there (§2.2 note) and no clp.conf holds them, while
// legacy decoders disagree on them (ICU's Shift_JIS swaps 0x1C and 0x7F), so they are refused too.
const FORBIDDEN_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/;

const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);

/** An element being parsed: the same object becomes the finished element (one allocation each). */
interface OpenElement {
  kind: 'element';
  name: string;
  attributes: readonly XmlAttribute[];
  head: string;
  children: XmlNode[];
  tail: string;
  offset: number;
  /** Where the content starts (after the opening tag). */
  contentStart: number;
}

class XmlSyntaxError {
  constructor(
    readonly offset: number,
    readonly message: string,
    /** `message` in Japanese. */
    readonly ja: string,
  ) {}
}

/** Parses a whole document into top-level nodes (declaration, root element, comments, white space). */
export function parseXml(text: string): Result<XmlNode[]> {
  try {
    return ok(new Parser(text).parseDocument());
  } catch (caught) {
    if (caught instanceof XmlSyntaxError) {
      return fail(syntaxError(text, caught.offset, caught.message, caught.ja));
    }
    throw caught;
  }
}

/** Turns an offset in the text into a located error (`ja`: the message in Japanese). */
export function syntaxError(text: string, offset: number, message: string, ja?: string): AppError {
  const { line, column } = lineColumn(text, offset);
  return appError('xml-syntax', message, { line, column, ...(ja === undefined ? {} : { ja }) });
}

/** 1-based line and column of an offset (columns count UTF-16 code units). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let index = text.indexOf('\n');
  while (index !== -1 && index < offset) {
    line += 1;
    lineStart = index + 1;
    index = text.indexOf('\n', lineStart);
  }
  return { line, column: offset - lineStart + 1 };
}

class Parser {
  private position = 0;
  private readonly stack: OpenElement[] = [];
  private readonly top: XmlNode[] = [];
  private sawRoot = false;
  private readonly blankNodes = new Map<string, XmlText>();
  private readonly tags = new Map<string, string>();
  /** Where the next "&" is at or after the text being read (-1: none left); -2 not looked yet. */
  private nextAmpersand = -2;

  /**
   * @param lazyDepth elements opened at this depth (2: the servers, groups, resources and
   *   monitors) get their content checked but built only when first read; a large file then
   *   allocates a few thousand nodes instead of a million (issue 2 benchmark).
   */
  constructor(
    private readonly text: string,
    private readonly lazyDepth = LAZY_DEPTH,
    /** Offset of `text` in the document (a lazy element's content is parsed from its own source). */
    private readonly base = 0,
  ) {}

  /** Builds the children of an already checked element content (a lazy element's first read). */
  parseContent(start: number, end: number): XmlNode[] {
    const container: OpenElement = {
      kind: 'element',
      name: '',
      attributes: NO_ATTRIBUTES,
      head: '',
      children: [],
      tail: '',
      offset: start,
      contentStart: start,
    };
    this.stack.push(container);
    this.position = start;
    this.scan(end);
    return container.children;
  }

  private get isLazy(): boolean {
    return this.stack.length > this.lazyDepth;
  }

  parseDocument(): XmlNode[] {
    const { text } = this;
    if (text.charCodeAt(0) === 0xfeff) {
      // A byte order mark is kept as it was, ahead of the declaration.
      this.top.push({ kind: 'text', raw: '\uFEFF' });
      this.position = 1;
    }
    const forbidden = text.search(FORBIDDEN_CHARACTER);
    if (forbidden !== -1) {
      const code = text.charCodeAt(forbidden).toString(16).toUpperCase().padStart(4, '0');
      throw new XmlSyntaxError(
        forbidden,
        `character U+${code} is not allowed in XML; remove it`,
        `文字 U+${code} は XML では使用できません。取り除いてください`,
      );
    }
    this.scan(text.length);
    if (this.stack.length > 0) {
      const open = this.stack[this.stack.length - 1] as OpenElement;
      throw new XmlSyntaxError(
        open.offset,
        `<${open.name}> is never closed; add </${open.name}>`,
        `<${open.name}> が閉じられていません。</${open.name}> を追加してください`,
      );
    }
    if (!this.sawRoot) {
      throw new XmlSyntaxError(
        text.length,
        'no root element: a clp.conf holds one <root> element',
        'ルート要素がありません。clp.conf には <root> 要素が 1 つ必要です',
      );
    }
    return this.top;
  }

  private scan(limit: number): void {
    const { text } = this;
    while (this.position < limit) {
      const found = text.indexOf('<', this.position);
      const next = found === -1 || found > limit ? limit : found;
      if (next > this.position) {
        this.addText(this.position, next);
      }
      if (next === limit) {
        break;
      }
      this.position = next;
      this.parseMarkup();
    }
  }

  private get siblings(): XmlNode[] {
    const open = this.stack[this.stack.length - 1];
    return open ? open.children : this.top;
  }

  private addText(start: number, end: number): void {
    if (this.isLazy) {
      // Checked in place: most of a large file's text is the white space between tags, and
      // slicing every piece only to look at it made a million strings (issue 3 benchmark).
      this.checkReferencesBetween(start, end);
      return;
    }
    const raw = this.text.slice(start, end);
    if (this.stack.length === 0 && !BLANK.test(raw)) {
      const offset = start + raw.search(/[^ \t\r\n]/);
      throw new XmlSyntaxError(
        offset,
        'text outside the root element; remove it or put it inside an element',
        'ルート要素の外にテキストがあります。取り除くか、要素の中に入れてください',
      );
    }
    this.checkReferences(raw, start);
    this.siblings.push(this.textNode(raw));
  }

  /** `checkReferences` for `text[start, end)`, slicing it only when it holds an "&". */
  private checkReferencesBetween(start: number, end: number): void {
    if (this.nextAmpersand !== -1 && this.nextAmpersand < start) {
      this.nextAmpersand = this.text.indexOf('&', start);
    }
    if (this.nextAmpersand !== -1 && this.nextAmpersand < end) {
      this.checkReferences(this.text.slice(start, end), start);
    }
  }

  /**
   * Text nodes are immutable, so the white space between elements (a few distinct strings
   * repeated a million times in a large file) shares one node per string.
   */
  private textNode(raw: string): XmlText {
    if (raw.length > 40 || !BLANK.test(raw)) {
      return { kind: 'text', raw };
    }
    let node = this.blankNodes.get(raw);
    if (!node) {
      node = { kind: 'text', raw };
      this.blankNodes.set(raw, node);
    }
    return node;
  }

  /** One string per distinct tag text (`<interval>`, `</interval>`), shared across the tree. */
  private intern(tag: string): string {
    const known = this.tags.get(tag);
    if (known !== undefined) {
      return known;
    }
    this.tags.set(tag, tag);
    return tag;
  }

  private checkReferences(raw: string, start: number): void {
    let index = raw.indexOf('&');
    while (index !== -1) {
      REFERENCE.lastIndex = index;
      const reference = REFERENCE.exec(raw);
      if (!reference) {
        throw new XmlSyntaxError(
          start + index,
          'a bare "&": write it as &amp;',
          '"&" がそのまま書かれています。&amp; と書いてください',
        );
      }
      if (!isValidCharacterReference(reference[0])) {
        throw new XmlSyntaxError(
          start + index,
          `${reference[0]} is not a character XML allows`,
          `${reference[0]} は XML で使用できない文字です`,
        );
      }
      index = raw.indexOf('&', REFERENCE.lastIndex);
    }
  }

  private parseMarkup(): void {
    const { text, position } = this;
    const second = text.charCodeAt(position + 1);
    if (second === 0x21 /* ! */) {
      this.parseBang();
    } else if (second === 0x3f /* ? */) {
      this.parseInstruction();
    } else if (second === 0x2f /* / */) {
      this.parseClose();
    } else {
      this.parseOpen();
    }
  }

  private parseBang(): void {
    const { text, position } = this;
    if (text.startsWith('<!--', position)) {
      const end = text.indexOf('-->', position + 4);
      if (end === -1) {
        throw new XmlSyntaxError(
          position,
          'comment is never closed; end it with -->',
          'コメントが閉じられていません。--> で終えてください',
        );
      }
      const dashes = text.indexOf('--', position + 4);
      if (dashes < end) {
        throw new XmlSyntaxError(
          dashes,
          '"--" is not allowed inside a comment',
          'コメントの中では "--" は使用できません',
        );
      }
      this.pushMarkup('comment', end + 3);
    } else if (text.startsWith('<![CDATA[', position)) {
      if (this.stack.length === 0) {
        throw new XmlSyntaxError(
          position,
          'CDATA section outside the root element',
          'ルート要素の外に CDATA セクションがあります',
        );
      }
      const end = text.indexOf(']]>', position + 9);
      if (end === -1) {
        throw new XmlSyntaxError(
          position,
          'CDATA section is never closed; end it with ]]>',
          'CDATA セクションが閉じられていません。]]> で終えてください',
        );
      }
      this.pushMarkup('cdata', end + 3);
    } else if (text.startsWith('<!DOCTYPE', position) && this.stack.length === 0 && !this.sawRoot) {
      this.pushMarkup('doctype', this.doctypeEnd(position));
    } else {
      throw new XmlSyntaxError(
        position,
        'unexpected "<!": expected a comment <!-- -->',
        '予期しない "<!" があります。ここに書けるのはコメント <!-- --> です',
      );
    }
  }

  private doctypeEnd(start: number): number {
    const { text } = this;
    let inSubset = false;
    for (let index = start; index < text.length; index += 1) {
      const character = text[index];
      if (character === '[') {
        inSubset = true;
      } else if (character === ']') {
        inSubset = false;
      } else if (character === '>' && !inSubset) {
        return index + 1;
      }
    }
    throw new XmlSyntaxError(start, 'DOCTYPE is never closed', 'DOCTYPE が閉じられていません');
  }

  private parseInstruction(): void {
    const { text, position } = this;
    const end = text.indexOf('?>', position + 2);
    if (end === -1) {
      throw new XmlSyntaxError(
        position,
        'processing instruction is never closed; end it with ?>',
        '処理命令が閉じられていません。?> で終えてください',
      );
    }
    NAME.lastIndex = position + 2;
    const target = NAME.exec(text)?.[0] ?? '';
    if (target === '') {
      throw new XmlSyntaxError(
        position + 2,
        'processing instruction without a name',
        '処理命令に名前がありません',
      );
    }
    const isDeclaration = target.toLowerCase() === 'xml';
    if (isDeclaration && position !== this.declarationStart()) {
      throw new XmlSyntaxError(
        position,
        'the XML declaration must be the very first thing in the file',
        'XML 宣言はファイルの先頭に書いてください',
      );
    }
    this.pushMarkup('pi', end + 2);
  }

  /** The declaration may follow a byte order mark, nothing else. */
  private declarationStart(): number {
    return this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  private pushMarkup(kind: 'comment' | 'pi' | 'cdata' | 'doctype', end: number): void {
    if (!this.isLazy) {
      this.siblings.push({ kind, raw: this.text.slice(this.position, end) });
    }
    this.position = end;
  }

  private parseOpen(): void {
    const { text, position } = this;
    if (this.stack.length === 0 && this.sawRoot) {
      throw new XmlSyntaxError(
        position,
        'a second root element: a clp.conf holds exactly one <root>',
        '2 つ目のルート要素があります。clp.conf の <root> は 1 つだけです',
      );
    }
    NAME.lastIndex = position + 1;
    if (!NAME.test(text)) {
      throw new XmlSyntaxError(
        position,
        'a "<" that starts no tag: write it as &lt;',
        'タグを始めない "<" があります。&lt; と書いてください',
      );
    }
    let cursor = NAME.lastIndex;
    if (text.charCodeAt(cursor) === 0x3e /* > */) {
      // Most clp.conf elements have no attributes: skip the attribute scan. An element inside
      // lazy content is only checked, never kept: it needs its name, not a shared head.
      if (this.isLazy) {
        this.openElement(text.slice(position + 1, cursor), '', NO_ATTRIBUTES, position, cursor + 1);
        return;
      }
      const head = this.intern(text.slice(position, cursor + 1));
      this.openElement(head.slice(1, -1), head, NO_ATTRIBUTES, position, cursor + 1);
      return;
    }
    const sliced = text.slice(position + 1, cursor);
    const name = this.isLazy ? sliced : this.intern(sliced);
    const attributes: XmlAttribute[] = [];
    for (;;) {
      ATTRIBUTE.lastIndex = cursor;
      const match = ATTRIBUTE.exec(text);
      if (!match) {
        break;
      }
      attributes.push(this.attribute(match, cursor, position, attributes));
      cursor = ATTRIBUTE.lastIndex;
    }
    TAG_END.lastIndex = cursor;
    const end = TAG_END.exec(text);
    if (!end) {
      const blank = /^[ \t\r\n]*/.exec(text.slice(cursor, cursor + 200))?.[0].length ?? 0;
      throw new XmlSyntaxError(cursor + blank, ...this.badTagMessage(cursor, name));
    }
    const head = text.slice(position, TAG_END.lastIndex);
    if (end[1] === '/') {
      this.position = TAG_END.lastIndex;
      this.closeElement(
        {
          kind: 'element',
          name,
          attributes,
          head,
          children: [],
          tail: '',
          offset: position + this.base,
        },
        head,
      );
      return;
    }
    this.openElement(name, head, attributes, position, TAG_END.lastIndex);
  }

  private openElement(
    name: string,
    head: string,
    attributes: readonly XmlAttribute[],
    offset: number,
    end: number,
  ): void {
    if (this.stack.length >= MAX_DEPTH) {
      throw new XmlSyntaxError(
        offset,
        `elements nested deeper than ${MAX_DEPTH} levels`,
        `要素の入れ子が ${MAX_DEPTH} 階層を超えています`,
      );
    }
    this.position = end;
    this.stack.push({
      kind: 'element',
      name,
      attributes,
      head,
      children: [],
      tail: '',
      offset: offset + this.base,
      contentStart: end + this.base,
    });
  }

  /** Adds a finished element to its parent; the top levels remember their source text. */
  private closeElement(element: XmlElement, raw: string | undefined): void {
    if (this.isLazy) {
      return;
    }
    this.siblings.push(element);
    this.sawRoot ||= this.stack.length === 0;
    // Only the first pass remembers spans: a lazily built entity's children are below the
    // depth that serialisation looks up anyway.
    if (this.stack.length <= SPAN_DEPTH && this.lazyDepth === LAZY_DEPTH) {
      rememberSource(element, raw ?? this.text.slice(element.offset - this.base, this.position));
    }
  }

  private attribute(
    match: RegExpExecArray,
    cursor: number,
    tagStart: number,
    seen: XmlAttribute[],
  ): XmlAttribute {
    const name = match[2] as string;
    const quote = match[3] === undefined ? "'" : '"';
    const raw = match[3] ?? match[4] ?? '';
    const valueStart = match.index + match[0].length - raw.length - 1;
    if (seen.some((attribute) => attribute.name === name)) {
      throw new XmlSyntaxError(
        cursor + (match[1] as string).length,
        `attribute "${name}" is given twice`,
        `属性 "${name}" が 2 回指定されています`,
      );
    }
    this.checkReferences(raw, valueStart);
    return {
      name,
      value: unescapeXml(raw),
      quote,
      valueStart: valueStart - tagStart,
      valueEnd: valueStart - tagStart + raw.length,
    };
  }

  /** What is wrong with a tag that does not end where it should: English, then Japanese. */
  private badTagMessage(cursor: number, name: string): [string, string] {
    const rest = this.text.slice(cursor, cursor + 200);
    if (/^[ \t\r\n]+[^ \t\r\n=>/]+[ \t\r\n]*=[ \t\r\n]*["']/.test(rest)) {
      return [
        `attribute value in <${name}> is not closed; add the closing quote`,
        `<${name}> の属性値が閉じられていません。閉じる引用符を追加してください`,
      ];
    }
    if (/^[ \t\r\n]+[^ \t\r\n=>/]+[ \t\r\n]*=[ \t\r\n]*[^"']/.test(rest)) {
      return [
        `attribute value in <${name}> must be quoted`,
        `<${name}> の属性値は引用符で囲んでください`,
      ];
    }
    return [
      `malformed tag <${name}>: expected an attribute, ">" or "/>"`,
      `タグ <${name}> が正しくありません。属性、">"、"/>" のいずれかが必要です`,
    ];
  }

  private parseClose(): void {
    const { text, position } = this;
    const open = this.stack.pop();
    const length = open ? open.name.length : 0;
    let end = position + 2 + length;
    // Fast path: `</name>` exactly; anything else takes the checked path below.
    if (!open || !text.startsWith(open.name, position + 2) || text.charCodeAt(end) !== 0x3e) {
      end = this.checkClose(open);
    } else {
      end += 1;
    }
    const element = open as OpenElement;
    this.position = end;
    if (this.isLazy) {
      // Checked content that is not kept (see closeElement): nothing to remember.
      return;
    }
    element.tail = this.intern(text.slice(position, end));
    const isLazy = this.stack.length === this.lazyDepth && position > element.contentStart;
    this.closeElement(isLazy ? lazyElement(element) : element, undefined);
  }

  /** Validates a closing tag that is not plainly `</name>`; returns where it ends. */
  private checkClose(open: OpenElement | undefined): number {
    const { text, position } = this;
    NAME.lastIndex = position + 2;
    const name = NAME.test(text) ? text.slice(position + 2, NAME.lastIndex) : '';
    TAG_END.lastIndex = position + 2 + name.length;
    const end = TAG_END.exec(text);
    if (!name || !end || end[1] === '/') {
      throw new XmlSyntaxError(
        position,
        'malformed closing tag: expected </name>',
        '終了タグが正しくありません。</name> の形で書いてください',
      );
    }
    if (!open) {
      throw new XmlSyntaxError(
        position,
        `</${name}> closes nothing; remove it`,
        `</${name}> に対応する開始タグがありません。取り除いてください`,
      );
    }
    if (open.name !== name) {
      const { line } = lineColumn(text, open.offset);
      throw new XmlSyntaxError(
        position,
        `</${name}> does not match <${open.name}> opened on line ${line}; write </${open.name}>`,
        `</${name}> は ${line} 行目で開始した <${open.name}> と対応していません。</${open.name}> と書いてください`,
      );
    }
    return TAG_END.lastIndex;
  }
}

/**
 * The element with `children` built on first read, from its source text, which the first pass
 * checked. One getter shared by every lazy element, added as a new property: a getter made per
 * element, or a data property redefined as one, made each of 20,000 entities a slow dictionary
 * object (issue 3 benchmark).
 */
function lazyElement(element: OpenElement): XmlElement {
  const lazy = {
    kind: 'element' as const,
    name: element.name,
    attributes: element.attributes,
    head: element.head,
    tail: element.tail,
    offset: element.offset,
    contentStart: element.contentStart,
  };
  Object.defineProperty(lazy, 'children', LAZY_CHILDREN);
  return lazy as unknown as XmlElement;
}

const built = new WeakMap<XmlElement, XmlNode[]>();

const LAZY_CHILDREN: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: XmlElement): XmlNode[] {
    let children = built.get(this);
    if (!children) {
      const source = sourceOf(this) as string;
      children = new Parser(source, Number.POSITIVE_INFINITY, this.offset).parseContent(
        this.head.length,
        source.length - this.tail.length,
      );
      built.set(this, children);
    }
    return children;
  },
};

function isValidCharacterReference(reference: string): boolean {
  if (!reference.startsWith('&#')) {
    return true;
  }
  const hex = reference[2] === 'x';
  const code = Number.parseInt(reference.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  return code >= 0x9 && code <= 0x10ffff && !isSurrogate && code !== 0xfffe && code !== 0xffff;
}
