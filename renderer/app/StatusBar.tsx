/**
 * The status bar: what just happened, and the overwrite choice when a save was refused
 * because clp.conf changed on disk (DESIGN.md promise 1: never without asking).
 */
import { useTranslation } from 'react-i18next';
import type { Notice } from '../state/use-project-session.js';

/** One line at the bottom of the window. */
export function StatusBar({
  notice,
  onOverwrite,
}: {
  notice: Notice | undefined;
  onOverwrite(): void;
}) {
  const { t } = useTranslation();
  return (
    <footer className={`status-bar ${notice ? `notice-${notice.kind}` : ''}`} role="status">
      <span>{notice?.text ?? t('status.ready')}</span>
      {notice?.kind === 'conflict' ? (
        <button type="button" onClick={onOverwrite}>
          {t('toolbar.saveAnyway')}
        </button>
      ) : null}
    </footer>
  );
}
