/**
 * A value or an expected failure.
 *
 * Fallible functions of the core return this instead of throwing, so errors cross
 * IPC and the CLI with their kind and location intact (STYLE.md §5).
 */
export type Result<T, E = AppError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** An expected failure: what went wrong, where, and what to do next. */
export interface AppError {
  readonly kind: ErrorKind;
  readonly message: string;
  /** File the error is about, when known (filled in by the I/O layer). */
  readonly file?: string;
  /** 1-based line and column in the file, when known. */
  readonly line?: number;
  readonly column?: number;
  /** clpcfadm-style parameter path, when the error is about a parameter. */
  readonly path?: string;
  /** `message` in Japanese, for the UI in Japanese (the command line speaks English). */
  readonly ja?: string;
}

export type ErrorKind =
  | 'xml-syntax'
  | 'encoding'
  | 'not-found'
  | 'conflict'
  | 'invalid-value'
  | 'invalid-name'
  | 'unsafe-path'
  | 'io'
  | 'changed-on-disk'
  | 'usage';

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Wraps an error as a failure. */
export function fail<E = AppError>(error: E): Result<never, E> {
  return { ok: false, error };
}

/** Builds an AppError; a shorthand used across the core. */
export function appError(
  kind: ErrorKind,
  message: string,
  extra: Partial<AppError> = {},
): AppError {
  return { kind, message, ...extra };
}

/** Formats an error as one line: `file:line:column: message`. */
export function formatError(error: AppError): string {
  const where = [error.file, error.line, error.column]
    .filter((part) => part !== undefined)
    .join(':');
  const path = error.path ? ` (${error.path})` : '';
  return `${where ? `${where}: ` : ''}${error.message}${path}`;
}

/** `formatError` with the Japanese message where the error has one. */
export function formatErrorJa(error: AppError): string {
  return formatError({ ...error, message: error.ja ?? error.message });
}

/** Chains fallible steps: each runs on the previous value, the first failure stops the chain. */
export function pipe<T>(start: T, ...steps: ReadonlyArray<(value: T) => Result<T>>): Result<T> {
  let current: Result<T> = ok(start);
  for (const step of steps) {
    if (!current.ok) {
      return current;
    }
    current = step(current.value);
  }
  return current;
}
