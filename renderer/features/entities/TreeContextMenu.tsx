/**
 * The tree's context menu (WAI-ARIA menu pattern): Add, Rename, Duplicate, Delete for the
 * row it opened on, with their shortcuts shown. Focus goes to the first item; arrows move,
 * Escape or Tab closes and gives focus back to the tree; a click elsewhere closes it.
 */
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreeNode } from '../tree/tree-model.js';
import { TREE_SHORTCUTS, type TreeCommand, addTargetFor, isEntityNode } from './tree-commands.js';

/** Where the menu opens (viewport pixels) and for which node. */
export interface MenuPlace {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

interface Props {
  readonly place: MenuPlace;
  readonly node: TreeNode;
  onCommand(command: TreeCommand): void;
  onClose(): void;
}

/** The menu, positioned inside the viewport. */
export function TreeContextMenu({ place, node, onCommand, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const isEntity = isEntityNode(node.kind);
  const addKind = addTargetFor(node, () => undefined).kind;
  const items: ReadonlyArray<{ command: TreeCommand; label: string; enabled: boolean }> = [
    { command: 'add', label: t('entities.addKind', { kind: t(`kind.${addKind}`) }), enabled: true },
    { command: 'rename', label: t('entities.rename'), enabled: isEntity },
    { command: 'duplicate', label: t('entities.duplicate'), enabled: isEntity },
    { command: 'remove', label: t('entities.remove'), enabled: isEntity },
  ];

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) {
      return;
    }
    // Keep the whole menu on screen when opened near the bottom or right edge.
    const box = menu.getBoundingClientRect();
    menu.style.left = `${Math.max(0, Math.min(place.x, window.innerWidth - box.width - 4))}px`;
    menu.style.top = `${Math.max(0, Math.min(place.y, window.innerHeight - box.height - 4))}px`;
    menu.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [place]);
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) {
        onClose();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const enabled = Array.from(
      ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ??
        [],
    );
    const at = enabled.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => enabled[(index + enabled.length) % enabled.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(at + 1);
        break;
      case 'ArrowUp':
        focus(at - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(enabled.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={t('entities.menu', { name: node.label })}
      className="context-menu"
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.command}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={!item.enabled}
          aria-keyshortcuts={TREE_SHORTCUTS[item.command].replace('Ctrl', 'Control')}
          className={item.command === 'remove' ? 'danger' : undefined}
          onClick={() => (item.enabled ? onCommand(item.command) : undefined)}
        >
          <span>{item.label}</span>
          <kbd>{TREE_SHORTCUTS[item.command]}</kbd>
        </button>
      ))}
    </div>
  );
}
