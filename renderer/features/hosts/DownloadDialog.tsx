/**
 * Download…: one host, the authentication, a target folder. An existing project that differs
 * is not touched until the user has seen the diff and pressed Overwrite.
 */
import { useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { AuthFields, HostKeyOffers, HostList } from './ConnectionFields.js';
import { Dialog } from './Dialog.js';
import { downloadFlow, initialDownload, verdictOf } from './download-flow.js';
import { DiffView, ProblemView, ReportNotes } from './ReportViews.js';
import { hostKeyOffers } from './upload-flow.js';
import { type HostTarget, rowsOfHosts } from './upload-model.js';
import { useConnectionForm } from './use-connection-form.js';

interface Props {
  /** The open project's folder: the default target, so the diff is against it. */
  readonly folder: string;
  readonly hosts: readonly HostTarget[];
  onClose(): void;
  /** Files were written into `folder` (the window reloads it when it is the open project). */
  onWritten?(folder: string): void;
}

/** The Download dialog. */
export function DownloadDialog({ folder: openFolder, hosts, onClose, onWritten }: Props) {
  const { t } = useTranslation();
  const [flow, dispatch] = useReducer(downloadFlow, initialDownload);
  const form = useConnectionForm(
    () =>
      rowsOfHosts(hosts.slice(0, 1)).concat(
        hosts.length === 0 ? [{ target: '', user: 'root' }] : [],
      ),
    () => dispatch({ type: 'edited' }),
    true,
  );
  const [folder, setFolder] = useState(openFolder);
  const [host] = form.hosts;
  const busy = flow.phase === 'busy';
  const download = async (force: boolean, keys?: Readonly<Record<string, string>>) => {
    if (!host) {
      return;
    }
    dispatch({ type: 'started' });
    const result = await api.hosts.download({
      ...form.connection(keys),
      host: { ...host },
      folder,
      force,
    });
    dispatch({ type: 'finished', result });
    if (result.ok && result.value.written) {
      onWritten?.(result.value.folder);
    }
  };
  const trust = (address: string, fingerprint: string) => {
    void download(false, form.trust(address, fingerprint));
  };
  const verdict = flow.outcome ? verdictOf(flow.outcome) : undefined;

  return (
    <Dialog
      title={t('hosts.downloadTitle')}
      busy={busy}
      closeLabel={t('hosts.close')}
      onClose={onClose}
    >
      <HostList {...form.hostList} disabled={busy} />
      <AuthFields {...form.authFields} disabled={busy} />
      <label className="field">
        <span>{t('hosts.folder')}</span>
        <input
          value={folder}
          disabled={busy}
          onChange={(event) => form.change(setFolder)(event.target.value)}
        />
      </label>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void download(false)}
          disabled={busy || !host || folder.trim() === '' || !form.isAuthComplete}
        >
          {busy ? t('hosts.busy.downloading') : t('hosts.download')}
        </button>
      </div>
      {flow.error ? <ProblemView problem={flow.error} /> : null}
      <HostKeyOffers
        retry="download"
        offers={hostKeyOffers([flow.error])}
        disabled={busy}
        onTrust={trust}
      />
      {flow.outcome && verdict ? (
        <>
          <p role="status" className={verdict === 'differs' ? 'warning-note' : 'ok-note'}>
            {t(`hosts.downloaded.${verdict}`, { folder: flow.outcome.folder })}
          </p>
          <ReportNotes report={flow.outcome} />
          {/* A new folder has nothing to compare with: no diff, rather than "No differences". */}
          {flow.outcome.different && flow.outcome.difference !== undefined ? (
            <DiffView difference={flow.outcome.difference} base={flow.outcome.folder} />
          ) : null}
          {verdict === 'differs' ? (
            <div className="dialog-actions">
              <button type="button" className="danger" onClick={() => void download(true)}>
                {t('hosts.overwrite')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
