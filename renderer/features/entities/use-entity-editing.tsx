/**
 * The tree's and the toolbar's entity commands, wired to the editor: Delete applies at once
 * (undo brings it back, and the core's refusal shows in the status line); Add, Rename and
 * Duplicate open their dialog, which applies its command and gives focus back to the tree.
 */
import { type ReactNode, useState } from 'react';
import type { ClusterModel, Project } from '../../../schemas/index.js';
import type { Command } from '../../state/editor-state.js';
import type { NodeKind } from '../tree/tree-model.js';
import { type EditRequest, EntityDialog } from './EntityDialog.js';
import { entityRefAt } from './entity-commands.js';
import { type TreeCommand, addTargetFor } from './tree-commands.js';

interface Editing {
  /** Runs a command for the tree node `id`. */
  onCommand(command: TreeCommand, id: string): void;
  /** The open dialog, if any, to render in the window. */
  readonly dialog: ReactNode;
}

/** Entity editing for the open project. */
export function useEntityEditing(
  project: Project,
  model: ClusterModel,
  dispatch: (command: Command) => void,
): Editing {
  const [request, setRequest] = useState<EditRequest | undefined>();
  const onCommand = (command: TreeCommand, id: string) => {
    const entity = entityRefAt(model, id);
    if (command === 'remove') {
      if (entity) {
        dispatch({ type: 'remove-entity', path: id });
      }
    } else if (command === 'add') {
      const kind: NodeKind = entity?.kind ?? (id === 'cluster' ? 'cluster' : 'folder');
      const groupOf = (path: string) =>
        model.resources.find((resource) => resource.path === path)?.group;
      setRequest({ type: 'add', ...addTargetFor({ id, kind }, groupOf) });
    } else if (entity) {
      setRequest({ type: command, path: id });
    }
  };
  const close = () => {
    setRequest(undefined);
    // The dialog is gone after this render; then the tree takes the keyboard again.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="tree"]')?.focus());
  };
  const dialog = request ? (
    <EntityDialog
      request={request}
      project={project}
      model={model}
      onApply={(command) => {
        dispatch(command);
        close();
      }}
      onClose={close}
    />
  ) : null;
  return { onCommand, dialog };
}
