/**
 * The top bar: the project, its dirty marker, undo/redo, save, and the hosts dialogs.
 */
import { useTranslation } from 'react-i18next';

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
}

/** The toolbar of an open project. */
export function Toolbar(props: Props) {
  const { title, path, isDirty, canUndo, canRedo, onUndo, onRedo, onSave } = props;
  const { t } = useTranslation();
  return (
    <header className="toolbar">
      <span className="brand">{t('app.title')}</span>
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
