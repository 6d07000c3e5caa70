/**
 * The top bar: the project, its dirty marker, undo/redo, save, and the hosts dialogs.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TREE_SHORTCUTS, type TreeCommand } from '../features/entities/tree-commands.js';

interface Props {
  readonly title: string;
  readonly path: string;
  readonly isDirty: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onSave(): void;
  onUpload(): void;
  onDownload(): void;
  /** Add, rename, duplicate or remove at the tree's selection. */
  onEntityCommand?(command: TreeCommand): void;
  /** Whether the selection is an entity (rename, duplicate and delete apply). */
  readonly isEntitySelected?: boolean;
  /** The File menu (features/files). */
  readonly fileMenu?: ReactNode;
}

/** The toolbar of an open project. */
export function Toolbar(props: Props) {
  const { title, path, isDirty, canUndo, canRedo, onUndo, onRedo, onSave } = props;
  const { t } = useTranslation();
  return (
    <header className="toolbar">
      <span className="brand">{t('app.title')}</span>
      {props.fileMenu}
      <span className="project" title={path}>
        {title}
        <span className="project-path">{path}</span>
        {isDirty ? (
          <span className="dirty" aria-label={t('app.dirty')} title={t('app.dirty')}>
            ●
          </span>
        ) : null}
      </span>
      <span className="spacer" />
      {props.onEntityCommand ? (
        <EntityButtons
          onCommand={props.onEntityCommand}
          isEntitySelected={props.isEntitySelected ?? false}
        />
      ) : null}
      <button type="button" onClick={onUndo} disabled={!canUndo} title="Ctrl+Z">
        {t('toolbar.undo')}
      </button>
      <button type="button" onClick={onRedo} disabled={!canRedo} title="Ctrl+Shift+Z">
        {t('toolbar.redo')}
      </button>
      <button type="button" className="primary" onClick={onSave} disabled={!isDirty} title="Ctrl+S">
        {t('toolbar.save')}
      </button>
      <button type="button" onClick={props.onUpload} aria-haspopup="dialog">
        {t('toolbar.upload')}
      </button>
      <button type="button" onClick={props.onDownload} aria-haspopup="dialog">
        {t('toolbar.download')}
      </button>
    </header>
  );
}

const ENTITY_BUTTONS: readonly TreeCommand[] = ['add', 'rename', 'duplicate', 'remove'];

function EntityButtons(props: {
  onCommand(command: TreeCommand): void;
  isEntitySelected: boolean;
}) {
  const { t } = useTranslation();
  return (
    <span className="toolbar-group" role="group" aria-label={t('entities.toolbar')}>
      {ENTITY_BUTTONS.map((command) => (
        <button
          key={command}
          type="button"
          title={`${t(`entities.${command}Selected`)} (${TREE_SHORTCUTS[command]})`}
          disabled={command !== 'add' && !props.isEntitySelected}
          aria-haspopup={command === 'remove' ? undefined : 'dialog'}
          onClick={() => props.onCommand(command)}
        >
          {t(`entities.${command}Button`)}
        </button>
      ))}
    </span>
  );
}
