/**
 * Differences between two scripts trees: files added, removed or changed, with a unified
 * diff for changed text files.
 *
 * Pure (no `node:` imports), like diff-model.ts, which it serves.
 */
import { hasUtf8Bom } from '../codec/charset.js';
import type { ScriptFile } from '../project.js';
import { diffLines, splitLines, unifiedHunks } from './line-diff.js';

export interface ScriptDifference {
  /** Relative to scripts/, `/`-separated. */
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly binary: boolean;
  /** Unified diff hunks for changed text files (empty when only line endings or mode differ). */
  readonly hunks: readonly string[];
  /**
   * What changed in a text file that its hunks cannot show: the byte-order mark, and the line
   * endings where they are all that changed. Absent when there is none.
   */
  readonly unseen?: readonly UnseenChange[];
  readonly executable?: { readonly before: boolean; readonly after: boolean };
}

export type UnseenChange = 'byte-order-mark' | 'line-endings';

/** Compares the scripts trees: added, removed, and changed files with their text diff. */
export function diffScripts(
  before: ReadonlyMap<string, ScriptFile>,
  after: ReadonlyMap<string, ScriptFile>,
): ScriptDifference[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.flatMap((path) => {
    const old = before.get(path);
    const current = after.get(path);
    if (!old) {
      return [{ path, change: 'added' as const, binary: !isText(current?.bytes), hunks: [] }];
    }
    if (!current) {
      return [{ path, change: 'removed' as const, binary: !isText(old.bytes), hunks: [] }];
    }
    return sameFile(old, current) ? [] : [changedScript(path, old, current)];
  });
}

function sameFile(a: ScriptFile, b: ScriptFile): boolean {
  return (
    a.executable === b.executable &&
    a.bytes.length === b.bytes.length &&
    a.bytes.every((byte, index) => byte === b.bytes[index])
  );
}

function changedScript(path: string, old: ScriptFile, current: ScriptFile): ScriptDifference {
  const executable =
    old.executable === current.executable
      ? {}
      : { executable: { before: old.executable, after: current.executable } };
  const oldText = textOf(old.bytes);
  const newText = textOf(current.bytes);
  if (oldText === undefined || newText === undefined) {
    return { path, change: 'changed', binary: true, hunks: [], ...executable };
  }
  const hunks = unifiedHunks(diffLines(splitLines(oldText), splitLines(newText)));
  const unseen: UnseenChange[] = [];
  if (hasUtf8Bom(old.bytes) !== hasUtf8Bom(current.bytes)) {
    unseen.push('byte-order-mark');
  }
  // The decoder drops a byte-order mark, so texts that still differ differ in line endings.
  if (hunks.length === 0 && oldText !== newText) {
    unseen.push('line-endings');
  }
  return {
    path,
    change: 'changed',
    binary: false,
    hunks,
    ...(unseen.length > 0 ? { unseen } : {}),
    ...executable,
  };
}

/** UTF-8 text without NUL bytes; anything else is compared as binary. */
function textOf(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes || bytes.includes(0)) {
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isText(bytes: Uint8Array | undefined): boolean {
  return textOf(bytes) !== undefined;
}
