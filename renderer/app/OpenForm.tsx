/**
 * The first screen when no project is open: New cluster, Open folder, Open zip, the recent
 * projects, and a path to type (for paths the folder picker may not show).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileActions } from '../features/files/file-commands.js';
import type { RecentProject } from '../features/files/use-recent-projects.js';

interface Props {
  readonly actions: FileActions;
  readonly recent: readonly RecentProject[];
  onOpen(path: string): void;
}

/** The start screen. */
export function OpenForm({ actions, recent, onOpen }: Props) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  return (
    <div className="open-form">
      <h1>{t('app.title')}</h1>
      <div className="start-actions">
        <button type="button" className="primary" onClick={actions.newCluster}>
          {t('files.new')}
        </button>
        <button type="button" onClick={actions.openFolder}>
          {t('files.openFolder')}
        </button>
        <button type="button" onClick={actions.openZip}>
          {t('files.openZip')}
        </button>
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim() !== '') {
            onOpen(path.trim());
          }
        }}
      >
        <input
          aria-label={t('toolbar.openPlaceholder')}
          placeholder={t('toolbar.openPlaceholder')}
          value={path}
          onChange={(event) => setPath(event.target.value)}
        />
        <button type="submit">{t('toolbar.open')}</button>
      </form>
      {recent.length > 0 ? (
        <section aria-label={t('files.recent')} className="recent">
          <h2>{t('files.recent')}</h2>
          <ul>
            {recent.map((project) => (
              <li key={project.path}>
                <button
                  type="button"
                  className="link"
                  onClick={() => actions.openRecent(project.path)}
                >
                  {project.path}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
