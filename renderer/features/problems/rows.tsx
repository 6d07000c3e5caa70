/** The parts every row of the Problems panel is made of: its actions, its main button, a group. */
import { type ReactNode, type RefObject } from 'react';
import { type TFunction } from 'i18next';
import type { Acknowledgement, Finding } from '../../../schemas/index.js';
import { findingText } from './finding-text.js';
import type { AcceptChoice } from './ReasonForm.js';

export interface Actions {
  onReveal(finding: Finding): void;
  onQuickFix(finding: Finding): void;
  onAcknowledge(finding: Finding, choice: AcceptChoice): void;
  onWithdraw(acknowledgement: Acknowledgement): void;
}

/** The row's main part: severity, rule, message and path; a click reveals the entity. */
export function FindingButton({
  finding,
  actions,
  t,
}: {
  readonly finding: Finding;
  readonly actions: RefObject<Actions>;
  readonly t: TFunction;
}) {
  const { message, fix } = findingText(finding);
  return (
    <button
      type="button"
      className="problem-main"
      onClick={() => actions.current.onReveal(finding)}
    >
      <span
        className={`sev-icon sev-${finding.severity}`}
        role="img"
        aria-label={t(`severity.${finding.severity}`)}
      />
      <span className="rule">{finding.rule}</span>
      <span className="message" title={`${message}\n${fix}`}>
        {message}
      </span>
      <code className="where" title={finding.path}>
        {whereOf(finding)}
      </code>
    </button>
  );
}

/**
 * Where the row says the problem is: the script, for a finding about a script's content (its
 * setting's path is the tooltip), else the parameter path.
 */
export function whereOf(finding: Finding): string {
  return finding.script === undefined ? finding.path : `scripts/${finding.script}`;
}

/** A titled group of rows: a severity's findings, the accepted ones, the stale acceptances. */
export function ProblemGroup({
  className,
  label,
  children,
}: {
  readonly className: string;
  readonly label: string;
  readonly children: ReactNode;
}) {
  return (
    <section className={`problem-group ${className}`} aria-label={label}>
      <h3 className="problem-group-title">{label}</h3>
      <ul>{children}</ul>
    </section>
  );
}

export function WithdrawButton({
  acknowledgement,
  actions,
  t,
}: {
  readonly acknowledgement: Acknowledgement;
  readonly actions: RefObject<Actions>;
  readonly t: TFunction;
}) {
  return (
    <button
      type="button"
      className="withdraw"
      title={t('problems.withdrawTitle')}
      onClick={() => actions.current.onWithdraw(acknowledgement)}
    >
      {t('problems.withdraw')}
    </button>
  );
}
