/**
 * How a script's bytes are laid out: byte-order mark and line endings (CF013). A script
 * saved on the other OS than the one that runs it fails in ways its text does not show: on
 * Linux a CRLF `#!` line names the interpreter `/bin/sh\r`, which does not exist.
 *
 * Bytes, not text: CR and LF are the same bytes in UTF-8, EUC-JP and Shift_JIS (no
 * multi-byte character of those uses 0x0A or 0x0D), so no charset needs guessing.
 */
import { hasUtf8Bom } from '../codec/charset.js';

const CR = 0x0d;
const LF = 0x0a;
// The UTF-8 byte-order mark's length: what re-laying drops and the #! line starts after.
const UTF8_BOM_LENGTH = 3;

export interface ScriptLayout {
  /** The byte-order mark the script starts with, if any. */
  readonly bom: 'utf-8' | 'utf-16' | undefined;
  /** Lines ending in CR LF, and the first of them (1-based). */
  readonly crlf: { readonly count: number; readonly first: number | undefined };
  /** Lines ending in a bare LF, and the first of them (1-based). */
  readonly lf: { readonly count: number; readonly first: number | undefined };
  /** Every line, the last one counted even without its line ending. */
  readonly lines: number;
  /**
   * The first line's `#!` command (`/bin/sh`) and the rest of it (Linux passes that as one
   * argument: `-w`, or `bash` after `/usr/bin/env`), after any UTF-8 byte-order mark.
   */
  readonly shebang: { readonly command: string; readonly argument: string } | undefined;
  /** Whether the first line ends in CR LF. */
  readonly firstLineCrlf: boolean;
}

// A project's scripts are read once per change, not once per check (the same bytes object
// while the script is unchanged): 7,500 of them in the benchmark's 10,000-resource cluster.
const layouts = new WeakMap<Uint8Array, ScriptLayout>();

/** Reads a script's layout in one pass over its bytes. */
export function layoutOf(bytes: Uint8Array): ScriptLayout {
  let layout = layouts.get(bytes);
  if (layout === undefined) {
    layout = readLayout(bytes);
    layouts.set(bytes, layout);
  }
  return layout;
}

function readLayout(bytes: Uint8Array): ScriptLayout {
  let crlf = 0;
  let lf = 0;
  let firstCrlf: number | undefined;
  let firstLf: number | undefined;
  let line = 1;
  for (let index = 0; index < bytes.length; index += 1) {
    if (bytes[index] !== LF) {
      continue;
    }
    if (index > 0 && bytes[index - 1] === CR) {
      crlf += 1;
      firstCrlf ??= line;
    } else {
      lf += 1;
      firstLf ??= line;
    }
    line += 1;
  }
  const endsOpen = bytes.length > 0 && bytes[bytes.length - 1] !== LF;
  return {
    bom: bomOf(bytes),
    crlf: { count: crlf, first: firstCrlf },
    lf: { count: lf, first: firstLf },
    lines: crlf + lf + (endsOpen ? 1 : 0),
    shebang: shebangOf(bytes),
    firstLineCrlf: firstCrlf === 1,
  };
}

function bomOf(bytes: Uint8Array): ScriptLayout['bom'] {
  if (hasUtf8Bom(bytes)) {
    return 'utf-8';
  }
  const [first, second] = bytes;
  return (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)
    ? 'utf-16'
    : undefined;
}

function shebangOf(bytes: Uint8Array): ScriptLayout['shebang'] {
  const start = hasUtf8Bom(bytes) ? UTF8_BOM_LENGTH : 0;
  if (bytes[start] !== 0x23 /* # */ || bytes[start + 1] !== 0x21 /* ! */) {
    return undefined;
  }
  let end = start + 2;
  while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) {
    end += 1;
  }
  const line = asciiOrUtf8(bytes.subarray(start + 2, end)).trim();
  const [command = '', ...rest] = line.split(/[ \t]+/);
  return command === '' ? undefined : { command, argument: rest.join(' ') };
}

/**
 * The same script with no UTF-8 byte-order mark and every line ending as `eol`: all that
 * changes is those bytes, so the text and its charset stay as they are. The carriage returns
 * before a line feed all go (`\r\r\n`, from converting twice), so that the result is clean.
 */
export function relaid(bytes: Uint8Array, eol: 'lf' | 'crlf'): Uint8Array {
  const start = hasUtf8Bom(bytes) ? UTF8_BOM_LENGTH : 0;
  const out: number[] = [];
  for (let index = start; index < bytes.length; index += 1) {
    const byte = bytes[index] as number;
    if (byte === CR && endsLine(bytes, index)) {
      continue;
    }
    if (byte === LF && eol === 'crlf') {
      out.push(CR);
    }
    out.push(byte);
  }
  return Uint8Array.from(out);
}

/** Whether only carriage returns stand between `index` and the next line feed. */
function endsLine(bytes: Uint8Array, index: number): boolean {
  let next = index;
  while (bytes[next] === CR) {
    next += 1;
  }
  return bytes[next] === LF;
}

// An interpreter line is ASCII nearly always: read it without a decoder, which costs more to
// make than the rest of reading a small script. Other bytes show as UTF-8 (U+FFFD if not).
function asciiOrUtf8(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    if (byte >= 0x80) {
      return new TextDecoder().decode(bytes);
    }
    text += String.fromCharCode(byte);
  }
  return text;
}
