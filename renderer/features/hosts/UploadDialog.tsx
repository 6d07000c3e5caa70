/**
 * Upload…: the hosts from project.json, the authentication, the plan (dry run) with its diff
 * and findings, then the upload, the per-host result table and, after a failure at or after
 * the push, Rollback. The contract has no progress events yet, so a running phase shows a
 * busy state per host instead of live steps.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.js';
import { AuthFields, HostList } from './ConnectionFields.js';
import { DiffView, FindingList, PlanSteps, ProblemView, ResultTable } from './ReportViews.js';
import {
  canUpload,
  isBusy,
  problemOf,
  rollbackOffer,
  ruleErrorCount,
  unknownHostKeys,
} from './upload-flow.js';
import {
  type Auth,
  type HostRow,
  type HostTarget,
  connectionOf,
  isAuthComplete,
  parseRows,
  rowsOfHosts,
} from './upload-model.js';
import { type UploadInput, useUpload } from './use-upload.js';

interface Props {
  /** The project folder as opened (the upload reads it from disk). */
  readonly project: string;
  readonly hosts: readonly HostTarget[];
  /** Unsaved edits are not on disk, so they would not be uploaded. */
  readonly isDirty: boolean;
  onClose(): void;
}

/** The Upload dialog. */
export function UploadDialog({ project, hosts, isDirty, onClose }: Props) {
  const { t } = useTranslation();
  const upload = useUpload();
  const { flow, edited } = upload;
  const [rows, setRows] = useState<HostRow[]>(() =>
    hosts.length > 0 ? rowsOfHosts(hosts) : [{ target: '', user: 'root' }],
  );
  const [auth, setAuth] = useState<Auth>({ method: 'agent' });
  const [knownHostsFile, setKnownHostsFile] = useState('');
  const [accepted, setAccepted] = useState<Record<string, string>>({});
  const busy = isBusy(flow.phase);
  const parsed = parseRows(rows);
  const inputOf = (keys = accepted): UploadInput | undefined =>
    parsed.ok
      ? {
          project,
          hosts: parsed.hosts,
          connection: connectionOf(auth, { knownHostsFile, accepted: keys }),
        }
      : undefined;
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      edited();
    };
  const trust = (host: string, fingerprint: string) => {
    const keys = { ...accepted, [host]: fingerprint };
    setAccepted(keys);
    const input = inputOf(keys);
    if (input) {
      void upload.plan(input);
    }
  };
  const run = (action: (input: UploadInput) => Promise<void>) => () => {
    const input = inputOf();
    if (input) {
      void action(input);
    }
  };
  const problem = problemOf(flow);
  const offer = rollbackOffer(flow);
  const report = flow.phase === 'planned' ? undefined : flow.result;

  return (
    <Dialog
      title={t('hosts.uploadTitle')}
      busy={busy}
      closeLabel={t('hosts.close')}
      onClose={onClose}
    >
      {isDirty ? <p className="warning-note">{t('hosts.dirty')}</p> : null}
      <HostList
        rows={rows}
        invalid={parsed.ok ? [] : parsed.invalid}
        disabled={busy}
        onChange={change(setRows)}
      />
      <AuthFields
        auth={auth}
        knownHostsFile={knownHostsFile}
        disabled={busy}
        onAuth={change(setAuth)}
        onKnownHostsFile={change(setKnownHostsFile)}
      />
      <div className="dialog-actions">
        <button
          type="button"
          onClick={run(upload.plan)}
          disabled={busy || !parsed.ok || !isAuthComplete(auth)}
        >
          {t('hosts.runPlan')}
        </button>
      </div>
      {busy ? <BusyHosts phase={flow.phase} hosts={parsed.ok ? parsed.hosts : []} /> : null}
      {problem ? <ProblemView problem={problem} /> : null}
      {unknownHostKeys(flow).map((key) => (
        <p key={key.host} className="host-key">
          {t('hosts.unknownKey', key)}{' '}
          <button type="button" onClick={() => trust(key.host, key.fingerprint)} disabled={busy}>
            {t('hosts.trustKey')}
          </button>
        </p>
      ))}
      {flow.plan?.plan && !report ? (
        <PlanPart
          flow={flow}
          onAllow={upload.setAllowErrors}
          busy={busy}
          onUpload={run(upload.upload)}
        />
      ) : null}
      {report ? <ResultPart report={report} /> : null}
      {offer ? (
        <div className="dialog-actions">
          <p className="warning-note">{t('hosts.rollbackOffer', offer)}</p>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={run((input) => upload.rollback(input, offer.snapshot))}
          >
            {t('hosts.rollback')}
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}

function PlanPart(props: {
  flow: ReturnType<typeof useUpload>['flow'];
  busy: boolean;
  onAllow(value: boolean): void;
  onUpload(): void;
}) {
  const { t } = useTranslation();
  const plan = props.flow.plan;
  if (!plan?.plan) {
    return null;
  }
  const errors = ruleErrorCount(plan);
  return (
    <>
      <DiffView difference={plan.difference} base={plan.diffBase} />
      <FindingList findings={plan.findings} />
      <PlanSteps plan={plan.plan} />
      {errors > 0 ? (
        <label className="override">
          <input
            type="checkbox"
            checked={props.flow.allowErrors}
            disabled={props.busy}
            onChange={(event) => props.onAllow(event.target.checked)}
          />
          {t('hosts.uploadAnyway', { count: errors })}
        </label>
      ) : null}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          onClick={props.onUpload}
          disabled={props.busy || !canUpload(props.flow)}
        >
          {t('hosts.upload')}
        </button>
      </div>
    </>
  );
}

function ResultPart({
  report,
}: {
  report: NonNullable<ReturnType<typeof useUpload>['flow']['result']>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status" className={report.ok ? 'ok-note' : 'warning-note'}>
        {report.ok ? t('hosts.uploadDone') : t('hosts.uploadFailed')}
      </p>
      <ResultTable report={report} />
      {report.cluster.warnings.map((warning) => (
        <p key={warning} role="alert" className="warning-note">
          {warning}
        </p>
      ))}
    </>
  );
}

/** While a call runs: each host with what is being done (no live steps in the contract yet). */
function BusyHosts({ phase, hosts }: { phase: string; hosts: readonly HostTarget[] }) {
  const { t } = useTranslation();
  return (
    <ul className="busy" aria-live="polite">
      {hosts.map((host) => (
        <li key={`${host.address}:${host.port}`}>
          <span className="spinner" aria-hidden="true" /> {host.address}:{host.port} —{' '}
          {t(`hosts.busy.${phase}`)}
        </li>
      ))}
    </ul>
  );
}
