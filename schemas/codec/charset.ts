/**
 * Bytes ⇄ text for the encodings clp.conf files are written in.
 *
 * The product writes ASCII, UTF-8, EUC-JP and "SJIS" (clpconf-format.md §1). Decoding uses
 * the platform's TextDecoder (present in Node and in browsers, so the core stays pure);
 * encoding legacy Japanese and Chinese code pages has no platform API, so the reverse table
 * is built once from the decoder itself.
 */
import { type AppError, type Result, appError, fail, ok } from '../result.js';

export type Charset = 'ascii' | 'utf-8' | 'euc-jp' | 'shift_jis' | 'gbk';

/** What the XML declaration said, and the charset we use for it. */
export interface EncodingInfo {
  /** The label exactly as written in the declaration ('' when there is none). */
  readonly label: string;
  readonly charset: Charset;
}

const LABELS: Readonly<Record<string, Charset>> = {
  ascii: 'ascii',
  'us-ascii': 'ascii',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'euc-jp': 'euc-jp',
  eucjp: 'euc-jp',
  // "SJIS" is what the Windows product writes; it is not an IANA name (clpconf-format.md §1).
  sjis: 'shift_jis',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  'x-sjis': 'shift_jis',
  ms_kanji: 'shift_jis',
  'windows-31j': 'shift_jis',
  cp932: 'shift_jis',
  gb2312: 'gbk',
  gbk: 'gbk',
};

