/**
 * The first screen when no project was given: a path to open (the folder picker of the
 * browser host is still to come).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks for a project path. */
export function OpenForm({ onOpen }: { onOpen(path: string): void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  return (
    <form
      className="open-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim() !== '') {
          onOpen(path.trim());
        }
      }}
    >
      <h1>{t('app.title')}</h1>
      <input
        aria-label={t('toolbar.openPlaceholder')}
        placeholder={t('toolbar.openPlaceholder')}
        value={path}
        onChange={(event) => setPath(event.target.value)}
      />
      <button type="submit" className="primary">
        {t('toolbar.open')}
      </button>
    </form>
  );
}
