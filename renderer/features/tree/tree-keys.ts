/**
 * The tree's navigation keys (WAI-ARIA tree view pattern): Up/Down, Home/End, Right opens or
 * goes to the first child, Left closes or goes to the parent.
 */
import type { TreeRow } from './tree-model.js';

/** What a key may do to the tree. */
export interface Moves {
  move(to: number): void;
  setOpen(id: string, isOpen: boolean): void;
}

/** Handles a navigation key on the row at `index`; false when the key is not one. */
export function handleKey(
  key: string,
  row: TreeRow,
  rows: readonly TreeRow[],
  index: number,
  moves: Moves,
): boolean {
  const hasChildren = row.node.children.length > 0;
  const next = rows[index + 1];
  switch (key) {
    case 'ArrowDown':
      moves.move(index + 1);
      return true;
    case 'ArrowUp':
      moves.move(index - 1);
      return true;
    case 'Home':
      moves.move(0);
      return true;
    case 'End':
      moves.move(rows.length - 1);
      return true;
    case 'ArrowRight':
      if (hasChildren && next?.parent === row.node.id) {
        moves.move(index + 1);
      } else if (hasChildren) {
        moves.setOpen(row.node.id, true);
      }
      return true;
    case 'ArrowLeft':
      if (hasChildren && next?.parent === row.node.id) {
        moves.setOpen(row.node.id, false);
      } else if (row.parent !== undefined) {
        moves.move(rows.findIndex((candidate) => candidate.node.id === row.parent));
      }
      return true;
    default:
      return false;
  }
}
