/**
 * clpcfadm-style parameter paths: `<section>/<type>@<name>/<sub/path>` (reference/cli.md).
 *
 * `elem@key` addresses `<elem name="key">` or `<elem id="key">`; the key is everything after
 * the first `@`, so a group member `resource@exec@exec1` works.
 */
import { type Result, appError, fail, ok } from '../result.js';
import { type XmlElement, attributeValue } from '../codec/tree.js';

export interface PathSegment {
  readonly name: string;
  readonly key?: string;
}

/** Where an element sits: the child indices from the root element down to it. */
export interface Located {
  readonly element: XmlElement;
  readonly indices: readonly number[];
}

// Children keyed by `id` rather than `name` (clpconf-format.md §2.1, from clpcfset's make_child_node).
const ID_KEYED = new Set([
  'device',
  'list',
  'hba',
  'grp',
  'servers',
  'netdev',
  'smtpsrv',
  'snmpsrv',
  'module',
]);

/** Which attribute carries the key of an element of this name. */
export function keyAttributeFor(elementName: string): 'id' | 'name' {
  return ID_KEYED.has(elementName) ? 'id' : 'name';
}

/** Parses a path; an empty segment or name is an error naming the path. */
export function parsePath(path: string): Result<PathSegment[]> {
  const trimmed = path.replace(/^\/+|\/+$/g, '').replace(/^root\//, '');
  if (trimmed === '') {
    return fail(
      appError(
        'usage',
        'empty parameter path; write it like resource/exec@exec1/parameters/act/path',
        {
          ja: 'パラメータのパスが空です。resource/exec@exec1/parameters/act/path のように書いてください',
        },
      ),
    );
  }
  const segments: PathSegment[] = [];
  for (const part of trimmed.split('/')) {
    const at = part.indexOf('@');
    const name = at === -1 ? part : part.slice(0, at);
    if (!/^[A-Za-z_][-A-Za-z0-9._]*$/.test(name)) {
      return fail(
        appError('usage', `"${part}" is not a valid path segment in ${path}`, {
          path,
          ja: `"${part}" は ${path} のパスの区切りとして正しくありません`,
        }),
      );
    }
    segments.push(at === -1 ? { name } : { name, key: part.slice(at + 1) });
  }
  return ok(segments);
}

/** Formats segments back into a path. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments
    .map((segment) => (segment.key === undefined ? segment.name : `${segment.name}@${segment.key}`))
    .join('/');
}

/** Whether an element matches a segment. */
export function matchesSegment(element: XmlElement, segment: PathSegment): boolean {
  if (element.name !== segment.name) {
    return false;
  }
  if (segment.key === undefined) {
    return true;
  }
  return (
    attributeValue(element, keyAttributeFor(element.name)) === segment.key ||
    attributeValue(element, 'name') === segment.key
  );
}

/**
 * Finds the element a path names, searching every matching sibling: hand-edited files
 * scatter sections (two `<resource>` blocks, groups after `<webmgr>`), and the product does
 * not mind (clpconf-format.md §1).
 */
export function locate(root: XmlElement, segments: readonly PathSegment[]): Located | undefined {
  return locateFrom(root, segments, 0, []);
}

function locateFrom(
  element: XmlElement,
  segments: readonly PathSegment[],
  depth: number,
  indices: number[],
): Located | undefined {
  if (depth === segments.length) {
    return { element, indices };
  }
  const segment = segments[depth] as PathSegment;
  for (let index = 0; index < element.children.length; index += 1) {
    const child = element.children[index];
    if (child?.kind === 'element' && matchesSegment(child, segment)) {
      const found = locateFrom(child, segments, depth + 1, [...indices, index]);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

/** The longest prefix of the path that exists, preferring the first matching branch. */
export function locateDeepest(
  root: XmlElement,
  segments: readonly PathSegment[],
): { located: Located; depth: number } {
  let best = { located: { element: root, indices: [] as readonly number[] }, depth: 0 };
  for (let depth = segments.length; depth > 0; depth -= 1) {
    const found = locate(root, segments.slice(0, depth));
    if (found) {
      best = { located: found, depth };
      break;
    }
  }
  return best;
}

/** Every element matching the segments (used to list entities across scattered sections). */
export function locateAll(root: XmlElement, segments: readonly PathSegment[]): Located[] {
  const results: Located[] = [];
  collect(root, segments, 0, [], results);
  return results;
}

function collect(
  element: XmlElement,
  segments: readonly PathSegment[],
  depth: number,
  indices: number[],
  results: Located[],
): void {
  if (depth === segments.length) {
    results.push({ element, indices });
    return;
  }
  const segment = segments[depth] as PathSegment;
  element.children.forEach((child, index) => {
    if (child.kind === 'element' && matchesSegment(child, segment)) {
      collect(child, segments, depth + 1, [...indices, index], results);
    }
  });
}
