/**
 * The host's folder picker (`files:list`): the browser's stand-in for native open and save
 * dialogs, limited by the host to the user's home and the paths given at launch.
 *
 * Modes: `open-folder` picks a folder holding clp.conf (or a .conf file), `open-zip` a .zip,
 * `new-folder` a new folder's path (the New cluster wizard, Save As), `new-zip` a new .zip.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../electron/contract.js';
import { api } from '../../api.js';
import { errorText } from '../../error-text.js';

/** What the browser is choosing. */
export type PickMode = 'open-folder' | 'open-zip' | 'new-folder' | 'new-zip';

type Listing = Extract<CallResult<'files:list'>, { ok: true }>['value'];

interface Props {
  readonly mode: PickMode;
  /** The name proposed for a new folder or zip. */
  readonly defaultName?: string;
  /** Where to start (e.g. beside the open project); the host's first root when it is refused. */
  readonly startAt?: string;
  /** The label of the button that picks (e.g. "Create", "Save"). */
  readonly pickLabel: string;
  readonly disabled?: boolean;
  onPick(path: string): void;
}

/** A folder listing with navigation, and the field or button that picks. */
export function FolderBrowser(props: Props) {
  const { mode, defaultName = '', startAt, pickLabel, disabled, onPick } = props;
  const { t } = useTranslation();
  const [listing, setListing] = useState<Listing | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [name, setName] = useState(defaultName);

  const go = useCallback(async (path?: string) => {
    const listed = await api.files.list(path === undefined ? {} : { path });
    if (listed.ok) {
      setListing(listed.value);
      setError(undefined);
    } else {
      setError(errorText(listed.error));
    }
  }, []);

  useEffect(() => {
    let isCurrent = true;
    const start = async () => {
      const first = startAt === undefined ? undefined : await api.files.list({ path: startAt });
      if (!isCurrent) {
        return;
      }
      if (first?.ok) {
        setListing(first.value);
      } else {
        await go();
      }
    };
    void start();
    return () => {
      isCurrent = false;
    };
  }, [go, startAt]);

  const isNew = mode === 'new-folder' || mode === 'new-zip';
  const entries = (listing?.entries ?? []).filter(
    (entry) =>
      entry.kind === 'folder' ||
      isNew ||
      (mode === 'open-folder' && entry.kind === 'conf') ||
      (mode === 'open-zip' && entry.kind === 'zip'),
  );
  const child = (entry: string) => (listing ? joinPath(listing.path, entry) : entry);

  return (
    <div className="folder-browser">
      <div className="folder-location">
        <button
          type="button"
          onClick={() => listing?.parent && void go(listing.parent)}
          disabled={!listing?.parent}
          aria-label={t('files.picker.up')}
          title={t('files.picker.up')}
        >
          ↑
        </button>
        <code aria-label={t('files.picker.location')}>{listing?.path ?? '…'}</code>
        {(listing?.roots ?? []).map((root) => (
          <button key={root} type="button" onClick={() => void go(root)} title={root}>
            {lastPart(root)}
          </button>
        ))}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="folder-entries" aria-label={t('files.picker.entries')}>
        {entries.length === 0 ? <li className="muted">{t('files.picker.empty')}</li> : null}
        {entries.map((entry) => (
          <li key={entry.name}>
            <button
              type="button"
              className={`entry entry-${entry.kind}`}
              disabled={isNew && entry.kind !== 'folder'}
              onClick={() =>
                entry.kind === 'folder' ? void go(child(entry.name)) : onPick(child(entry.name))
              }
            >
              {entry.name}
              {/* A trailing slash marks folders, as ls -F does; emoji fonts are not everywhere. */}
              {entry.kind === 'folder' ? <span aria-hidden="true">/</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {isNew ? (
        <form
          className="folder-name"
          onSubmit={(event) => {
            event.preventDefault();
            if (listing && name.trim() !== '') {
              onPick(child(name.trim()));
            }
          }}
        >
          <label>
            {mode === 'new-zip' ? t('files.picker.zipName') : t('files.picker.folderName')}
            <input
              value={name}
              spellCheck={false}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <button
            type="submit"
            className="primary"
            disabled={disabled || !listing || name.trim() === ''}
          >
            {pickLabel}
          </button>
        </form>
      ) : null}
      {mode === 'open-folder' ? (
        <div className="dialog-actions">
          <button
            type="button"
            className="primary"
            disabled={disabled || !listing?.isProject}
            onClick={() => listing && onPick(listing.path)}
          >
            {pickLabel}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Joins with the separator the host's path already uses (Windows hosts answer with `\`). */
export function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

function lastPart(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
