/**
 * The notice shown when clp.conf changed on disk under the open project: Reload (discarding
 * the window's edits) or Keep mine.
 */
import { useTranslation } from 'react-i18next';
import type { DiskChange } from './use-disk-watch.js';

/** A banner with the two choices. */
export function DiskChangeNotice(props: { change: DiskChange; onReload(): void; onKeep(): void }) {
  const { t } = useTranslation();
  return (
    <div className="disk-change" role="alert">
      <span>{props.change.missing ? t('files.disk.missing') : t('files.disk.changed')}</span>
      {props.change.missing ? null : (
        <button type="button" onClick={props.onReload}>
          {t('files.disk.reload')}
        </button>
      )}
      <button type="button" onClick={props.onKeep}>
        {t('files.disk.keep')}
      </button>
    </div>
  );
}
