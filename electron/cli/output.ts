/**
 * What the command line prints and the exit codes it returns (reference/cli.md).
 *
 * Human-readable text goes to stdout, messages to stderr; `--json` makes stdout one JSON
 * document, errors included (`{"error": {...}}`), while stderr still gets the message.
 */
import { type AppError, formatError } from '../../schemas/index.js';

/** Exit codes shared by every command (reference/cli.md, "Exit codes"). */
export const EXIT = {
  /** Success (and, for `diff`, no differences). */
  success: 0,
  /** The project has errors (and, for `diff`, differences were found, as diff(1)). */
  findings: 1,
  /** Bad usage or unreadable input: missing file, malformed XML, bad flag or value. */
  trouble: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Options every command takes. */
export interface OutputOptions {
  readonly json?: boolean;
}

/** Writes one line (or several) to stdout. */
export function printLines(lines: readonly string[]): void {
  if (lines.length > 0) {
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

/** Writes one JSON document to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * `printJson` for what carries the Japanese wording the core and the services give the app
 * (`ja` of findings and errors, the `...Ja` twins of the hosts reports' English): the command
 * line speaks English (`--lang ja` words what check, fix and rules say), so it stays out. Only
 * there: a key filter takes JSON.stringify off its fast path (`show --json` of a large project),
 * and would drop a project's own key named `ja`.
 */
export function printJsonInEnglish(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, withoutJapanese, 2)}\n`);
}

/**
 * The keys that hold the app's Japanese: named, not matched by pattern, so that no key from a
 * project (a parameter or an entity named ...Ja) is dropped.
 */
const JAPANESE_KEYS: ReadonlySet<string> = new Set([
  'ja',
  'notesJa',
  'warningsJa',
  'detailJa',
  'reasonJa',
  'noteJa',
]);

function withoutJapanese(key: string, value: unknown): unknown {
  return JAPANESE_KEYS.has(key) ? undefined : value;
}

/** Writes a message to stderr. */
export function printMessage(message: string): void {
  process.stderr.write(`clpbuilder: ${message}\n`);
}

/**
 * Reports an expected failure: `file:line:column: message (path)` on stderr, and the error
 * as JSON on stdout with `--json`. Returns the exit code (always 2: every failure that
 * reaches here is bad input or usage; rule findings are reported by `check`).
 */
export function reportError(error: AppError, options: OutputOptions): ExitCode {
  process.stderr.write(`${formatMessage(error)}\n`);
  if (options.json) {
    printJsonInEnglish({ error });
  }
  return EXIT.trouble;
}

/**
 * `file:line:column: message (path)`, as `formatError`, without saying the file or the path
 * twice when the message already names them (the services' messages often do).
 */
export function formatMessage(error: AppError): string {
  const hasPlace = error.line !== undefined;
  const file =
    !hasPlace && error.file !== undefined && error.message.includes(error.file)
      ? undefined
      : error.file;
  const path =
    error.path !== undefined && error.message.includes(error.path) ? undefined : error.path;
  return formatError({
    kind: error.kind,
    message: error.message,
    ...(file === undefined ? {} : { file }),
    ...(hasPlace ? { line: error.line, column: error.column } : {}),
    ...(path === undefined ? {} : { path }),
  });
}

/** Reports a bug: something thrown that no expected failure covers. */
export function reportBug(caught: unknown, options: OutputOptions): ExitCode {
  const detail = caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
  printMessage(
    `internal error; this is a bug in clpbuilder, please report it with the command you ran:\n${detail}`,
  );
  if (options.json) {
    printJson({
      error: {
        kind: 'internal',
        message: caught instanceof Error ? caught.message : String(caught),
      },
    });
  }
  return EXIT.trouble;
}
