/**
 * Upload…: the hosts from project.json, the authentication, the plan (dry run) with its diff
 * and findings, then the upload, the per-host result table and, after a failure at or after
 * the push, Rollback. While a call runs, each host shows the step it is at, read live from
 * the host (`hosts:progress`).
 */
import { hostLabel } from '../../../schemas/index.js';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.js';
import { AuthFields, HostKeyOffers, HostList } from './ConnectionFields.js';
import {
  ClusterWarnings,
  DiffView,
  FindingList,
  PlanSteps,
  ProblemView,
  ReportNotes,
  ResultTable,
} from './ReportViews.js';
import {
  canUpload,
  isBusy,
  liveSteps,
  problemOf,
  rollbackOffer,
  ruleErrorCount,
  unknownHostKeys,
} from './upload-flow.js';
import { type HostTarget, rowsOfHosts } from './upload-model.js';
import { useConnectionForm } from './use-connection-form.js';
import { type UploadInput, useUpload } from './use-upload.js';
import { inLanguage } from '../../error-text.js';

interface Props {
  /** The project folder as opened (the upload reads it from disk). */
  readonly project: string;
  readonly hosts: readonly HostTarget[];
  /** Unsaved edits are not on disk, so they would not be uploaded. */
  readonly isDirty: boolean;
  onClose(): void;
  /** Keeps the hosts as edited here in project.json (an ordinary, undoable edit). */
  onSaveHosts?(hosts: readonly HostTarget[]): void;
}

/** The Upload dialog. */
export function UploadDialog({ project, hosts, isDirty, onClose, onSaveHosts }: Props) {
  const { t } = useTranslation();
  const upload = useUpload();
  const { flow, edited } = upload;
  const form = useConnectionForm(
    () => (hosts.length > 0 ? rowsOfHosts(hosts) : [{ target: '', user: 'root' }]),
    edited,
  );
  const busy = isBusy(flow.phase);
  const inputOf = (keys?: Readonly<Record<string, string>>): UploadInput | undefined =>
    form.isValid ? { project, hosts: form.hosts, connection: form.connection(keys) } : undefined;
  const trust = (host: string, fingerprint: string) => {
    const input = inputOf(form.trust(host, fingerprint));
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
      <HostList {...form.hostList} disabled={busy} />
      {onSaveHosts && form.isValid && !sameHosts(form.hosts, hosts) ? (
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={() => onSaveHosts(form.hosts)}>
            {t('hosts.saveHosts')}
          </button>
        </div>
      ) : null}
      <AuthFields {...form.authFields} disabled={busy} />
      <div className="dialog-actions">
        <button
          type="button"
          onClick={run(upload.plan)}
          disabled={busy || !form.isValid || !form.isAuthComplete}
        >
          {t('hosts.runPlan')}
        </button>
      </div>
      {busy ? <BusyHosts phase={flow.phase} hosts={form.hosts} progress={flow.progress} /> : null}
      {problem ? <ProblemView problem={problem} /> : null}
      <HostKeyOffers retry="plan" offers={unknownHostKeys(flow)} disabled={busy} onTrust={trust} />
      {flow.plan?.plan && !report ? (
        <PlanPart
          flow={flow}
          onAllow={upload.setAllowErrors}
          busy={busy}
          onUpload={run(upload.upload)}
        />
      ) : null}
      {report ? <ResultPart report={report} isRollback={flow.phase === 'rolled-back'} /> : null}
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
      <ReportNotes report={plan} />
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
  isRollback,
}: {
  report: NonNullable<ReturnType<typeof useUpload>['flow']['result']>;
  isRollback: boolean;
}) {
  const { t } = useTranslation();
  const verdict = isRollback
    ? t(report.ok ? 'hosts.rollbackDone' : 'hosts.rollbackFailed')
    : t(report.ok ? 'hosts.uploadDone' : 'hosts.uploadFailed');
  return (
    <>
      <p role="status" className={report.ok ? 'ok-note' : 'warning-note'}>
        {verdict}
      </p>
      <ResultTable report={report} />
      <ClusterWarnings cluster={report.cluster} />
      <ReportNotes report={report} />
    </>
  );
}

/** While a call runs: each host with the step it is at, once the host has reported one. */
function BusyHosts({
  phase,
  hosts,
  progress,
}: {
  phase: string;
  hosts: readonly HostTarget[];
  progress: ReturnType<typeof useUpload>['flow']['progress'];
}) {
  const { t } = useTranslation();
  const live = new Map(liveSteps(progress).map((step) => [step.host, step]));
  return (
    <ul className="busy" aria-live="polite" aria-label={t('hosts.progressLabel')}>
      {hosts.map((host) => {
        const label = hostLabel(host);
        const step = live.get(label);
        return (
          <li key={label} data-host={label} data-state={step?.state ?? 'waiting'}>
            <StateMark state={step?.state} /> {label} —{' '}
            {step
              ? t('hosts.liveStep', {
                  step: t(`hosts.steps.${step.step}`, { defaultValue: step.step }),
                  state: t(`hosts.stepState.${step.state}`),
                  count: step.done,
                })
              : t(`hosts.busy.${phase}`)}
            {step?.detail ? (
              <span className="step-detail"> {inLanguage(step.detail, step.detailJa)}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Whether the rows say the same hosts as project.json (same order, address, port, user). */
function sameHosts(a: readonly HostTarget[], b: readonly HostTarget[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (host, index) =>
        host.address === b[index]?.address &&
        host.port === b[index]?.port &&
        host.user === b[index]?.user,
    )
  );
}

/** A spinner while the host works on a step; a mark once the step ended. */
function StateMark({ state }: { state: string | undefined }) {
  if (state === 'done' || state === 'failed' || state === 'skipped') {
    const mark = { done: '✓', failed: '✗', skipped: '–' }[state];
    return (
      <span className={`state-mark ${state}`} aria-hidden="true">
        {mark}
      </span>
    );
  }
  return <span className="spinner" aria-hidden="true" />;
}
