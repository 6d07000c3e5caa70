/**
 * Glue between commander actions and exit codes.
 */
import { type ExitCode, reportBug } from './output.js';

type Action<A extends unknown[]> = (...args: A) => Promise<ExitCode>;

/**
 * Wraps the action of a command whose work is over when it returns: its result becomes the
 * exit code, anything thrown (a bug, never an expected failure: those are Results) is reported
 * once here (STYLE.md §5), and the process ends as soon as stdout and stderr have written
 * everything. Letting Node wind down by itself tears the heap down first, which after reading
 * a large clp.conf took longer than checking it (issue 3 benchmark).
 */
export function runAction<A extends unknown[]>(action: Action<A>): (...args: A) => Promise<void> {
  const settled = runService(action);
  return async (...args: A) => {
    await settled(...args);
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit();
  };
}

/**
 * Wraps the action of a command that leaves work running when it returns (a server, network
 * sessions closing): the process ends when that work does. `process.exitCode` rather than
 * `process.exit()`, so that nothing is cut short.
 */
export function runService<A extends unknown[]>(action: Action<A>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await action(...args);
    } catch (caught) {
      process.exitCode = reportBug(caught, { json: process.argv.includes('--json') });
    }
  };
}

/** Resolves once everything written to the stream before now is out (or failed, e.g. EPIPE). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}
