/** The acknowledged part of the Problems panel: accepted findings, then stale and expired acceptances. */
import { type RefObject, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AcceptedFinding, type Acknowledgement, findingKey } from '../../../schemas/index.js';
import { type Actions, FindingButton, ProblemGroup, WithdrawButton } from './rows.js';

/** Findings accepted on purpose, each with its reason and a button to withdraw it. */
export const AcceptedGroup = memo(function AcceptedGroup({
  accepted,
  actions,
}: {
  readonly accepted: readonly AcceptedFinding[];
  readonly actions: RefObject<Actions>;
}) {
  const { t } = useTranslation();
  if (accepted.length === 0) {
    return null;
  }
  return (
    <ProblemGroup className="accepted" label={t('problems.accepted', { count: accepted.length })}>
      {accepted.map(({ finding, acknowledgement }) => (
        <li key={findingKey(finding)} className={`problem accepted sev-${finding.severity}`}>
          <FindingButton finding={finding} actions={actions} t={t} />
          <span className="reason" title={acknowledgement.reason}>
            {acknowledgement.path === undefined
              ? t('problems.acceptedEveryReason', {
                  rule: acknowledgement.rule,
                  reason: acknowledgement.reason,
                })
              : t('problems.acceptedReason', { reason: acknowledgement.reason })}
            {acknowledgement.until === undefined
              ? ''
              : t('problems.acceptedUntil', { until: acknowledgement.until })}
          </span>
          <WithdrawButton acknowledgement={acknowledgement} actions={actions} t={t} />
        </li>
      ))}
    </ProblemGroup>
  );
});

/**
 * Acknowledgements that accept nothing: stale ones (the finding was fixed, the entity
 * removed) and expired ones (their last day has passed).
 */
export const UnusedGroup = memo(function UnusedGroup({
  kind,
  acknowledgements,
  actions,
}: {
  readonly kind: 'stale' | 'expired';
  readonly acknowledgements: readonly Acknowledgement[];
  readonly actions: RefObject<Actions>;
}) {
  const { t } = useTranslation();
  if (acknowledgements.length === 0) {
    return null;
  }
  const label = t(`problems.${kind}`, { count: acknowledgements.length });
  return (
    <ProblemGroup className="stale" label={label}>
      {acknowledgements.map((acknowledgement) => (
        <li key={`${acknowledgement.rule}|${acknowledgement.path ?? ''}`} className="problem stale">
          <span className="stale-target">
            <span className="rule">{acknowledgement.rule}</span>
            <code className="where">{acknowledgement.path ?? t('problems.everyFinding')}</code>
          </span>
          <span className="reason" title={acknowledgement.reason}>
            {t(`problems.${kind}Reason`, {
              reason: acknowledgement.reason,
              until: acknowledgement.until,
            })}
          </span>
          <WithdrawButton acknowledgement={acknowledgement} actions={actions} t={t} />
        </li>
      ))}
    </ProblemGroup>
  );
});
