import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LineEdit, diffLines, splitLines, unifiedHunks } from './line-diff.js';

const side = (edits: readonly LineEdit[], keep: '-' | '+') =>
  edits.filter((edit) => edit.op !== (keep === '-' ? '+' : '-')).map((edit) => edit.text);

describe('diffLines', () => {
  it('rebuilds both sides and keeps as many lines as the longest common subsequence', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const edits = diffLines(before, after);
        expect(side(edits, '-')).toEqual(before);
        expect(side(edits, '+')).toEqual(after);
        expect(edits.filter((edit) => edit.op === ' ').length).toBe(lcsLength(before, after));
      }),
    );
  });

  it('puts removals before additions, as diff(1)', () => {
    expect(diffLines(['x'], ['y']).map((edit) => edit.op)).toEqual(['-', '+']);
  });
});

describe('unifiedHunks', () => {
  it('writes diff -u hunks with three lines of context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
    const after = ['1', '2', '3', '4', '5', 'six', '7', '8', '9', '10'];
    expect(unifiedHunks(diffLines(before, after))).toEqual([
      '@@ -3,7 +3,7 @@',
      ' 3',
      ' 4',
      ' 5',
      '-6',
      '+six',
      ' 7',
      ' 8',
      ' 9',
    ]);
  });

  it('numbers an empty side as diff(1) does', () => {
    expect(unifiedHunks(diffLines([], ['a']))).toEqual(['@@ -0,0 +1,1 @@', '+a']);
  });

  it('marks a missing final newline', () => {
    expect(splitLines('a\nb')).toEqual(['a', 'b\n\\ No newline at end of file']);
    expect(splitLines('a\r\nb\r\n')).toEqual(['a', 'b']);
  });
});

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
