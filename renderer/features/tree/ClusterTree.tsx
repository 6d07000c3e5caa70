/**
 * The cluster as an ARIA tree (WAI-ARIA tree view pattern): one tab stop, arrow keys move,
 * Right/Left open and close, Home/End jump, letters jump by name (typeahead); the selection
 * follows the focus. A filter box narrows it to matching entities. Only the rows in view are
 * in the DOM (@tanstack/react-virtual), so every row states its level, place and set size.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../schemas/index.js';
import { type MenuPlace, TreeContextMenu } from '../entities/TreeContextMenu.js';
import { type TreeCommand, commandForKey } from '../entities/tree-commands.js';
import { TreeItem } from './TreeItem.js';
import { handleKey } from './tree-keys.js';
import {
  type TreeNode,
  type TreeRow,
  filterTree,
  parentIds,
  pathTo,
  typeaheadMatch,
  visibleRows,
} from './tree-model.js';

interface Props {
  readonly root: TreeNode;
  readonly selection: string;
  readonly severities: ReadonlyMap<string, Severity>;
  readonly label: string;
  onSelect(id: string): void;
  /** Add, remove, rename or duplicate, from the keyboard or the context menu. */
  onCommand(command: TreeCommand, id: string): void;
}

/** Row height in pixels; fixed, so the virtualizer never measures. */
export const ROW_HEIGHT = 24;
// Typeahead keeps typed letters together while they come faster than this (WAI-ARIA APG).
const TYPEAHEAD_MS = 600;

/** The tree with its filter box; selecting a row reports its id. */
export function ClusterTree({ root, selection, severities, label, onSelect, onCommand }: Props) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [menu, setMenu] = useState<MenuPlace | undefined>();
  const tree = useRef<HTMLUListElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const baseId = useId();

  const shown = useMemo(() => filterTree(root, filter), [root, filter]);
  const isFiltering = filter.trim() !== '';
  const expanded = useMemo(() => {
    // Open by default, and while filtering every match is shown whatever was closed before.
    const open = shown ? parentIds(shown) : new Set<string>();
    if (!isFiltering) {
      collapsed.forEach((id) => open.delete(id));
    }
    return open;
  }, [shown, isFiltering, collapsed]);
  // The selection's closed ancestors open so it can be seen; usually there are none, and
  // the rows (a walk of the whole tree) are not rebuilt when only the selection moves.
  const closedAncestors = (shown && pathTo(shown, selection)?.slice(0, -1)) ?? [];
  const forced = closedAncestors.filter((id) => !expanded.has(id)).join('\n');
  const rows = useMemo(() => {
    if (!shown) {
      return [];
    }
    const open = forced === '' ? expanded : new Set([...expanded, ...forced.split('\n')]);
    return visibleRows(shown, open);
  }, [shown, expanded, forced]);
  const selectedIndex = rows.findIndex((row) => row.node.id === selection);
  const index = Math.max(0, selectedIndex);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useEffect(() => {
    if (selectedIndex >= 0) {
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    }
  }, [selectedIndex, virtualizer]);

  const move = (to: number) => {
    const row = rows[Math.min(rows.length - 1, Math.max(0, to))];
    if (row) {
      onSelect(row.node.id);
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
  const openMenu = (id: string, place: Omit<MenuPlace, 'id'>) => {
    onSelect(id);
    setMenu({ id, ...place });
  };
  const closeMenu = () => {
    setMenu(undefined);
    tree.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const row = rows[index];
    if (!row) {
      return;
    }
    const command = commandForKey(event);
    if (command === 'menu') {
      const box = document.getElementById(rowId(baseId, index))?.getBoundingClientRect();
      openMenu(row.node.id, { x: (box?.left ?? 0) + 24, y: box?.bottom ?? 0 });
    } else if (command) {
      onCommand(command, row.node.id);
    } else if (!handleKey(event.key, row, rows, index, { move, setOpen })) {
      if (!typeahead(event)) {
        return;
      }
    }
    event.preventDefault();
  };
  const typeahead = (event: KeyboardEvent): boolean => {
    const isLetter = event.key.length === 1 && event.key !== ' ';
    if (!isLetter || event.ctrlKey || event.metaKey || event.altKey) {
      return false;
    }
    const now = event.timeStamp;
    const text = now - typed.current.at < TYPEAHEAD_MS ? typed.current.text + event.key : event.key;
    typed.current = { text, at: now };
    const found = typeaheadMatch(rows, index, text);
    if (found !== undefined) {
      move(found);
    }
    return true;
  };

  const menuNode = menu && findNode(root, menu.id);
  return (
    <div className="tree-pane">
      <input
        type="search"
        className="tree-filter"
        placeholder={t('tree.filterPlaceholder')}
        aria-label={t('tree.filter')}
        aria-controls={`${baseId}-tree`}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            tree.current?.focus();
          } else if (event.key === 'Escape') {
            setFilter('');
          }
        }}
      />
      <div className="tree-scroll" ref={scroller}>
        {rows.length === 0 ? <p className="empty">{t('tree.noMatch', { filter })}</p> : null}
        <ul
          id={`${baseId}-tree`}
          role="tree"
          aria-label={label}
          className="tree"
          ref={tree}
          tabIndex={0}
          aria-activedescendant={rows[index] ? rowId(baseId, index) : undefined}
          onKeyDown={onKeyDown}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as TreeRow;
            return (
              <TreeItem
                key={row.node.id}
                id={rowId(baseId, item.index)}
                top={item.start}
                row={row}
                isSelected={item.index === selectedIndex}
                isExpanded={isExpandedRow(row, rows[item.index + 1])}
                severity={severities.get(row.node.id)}
                severityLabel={(severity) => t(`severity.${severity}`)}
                onClick={() => onSelect(row.node.id)}
                onToggle={() => setOpen(row.node.id, !isExpandedRow(row, rows[item.index + 1]))}
                onContextMenu={(event) => {
                  event.preventDefault();
                  openMenu(row.node.id, { x: event.clientX, y: event.clientY });
                }}
              />
            );
          })}
        </ul>
      </div>
      {menu && menuNode ? (
        <TreeContextMenu
          place={menu}
          node={menuNode}
          onCommand={(command) => {
            closeMenu();
            onCommand(command, menu.id);
          }}
          onClose={closeMenu}
        />
      ) : null}
    </div>
  );
}

function rowId(baseId: string, index: number): string {
  return `${baseId}-row-${index}`;
}

function isExpandedRow(row: TreeRow, next: TreeRow | undefined): boolean | undefined {
  return row.node.children.length > 0 ? next?.parent === row.node.id : undefined;
}

function findNode(root: TreeNode, id: string): TreeNode | undefined {
  if (root.id === id) {
    return root;
  }
  for (const child of root.children) {
    const found = findNode(child, id);
    if (found) {
      return found;
    }
  }
  return undefined;
}
