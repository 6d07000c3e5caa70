/**
 * Node file-system failures as AppErrors.
 *
 * Node errors are wrapped once, here in the adapter, so that what crosses IPC and reaches the
 * CLI is a value with a kind, the file and a next step (STYLE.md §5).
 */
import { type AppError, type Result, appError, fail, ok } from '../../schemas/index.js';

/** What the user can do about the usual errno codes. */
const ADVICE: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist; check the path',
  EACCES: 'permission denied; check the permissions or choose another folder',
  EPERM: 'operation not permitted; check the permissions or choose another folder',
  EROFS: 'the file system is read-only; choose another folder',
  ENOSPC: 'the disk is full; free some space and try again',
  EDQUOT: 'the disk quota is exhausted; free some space and try again',
  ENOTDIR: 'a file is in the way where a folder is needed; move it away',
  EISDIR: 'a folder is in the way where a file is needed; move it away',
  EEXIST: 'something is already there; move it away',
  EMFILE: 'too many open files; close some programs and try again',
};

/** The errno code of a Node error, if it has one. */
export function errorCode(caught: unknown): string | undefined {
  const code = (caught as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Wraps a thrown Node error as an AppError about `file`.
 *
 * `doing` says what was attempted ("reading", "writing"); the errno code is kept in the
 * message so that support can tell ENOSPC from EACCES.
 */
export function ioError(caught: unknown, file: string, doing: string): AppError {
  const code = errorCode(caught);
  const advice = code ? ADVICE[code] : undefined;
  const detail = advice
    ? `${advice} (${code})`
    : caught instanceof Error
      ? caught.message
      : String(caught);
  return appError(code === 'ENOENT' ? 'not-found' : 'io', `${doing} ${file} failed: ${detail}`, {
    file,
  });
}

/** Runs an fs call; a thrown Node error becomes `{ ok: false }` with `ioError`. */
export async function attempt<T>(
  file: string,
  doing: string,
  action: () => Promise<T>,
): Promise<Result<T>> {
  try {
    return ok(await action());
  } catch (caught) {
    return fail(ioError(caught, file, doing));
  }
}
