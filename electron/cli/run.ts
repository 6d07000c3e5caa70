/**
 * Glue between commander actions and exit codes.
 */
import { type ExitCode, reportBug } from './output.js';

/**
 * Wraps a command's action: its result becomes the exit code, and anything thrown (a bug,
 * never an expected failure: those are Results) is reported once here (STYLE.md §5).
 * `process.exitCode` rather than `process.exit()` so that stdout is flushed before exit.
 */
export function runAction<A extends unknown[]>(
  action: (...args: A) => Promise<ExitCode>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await action(...args);
    } catch (caught) {
      process.exitCode = reportBug(caught, { json: process.argv.includes('--json') });
    }
  };
}
