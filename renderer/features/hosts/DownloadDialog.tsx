/**
 * Download…: one host, the authentication, a target folder. An existing project that differs
 * is not touched until the user has seen the diff and pressed Overwrite.
 */
import { useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { AuthFields, HostList } from './ConnectionFields.js';
import { useSecrets } from './use-secrets.js';
import { Dialog } from './Dialog.js';
import { downloadFlow, initialDownload, verdictOf } from './download-flow.js';
import { DiffView, ProblemView } from './ReportViews.js';
import {
  type Auth,
  type HostRow,
  type HostTarget,
  connectionOf,
  isAuthComplete,
  secretKeysOf,
  parseRows,
  rowsOfHosts,
} from './upload-model.js';

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
  const [rows, setRows] = useState<HostRow[]>(() =>
    rowsOfHosts(hosts.slice(0, 1)).concat(hosts.length === 0 ? [{ target: '', user: 'root' }] : []),
  );
  const [auth, setAuth] = useState<Auth>({ method: 'agent' });
  const [knownHostsFile, setKnownHostsFile] = useState('');
  const [folder, setFolder] = useState(openFolder);
  const parsed = parseRows(rows);
  const host = parsed.ok ? parsed.hosts[0] : undefined;
  const { secrets, forget } = useSecrets(secretKeysOf(host ? [host] : []));
  const busy = flow.phase === 'busy';
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      dispatch({ type: 'edited' });
    };
  const download = async (force: boolean) => {
    if (!host) {
      return;
    }
    dispatch({ type: 'started' });
    const connection = connectionOf(auth, { knownHostsFile, accepted: {} });
    const result = await api.hosts.download({ ...connection, host: { ...host }, folder, force });
    dispatch({ type: 'finished', result });
    if (result.ok && result.value.written) {
      onWritten?.(result.value.folder);
    }
  };
  const verdict = flow.outcome ? verdictOf(flow.outcome) : undefined;

  return (
    <Dialog
      title={t('hosts.downloadTitle')}
      busy={busy}
      closeLabel={t('hosts.close')}
      onClose={onClose}
    >
      <HostList
        rows={rows}
        invalid={parsed.ok ? [] : parsed.invalid}
        single
        disabled={busy}
        onChange={change(setRows)}
      />
      <AuthFields
        auth={auth}
        knownHostsFile={knownHostsFile}
        disabled={busy}
        secrets={secrets}
        onAuth={change(setAuth)}
        onKnownHostsFile={change(setKnownHostsFile)}
        onForgetPassword={() => void forget()}
      />
      <label className="field">
        <span>{t('hosts.folder')}</span>
        <input
          value={folder}
          disabled={busy}
          onChange={(event) => change(setFolder)(event.target.value)}
        />
      </label>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void download(false)}
          disabled={
            busy || !host || folder.trim() === '' || !isAuthComplete(auth, secrets.remembered)
          }
        >
          {busy ? t('hosts.busy.downloading') : t('hosts.download')}
        </button>
      </div>
      {flow.error ? <ProblemView problem={flow.error} /> : null}
      {flow.outcome && verdict ? (
        <>
          <p role="status" className={verdict === 'differs' ? 'warning-note' : 'ok-note'}>
            {t(`hosts.downloaded.${verdict}`, { folder: flow.outcome.folder })}
          </p>
          {flow.outcome.different ? <DiffView difference={flow.outcome.difference} /> : null}
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
