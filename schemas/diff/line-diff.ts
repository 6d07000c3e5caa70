/**
 * A small line diff (longest common subsequence) and its unified-format rendering.
 *
 * Pure: no Node imports, so the UI can show the same script diffs as `clpbuilder diff`.
 * Scripts are small (a few hundred lines); past LIMIT cells the table would cost too much
 * memory, and the diff degrades to "replace everything", which is still correct.
 */

/** One line of an edit script: kept, removed from the old text, or added in the new one. */
export interface LineEdit {
  readonly op: ' ' | '-' | '+';
  readonly text: string;
}

const LIMIT = 4_000_000;

/** Splits text into lines, keeping a missing final newline visible as in diff(1). */
export function splitLines(text: string): string[] {
  if (text === '') {
    return [];
  }
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') {
    lines.pop();
  } else {
    lines[lines.length - 1] += '\n\\ No newline at end of file';
  }
  return lines;
}

/** The edit script turning `before` into `after` (shortest by LCS). */
export function diffLines(before: readonly string[], after: readonly string[]): LineEdit[] {
  if (before.length * after.length > LIMIT) {
    return [
      ...before.map((text) => ({ op: '-' as const, text })),
      ...after.map((text) => ({ op: '+' as const, text })),
    ];
  }
  const table = lcsTable(before, after);
  const edits: LineEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      edits.push({ op: ' ', text: before[i] as string });
      i += 1;
      j += 1;
    } else if (
      i < before.length &&
      (j === after.length ||
        cell(table, after.length, i + 1, j) >= cell(table, after.length, i, j + 1))
    ) {
      // Removals before additions on a tie, as diff(1) prints them.
      edits.push({ op: '-', text: before[i] as string });
      i += 1;
    } else {
      edits.push({ op: '+', text: after[j] as string });
      j += 1;
    }
  }
  return edits;
}

/** table[i][j] = length of the LCS of before[i..] and after[j..], in one flat array. */
function lcsTable(before: readonly string[], after: readonly string[]): Uint32Array {
  const width = after.length + 1;
  const table = new Uint32Array((before.length + 1) * width);
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        before[i] === after[j]
          ? (table[(i + 1) * width + j + 1] as number) + 1
          : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  return table;
}

function cell(table: Uint32Array, afterLength: number, i: number, j: number): number {
  return table[i * (afterLength + 1) + j] as number;
}

/**
 * Renders an edit script as unified diff hunks (`@@ -a,b +c,d @@`) with `context` lines
 * around each change; headers (`--- a/x`, `+++ b/x`) are the caller's.
 */
export function unifiedHunks(edits: readonly LineEdit[], context = 3): string[] {
  const changed = edits.flatMap((edit, index) => (edit.op === ' ' ? [] : [index]));
  const out: string[] = [];
  let cursor = 0;
  while (cursor < changed.length) {
    const start = Math.max(0, (changed[cursor] as number) - context);
    let end = (changed[cursor] as number) + context;
    while (cursor + 1 < changed.length && (changed[cursor + 1] as number) - context <= end + 1) {
      cursor += 1;
      end = (changed[cursor] as number) + context;
    }
    end = Math.min(end, edits.length - 1);
    out.push(
      hunkHeader(edits, start, end),
      ...edits.slice(start, end + 1).map((edit) => `${edit.op}${edit.text}`),
    );
    cursor += 1;
  }
  return out;
}

function hunkHeader(edits: readonly LineEdit[], start: number, end: number): string {
  const before = edits.slice(0, start);
  const oldStart = before.filter((edit) => edit.op !== '+').length;
  const newStart = before.filter((edit) => edit.op !== '-').length;
  const slice = edits.slice(start, end + 1);
  const oldCount = slice.filter((edit) => edit.op !== '+').length;
  const newCount = slice.filter((edit) => edit.op !== '-').length;
  const range = (from: number, count: number) => `${count === 0 ? from : from + 1},${count}`;
  return `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`;
}
