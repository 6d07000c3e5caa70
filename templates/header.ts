/**
 * The header line of a generated script: which template made it, from which parameters, and
 * a hash of everything else in the file, so that a script edited by hand since, or stale
 * against the profile, can be told from a freshly generated one.
 *
 * `# clpbuilder-template: vm/vmpower.start.pl v1 params=<16 hex> body=<16 hex>`
 * (`rem` instead of `#` in .bat files). Imports nothing of the core, so the rules engine may
 * use it without an import cycle.
 */
import { sha256Hex } from './hash.js';

const MARK = 'clpbuilder-template:';
const HEADER =
  /^(?:#|rem) clpbuilder-template: (\S+) v(\d+) params=([0-9a-f]{16}) body=([0-9a-f]{16})[ \t]*$/i;
/** The header sits within the first lines: after a `#!` line, or after `@echo off`. */
const HEADER_SEARCH_LINES = 3;

/** What a header says. */
export interface ScriptHeader {
  readonly template: string;
  readonly version: number;
  /** Hash of the template's parameters when it was generated. */
  readonly params: string;
  /** Hash of the file without the header line when it was generated. */
  readonly body: string;
}

/** What the current profile would generate for a script: compared with its header. */
export interface ExpectedScript {
  readonly template: string;
  readonly version: number;
  readonly params: string;
}

/**
 * `generated`: as generated, and what the profile generates now; `edited`: changed by hand
 * since (reported even when also stale: regenerating would lose the edit); `stale`: untouched
 * but generated from other parameters or an older template; `foreign`: no header (written by
 * hand or by another tool).
 */
export type ScriptStatus = 'generated' | 'edited' | 'stale' | 'foreign';

/** A short hash: 64 bits are plenty to tell versions of one script apart. */
export function shortHash(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

/** The hash of a template's parameters: id, version and values, in a stable order. */
export function hashParameters(
  template: string,
  version: number,
  parameters: Readonly<Record<string, unknown>>,
): string {
  const sorted = Object.keys(parameters)
    .sort()
    .map((key) => [key, parameters[key]]);
  return shortHash(JSON.stringify([template, version, sorted]));
}

function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

// Line endings are not content: an editor or a transfer may turn LF into CRLF and back.
function bodyHash(lines: readonly string[], headerIndex: number): string {
  const body = lines.filter((_, index) => index !== headerIndex).join('');
  return shortHash(body.replace(/\r\n/g, '\n'));
}

/**
 * Inserts the header line into generated text at line `at` (0 first) and returns the
 * stamped text. `comment` is `#` for Perl and sh, `rem` for .bat.
 */
export function stampScript(
  text: string,
  at: number,
  comment: '#' | 'rem',
  expected: ExpectedScript,
): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = splitLines(text);
  const body = shortHash(lines.join('').replace(/\r\n/g, '\n'));
  const header = `${comment} ${MARK} ${expected.template} v${expected.version} params=${expected.params} body=${body}${eol}`;
  lines.splice(at, 0, header);
  return lines.join('');
}

function findHeader(lines: readonly string[]): { index: number; header: ScriptHeader } | undefined {
  for (let index = 0; index < Math.min(HEADER_SEARCH_LINES, lines.length); index += 1) {
    const match = HEADER.exec((lines[index] as string).replace(/\r?\n$/, ''));
    if (match) {
      const [, template, version, params, body] = match as unknown as [
        string,
        string,
        string,
        string,
        string,
      ];
      return { index, header: { template, version: Number(version), params, body } };
    }
  }
  return undefined;
}

/** Reads the header of a script, or undefined when it has none. */
export function readScriptHeader(text: string): ScriptHeader | undefined {
  return findHeader(splitLines(text))?.header;
}

/** Whether a script is as generated, edited by hand, stale against `expected`, or not ours. */
export function scriptStatus(text: string, expected?: ExpectedScript): ScriptStatus {
  const lines = splitLines(text);
  const found = findHeader(lines);
  if (!found) {
    return 'foreign';
  }
  if (bodyHash(lines, found.index) !== found.header.body) {
    return 'edited';
  }
  const isCurrent =
    expected === undefined ||
    (expected.template === found.header.template &&
      expected.version === found.header.version &&
      expected.params === found.header.params);
  return isCurrent ? 'generated' : 'stale';
}
