/**
 * Builds in-memory projects from fixture bytes for the core's tests.
 */
import {
  decodeClpConf,
  defaultProjectMeta,
  type Project,
  type Result,
  serializeClpConf,
} from '../../schemas/index.js';

/** A project around a decoded clp.conf; throws on a decoding error (a broken fixture). */
export function projectFrom(bytes: Uint8Array): Project {
  const decoded = decodeClpConf(bytes);
  if (!decoded.ok) {
    throw new Error(`fixture does not decode: ${decoded.error.message}`);
  }
  return { conf: decoded.value, scripts: new Map(), meta: defaultProjectMeta() };
}

/** The value of a successful result; throws with the error's message otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(`${result.error.kind}: ${result.error.message}`);
  }
  return result.value;
}

/** Lines of a project's clp.conf. */
export function confLines(project: Project): string[] {
  return serializeClpConf(project.conf).split('\n');
}

/** Lines present in `after` but not in `before`, and the reverse (multiset difference). */
export function lineChanges(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  const count = (lines: readonly string[]) =>
    lines.reduce((map, line) => map.set(line, (map.get(line) ?? 0) + 1), new Map<string, number>());
  const beforeCount = count(before);
  const afterCount = count(after);
  const diff = (a: Map<string, number>, b: Map<string, number>) =>
    [...a].flatMap(([line, n]) => Array<string>(Math.max(0, n - (b.get(line) ?? 0))).fill(line));
  return { added: diff(afterCount, beforeCount), removed: diff(beforeCount, afterCount) };
}