const DECLARATION = /^(?:\uFEFF)?<\?xml[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/;

/** Whether the bytes start with a UTF-8 byte-order mark (EF BB BF). */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Reads the encoding label from the first bytes of a document. */
export function sniffEncoding(bytes: Uint8Array): Result<EncodingInfo> {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const match = DECLARATION.exec(hasUtf8Bom(bytes) ? head.slice(3) : head);
  if (!match) {
    return ok({ label: '', charset: 'utf-8' });
  }
  const label = match[2] ?? '';
  const charset = LABELS[label.toLowerCase()];
  if (!charset) {
    return fail(
      appError(
        'encoding',
        `unsupported encoding "${label}" in the XML declaration; use ASCII, UTF-8, EUC-JP or SJIS`,
        {
          line: 1,
          column: (match.index ?? 0) + 1,
          ja: `XML 宣言の文字コード "${label}" には対応していません。ASCII、UTF-8、EUC-JP、SJIS のいずれかを使用してください`,
        },
      ),
    );
  }
  return ok({ label, charset });
}

/** Decodes bytes strictly: a byte sequence invalid in the charset is an error with its place. */
export function decodeBytes(bytes: Uint8Array, charset: Charset): Result<string> {
  if (charset === 'ascii') {
    // Up to the first byte above 0x7F, characters and bytes are one to one.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const bad = text.search(/[^\x00-\x7f]/);
    return bad === -1 ? ok(text) : fail(badByte(bytes, bad, 'ASCII'));
  }
  try {
    return ok(new TextDecoder(charset, { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return fail(badByte(bytes, firstInvalidOffset(bytes, charset), charset.toUpperCase()));
  }
}

function badByte(bytes: Uint8Array, offset: number, name: string): AppError {
  const { line, column } = lineColumnOfByte(bytes, offset);
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return appError(
    'encoding',
    `byte 0x${hex} is not valid ${name}, as the XML declaration says the file is; fix the declaration or re-save the file in ${name}`,
    {
      line,
      column,
      ja: `バイト 0x${hex} は、XML 宣言が示す文字コード ${name} として正しくありません。宣言を直すか、ファイルを ${name} で保存し直してください`,
    },
  );
}

/** Finds the first invalid byte by decoding growing prefixes (only on the error path). */
function firstInvalidOffset(bytes: Uint8Array, charset: Charset): number {
  const decoder = new TextDecoder(charset, { fatal: true, ignoreBOM: true });
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest prefix that decodes; a prefix cut inside a character fails
  // too, so step back to the last line break that decodes.
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (decodesCleanly(decoder, bytes.subarray(0, middle))) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return Math.min(low, bytes.length - 1);
}

function decodesCleanly(decoder: TextDecoder, bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    if (bytes[index] === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Encodes text in a charset; characters it cannot hold are reported, never replaced. */
export function encodeText(text: string, charset: Charset): Result<Uint8Array> {
  if (charset === 'utf-8' || isAscii(text)) {
    return ok(new TextEncoder().encode(text));
  }
  if (charset === 'ascii') {
    return fail(unrepresentable(text, firstNonAscii(text), 'ASCII'));
  }
  return encodeWithTable(text, charset);
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

function isAscii(text: string): boolean {
  return ASCII_ONLY.test(text);
}

function firstNonAscii(text: string): number {
  return text.search(/[^\x00-\x7f]/);
}

function unrepresentable(text: string, index: number, name: string): AppError {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  const character = String.fromCodePoint(text.codePointAt(index) ?? 0);
  return appError(
    'encoding',
    `"${character}" cannot be written in ${name}; remove it or change the file's encoding`,
    {
      line,
      column,
      ja: `"${character}" は ${name} では書けません。取り除くか、ファイルの文字コードを変更してください`,
    },
  );
}

function encodeWithTable(
  text: string,
  charset: Exclude<Charset, 'ascii' | 'utf-8'>,
): Result<Uint8Array> {
  const table = reverseTable(charset);
  const out = new Uint8Array(text.length * 3);
  let length = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      out[length++] = code;
      continue;
    }
    const bytes = table.get(text[index] as string);
    if (!bytes) {
      return fail(unrepresentable(text, index, charset.toUpperCase()));
    }
    for (const byte of bytes) {
      out[length++] = byte;
    }
  }
  return ok(out.slice(0, length));
}

const tables = new Map<Charset, Map<string, readonly number[]>>();

/** The char → bytes table, built on first use by decoding every valid sequence once. */
function reverseTable(
  charset: Exclude<Charset, 'ascii' | 'utf-8'>,
): Map<string, readonly number[]> {
  const cached = tables.get(charset);
  if (cached) {
    return cached;
  }
  const table = new Map<string, readonly number[]>();
  const decoder = new TextDecoder(charset, { fatal: true });
  for (const sequence of candidateSequences(charset)) {
    let character: string;
    try {
      character = decoder.decode(Uint8Array.from(sequence));
    } catch {
      continue;
    }
    // The first (lowest) sequence wins: that is the standard mapping where an encoding has
    // duplicates (NEC and IBM extensions in Shift_JIS).
    if (
      character.length >= 1 &&
      character.length <= 2 &&
      !table.has(character) &&
      character !== '\uFFFD'
    ) {
      table.set(character, sequence);
    }
  }
  tables.set(charset, table);
  return table;
}

function* candidateSequences(charset: Exclude<Charset, 'ascii' | 'utf-8'>): Generator<number[]> {
  // Single high bytes first: some decode alone (half-width kana in Shift_JIS, C1 controls
  // in Node's EUC-JP), and the decoder is the authority on which.
  for (let byte = 0x80; byte <= 0xff; byte += 1) {
    yield [byte];
  }
  if (charset === 'shift_jis') {
    yield* pairs([0x81, 0x9f], [0x40, 0xfc]);
    yield* pairs([0xe0, 0xec], [0x40, 0xfc]);
    // NEC-selected IBM extensions (lead 0xED-0xEE) duplicate the IBM ones (0xFA-0xFC); the
    // WHATWG and Windows encoders write the IBM form, so it must win.
    yield* pairs([0xef, 0xfc], [0x40, 0xfc]);
    yield* pairs([0xed, 0xee], [0x40, 0xfc]);
  } else if (charset === 'euc-jp') {
    yield* pairs([0xa1, 0xfe], [0xa1, 0xfe]);
    yield* pairs([0x8e, 0x8e], [0xa1, 0xdf]);
    for (const [second, third] of pairs([0xa1, 0xfe], [0xa1, 0xfe])) {
      yield [0x8f, second as number, third as number];
    }
  } else {
    yield* pairs([0x81, 0xfe], [0x40, 0xfe]);
  }
}

function* pairs(first: [number, number], second: [number, number]): Generator<number[]> {
  for (let lead = first[0]; lead <= first[1]; lead += 1) {
    for (let trail = second[0]; trail <= second[1]; trail += 1) {
      yield [lead, trail];
    }
  }
}
