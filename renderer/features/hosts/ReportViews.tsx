/**
 * What the dialogs show of a report: the plan (steps and exact commands per host), the
 * object-level diff, the rule findings, the per-host result table, and a failure.
 */
import { useTranslation } from 'react-i18next';
import { type DiffLine, diffLines } from './diff-lines.js';
import { type Problem, resultRows } from './upload-flow.js';
import type { UploadReport } from './upload-model.js';
import { findingText } from '../problems/finding-text.js';
import { errorText, inLanguage } from '../../error-text.js';

/** The steps of the plan, each with where it runs and its commands. */
export function PlanSteps({ plan }: { plan: NonNullable<UploadReport['plan']> }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('hosts.plan')} className="plan">
      <h3>{t('hosts.plan')}</h3>
      <p className="note">
        {t('hosts.pushFrom', { host: plan.pushHost })}
        {plan.isFirstDeployment ? ` — ${t('hosts.firstDeployment')}` : ''}
      </p>
      <ol>
        {plan.steps.map((step) => (
          <li key={step.step}>
            <strong>{step.step}</strong>
            <span className="muted">
              {' '}
              {step.on.length > 0 ? step.on.join(', ') : t('hosts.local')}
            </span>
            {step.note ? <div className="muted">{inLanguage(step.note, step.noteJa)}</div> : null}
            {step.commands.map((command) => (
              <code key={command} className="command">
                $ {command}
              </code>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The diff against what the host holds (or the local project, for Download). */
export function DiffView({ difference, base }: { difference: unknown; base?: string | undefined }) {
  const { t } = useTranslation();
  const lines = diffLines(difference, (change) => t(`hosts.unseen.${change}`));
  return (
    <section aria-label={t('hosts.diff')} className="diff">
      <h3>{t('hosts.diff')}</h3>
      {base ? <p className="note">{t('hosts.diffBase', { base })}</p> : null}
      {lines.length === 0 ? (
        <p className="empty">{t('hosts.noDiff')}</p>
      ) : (
        <pre>
          {lines.map((line, index) => (
            <DiffRow key={index} line={line} />
          ))}
        </pre>
      )}
    </section>
  );
}

function DiffRow({ line }: { line: DiffLine }) {
  const kind = { '+': 'added', '-': 'removed', '~': 'changed', ' ': 'detail' }[line.mark];
  return <div className={`diff-${kind}`}>{`${line.mark} ${line.text}`}</div>;
}

/** Rule findings, errors first (the report's order). */
export function FindingList({ findings }: { findings: readonly unknown[] }) {
  const { t } = useTranslation();
  const shown = findings as readonly (Parameters<typeof findingText>[0] & {
    rule: string;
    severity: string;
  })[];
  if (shown.length === 0) {
    return <p className="note">{t('hosts.noFindings')}</p>;
  }
  return (
    <ul className="findings" aria-label={t('problems.title')}>
      {shown.map((finding, index) => (
        <li key={index} className={`severity-${finding.severity}`}>
          {finding.rule} — {findingText(finding).message}
        </li>
      ))}
    </ul>
  );
}

/** The per-host result table: done / failed at step X / not reached. */
export function ResultTable({ report }: { report: UploadReport }) {
  const { t } = useTranslation();
  return (
    <table className="results" aria-label={t('hosts.results')}>
      <thead>
        <tr>
          <th>{t('hosts.host')}</th>
          <th>{t('hosts.server')}</th>
          <th>{t('hosts.result')}</th>
          <th>{t('hosts.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {resultRows(report).map((row) => (
          <tr key={row.host} className={`status-${row.status}`}>
            <td>{row.host}</td>
            <td>{row.server}</td>
            <td>{t(`hosts.status.${row.status}`, { step: row.step ?? '' })}</td>
            <td className="muted">{row.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What is left to do by hand after the run (still suspended, a group still stopped), loudly. */
export function ClusterWarnings({ cluster }: { cluster: UploadReport['cluster'] }) {
  return (
    <>
      {inLanguage(cluster.warnings, cluster.warningsJa).map((warning) => (
        <p key={warning} role="alert" className="warning-note">
          {warning}
        </p>
      ))}
    </>
  );
}

/**
 * The report's own notes: what the upload found or did beyond each host's row (a first
 * deployment, the topology the rules were checked for, a configuration changed by a failed
 * push). A note that warns is an alert.
 */
export function ReportNotes({ report }: { report: Pick<UploadReport, 'notes' | 'notesJa'> }) {
  const { t } = useTranslation();
  const notes = inLanguage(report.notes, report.notesJa);
  if (notes.length === 0) {
    return null;
  }
  return (
    <ul className="report-notes" aria-label={t('hosts.notes')}>
      {notes.map((note) =>
        /^(WARNING|警告):/.test(note) ? (
          <li key={note} role="alert" className="warning-note">
            {note}
          </li>
        ) : (
          <li key={note}>{note}</li>
        ),
      )}
    </ul>
  );
}

/** A failure: host, step, command and its output. */
export function ProblemView({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="host-problem">
      <p>
        {problem.host ? `${problem.host}: ` : ''}
        {problem.step ? `${t('hosts.atStep', { step: problem.step })} — ` : ''}
        {errorText(problem)}
      </p>
      {problem.command ? <code className="command">$ {problem.command}</code> : null}
      {problem.output ? <pre className="output">{problem.output}</pre> : null}
    </div>
  );
}
