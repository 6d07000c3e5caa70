/**
 * The cluster as an ARIA tree (WAI-ARIA tree view pattern): one tab stop, arrow keys move,
 * Right/Left open and close, Home/End jump; the selection follows the focus.
 */
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import type { Severity } from '../../../schemas/index.js';
import { type TreeNode, type TreeRow, pathTo, visibleRows } from './tree-model.js';

interface Props {
  readonly root: TreeNode;
  readonly selection: string;
  readonly severities: ReadonlyMap<string, Severity>;
  readonly label: string;
  onSelect(id: string): void;
}

function allParents(node: TreeNode, into: Set<string> = new Set()): Set<string> {
  if (node.children.length > 0) {
    into.add(node.id);
    node.children.forEach((child) => allParents(child, into));
  }
  return into;
}

/** The tree; selecting a row reports its id. */
export function ClusterTree({ root, selection, severities, label, onSelect }: Props) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const container = useRef<HTMLUListElement>(null);
  const rows = useMemo(() => {
    // Open by default; the selection's ancestors are always open so it can be seen.
    const expanded = allParents(root);
    collapsed.forEach((id) => expanded.delete(id));
    pathTo(root, selection)
      ?.slice(0, -1)
      .forEach((id) => expanded.add(id));
    return visibleRows(root, expanded);
  }, [root, collapsed, selection]);
  const index = Math.max(
    0,
    rows.findIndex((row) => row.node.id === selection),
  );

  const move = (to: number) => {
    const row = rows[Math.min(rows.length - 1, Math.max(0, to))];
    if (row) {
      onSelect(row.node.id);
      container.current
        ?.querySelector<HTMLElement>(`[data-id="${CSS.escape(row.node.id)}"]`)
        ?.focus();
    }
  };
  const setOpen = (id: string, isOpen: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (isOpen) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });

  const onKeyDown = (event: KeyboardEvent) => {
    const row = rows[index];
    if (!row) {
      return;
    }
    const handled = handleKey(event.key, row, rows, index, { move, setOpen });
    if (handled) {
      event.preventDefault();
    }
  };

  return (
    <ul role="tree" aria-label={label} className="tree" ref={container} onKeyDown={onKeyDown}>
      {rows.map((row, position) => (
        <TreeItem
          key={row.node.id}
          row={row}
          isSelected={position === index}
          isExpanded={row.node.children.length > 0 ? !collapsed.has(row.node.id) : undefined}
          severity={severities.get(row.node.id)}
          onClick={() => onSelect(row.node.id)}
          onToggle={() => setOpen(row.node.id, collapsed.has(row.node.id))}
        />
      ))}
    </ul>
  );
}

interface Moves {
  move(to: number): void;
  setOpen(id: string, isOpen: boolean): void;
}

function handleKey(
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

interface ItemProps {
  readonly row: TreeRow;
  readonly isSelected: boolean;
  readonly isExpanded: boolean | undefined;
  readonly severity: Severity | undefined;
  onClick(): void;
  onToggle(): void;
}

function TreeItem({ row, isSelected, isExpanded, severity, onClick, onToggle }: ItemProps) {
  const { node } = row;
  return (
    <li
      role="treeitem"
      aria-label={node.label}
      aria-level={row.level}
      aria-selected={isSelected}
      aria-expanded={isExpanded}
      tabIndex={isSelected ? 0 : -1}
      data-id={node.id}
      className={`tree-row kind-${node.kind}`}
      style={{ paddingLeft: `${(row.level - 1) * 14 + 6}px` }}
      onClick={onClick}
    >
      <span
        className={`twisty${isExpanded === undefined ? ' none' : ''}`}
        aria-hidden="true"
        onClick={(event) => {
          event.stopPropagation();
          onToggle();
        }}
      >
        {isExpanded === undefined ? '' : isExpanded ? '▾' : '▸'}
      </span>
      <span className={`icon icon-${node.kind}`} aria-hidden="true" />
      <span className="name">{node.label}</span>
      {node.detail ? <span className="detail">{node.detail}</span> : null}
      {severity ? <span className={`dot dot-${severity}`} aria-hidden="true" /> : null}
    </li>
  );
}
