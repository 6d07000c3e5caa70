/**
 * Writing a profile value into a script as data, never as code, in each script's language.
 *
 * Perl and POSIX sh have a quoting in which every character is literal but one or two, so any
 * value can be written safely. cmd.exe has none: `%` expands even inside double quotes, and a
 * value that could break out of its quotes cannot be made safe, so it is refused, naming the
 * field (issue 4, "Safety").
 */
import { type Result, appError, fail, ok } from '../schemas/result.js';

/**
 * A Perl single-quoted string literal. Inside `'...'` only `\\` and `\'` mean anything, so
 * `$`, `@`, backticks, `;` and newlines stay plain characters (perlop, "Quote and Quote-like
 * Operators").
 */
export function perlString(value: string): string {
  return `'${value.replace(/[\\']/g, (character) => `\\${character}`)}'`;
}

/** A Perl integer literal from a checked whole number. */
export function perlInteger(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`not a whole number: ${value}`); // the profile schema checked it: a bug
  }
  return String(value);
}

/**
 * A POSIX sh single-quoted word. Nothing is special inside `'...'` (POSIX XCU 2.2.2); a quote
 * itself is written by closing the quotes, adding `\'`, and opening them again.
 */
export function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

// cmd.exe expands %VAR% even inside quotes; ^ & | < > end or redirect a command outside
// them; a " would end the quoting; line breaks end the command. Nothing escapes all of these
// in every context (cmd /?; `set /?`), so values holding them are refused.
const UNSAFE_FOR_CMD = /[%^&|<>"\r\n]/;

/**
 * A double-quoted argument for a .bat file, or an error naming the field when the value holds
 * a character cmd.exe could act on, a control character, or a non-ASCII character (cmd.exe
 * reads a .bat in the console's code page, so such a character might reach the program as
 * another one).
 */
export function batchArgument(value: string, field: string): Result<string> {
  const unsafe = UNSAFE_FOR_CMD.exec(value) ?? /[\x00-\x1f\x7f]|[^\x00-\x7f]/.exec(value);
  if (unsafe) {
    const shown = /[\x00-\x1f\x7f]|[^\x00-\x7f]/.test(unsafe[0])
      ? `U+${(unsafe[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
      : unsafe[0];
    return fail(
      appError(
        'invalid-value',
        `${field}: "${printable(value)}" holds ${shown}, which a Windows batch file cannot pass on safely; use a value without % ^ & | < > " line breaks or non-ASCII characters`,
        {
          path: field,
          ja: `${field}: "${printable(value)}" には ${shown} が含まれています。Windows のバッチファイルでは安全に渡せません。% ^ & | < > "、改行、非 ASCII 文字を含まない値を使用してください`,
        },
      ),
    );
  }
  return ok(`"${value}"`);
}

function printable(value: string): string {
  return value.replace(
    /[\x00-\x1f\x7f]/g,
    (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
