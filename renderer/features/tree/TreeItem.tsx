/**
 * One row of the virtualized tree: placed by its offset, with its ARIA (level, place in its
 * set, open state), twisty, icon, name, type and status dot.
 */
import type { MouseEvent } from 'react';
import type { Severity } from '../../../schemas/index.js';
import { TreeIcon } from './TreeIcon.js';
import type { TreeRow } from './tree-model.js';

/** A row and what it reports. */
export interface ItemProps {
  readonly id: string;
  readonly top: number;
  readonly row: TreeRow;
  readonly isSelected: boolean;
  readonly isExpanded: boolean | undefined;
  readonly severity: Severity | undefined;
  severityLabel(severity: Severity): string;
  onClick(): void;
  onToggle(): void;
  onContextMenu(event: MouseEvent): void;
}

/** The row; `top` is its offset in pixels from the top of the list. */
export function TreeItem(props: ItemProps) {
  const { row, isSelected, isExpanded, severity } = props;
  const { node } = row;
  return (
    <li
      id={props.id}
      role="treeitem"
      aria-label={node.label}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.position}
      aria-selected={isSelected}
      aria-expanded={isExpanded}
      data-id={node.id}
      className={`tree-row kind-${node.kind}`}
      style={{
        transform: `translateY(${props.top}px)`,
        paddingLeft: `${(row.level - 1) * 14 + 6}px`,
      }}
      onClick={props.onClick}
      onContextMenu={props.onContextMenu}
    >
      <span
        className={`twisty${isExpanded === undefined ? ' none' : ''}`}
        aria-hidden="true"
        onClick={(event) => {
          event.stopPropagation();
          props.onToggle();
        }}
      >
        {isExpanded === undefined ? '' : isExpanded ? '▾' : '▸'}
      </span>
      <TreeIcon kind={node.kind} type={node.detail} />
      <span className="name">{node.label}</span>
      {node.detail ? <span className="detail">{node.detail}</span> : null}
      {severity ? (
        <span
          className={`dot dot-${severity}`}
          role="img"
          aria-label={props.severityLabel(severity)}
        />
      ) : null}
    </li>
  );
}
