/** The form that asks why a finding is accepted, and for how long. */
import { type FormEvent, useState } from 'react';
import { type TFunction } from 'i18next';
import { today } from '../../../schemas/index.js';

/** What the engineer said when accepting a finding. */
export interface AcceptChoice {
  readonly reason: string;
  /** Every finding of the rule, not this one alone. */
  readonly everyFinding: boolean;
  /** The last day it accepts the finding (YYYY-MM-DD), for a temporary exception. */
  readonly until?: string;
}

/**
 * Asks why a finding is accepted (a blank reason cannot be given) and, where the rule has
 * several (a template's placeholders), whether every one of them is; and, for a temporary
 * exception, until when.
 */
export function ReasonForm({
  t,
  rule,
  sameRule,
  onAccept,
  onCancel,
}: {
  readonly t: TFunction;
  readonly rule: string;
  readonly sameRule: number;
  onAccept(choice: AcceptChoice): void;
  onCancel(): void;
}) {
  const [reason, setReason] = useState('');
  const [everyFinding, setEveryFinding] = useState(false);
  const [until, setUntil] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() !== '') {
      onAccept({ reason: reason.trim(), everyFinding, ...(until === '' ? {} : { until }) });
    }
  };
  return (
    <form className="reason-form" onSubmit={submit}>
      <label>
        {t('problems.reasonLabel')}
        <input
          autoFocus
          value={reason}
          placeholder={t('problems.reasonPlaceholder')}
          onChange={(event) => setReason(event.target.value)}
          onKeyDown={(event) => (event.key === 'Escape' ? onCancel() : undefined)}
        />
      </label>
      {sameRule > 1 ? (
        <label className="every-finding">
          <input
            type="checkbox"
            checked={everyFinding}
            onChange={(event) => setEveryFinding(event.target.checked)}
          />
          {t('problems.everyOfRule', { rule, count: sameRule })}
        </label>
      ) : null}
      <label className="until">
        {t('problems.untilLabel')}
        <input
          type="date"
          value={until}
          min={today()}
          onChange={(event) => setUntil(event.target.value)}
        />
      </label>
      <button type="submit" disabled={reason.trim() === ''}>
        {t('problems.acceptConfirm')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('problems.cancel')}
      </button>
    </form>
  );
}
