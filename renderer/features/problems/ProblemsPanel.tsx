/**
 * The Problems panel: findings grouped by severity (errors first), each with its rule id and
 * message; a click goes to the entity, a button applies the rule's quick fix.
 */
import { type RefObject, memo, useMemo, useRef } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../../schemas/index.js';
import { findingText } from './finding-text.js';

interface Actions {
  onReveal(finding: Finding): void;
  onQuickFix(finding: Finding): void;
}

interface Props extends Actions {
  readonly findings: readonly Finding[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const COUNT_KEYS: Readonly<Record<Severity, string>> = {
  error: 'problems.errors',
  warning: 'problems.warnings',
  info: 'problems.infos',
};

/** The panel; within a severity, findings keep the engine's order. */
export function ProblemsPanel({ findings, onReveal, onQuickFix }: Props) {
  const { t } = useTranslation();
  // The window re-renders on every selection change, with new callbacks each time; through
  // a ref the rows (thousands on a large cluster) re-render only when the findings change.
  const actions = useRef<Actions>({ onReveal, onQuickFix });
  actions.current = { onReveal, onQuickFix };
  const groups = useMemo(() => bySeverity(findings), [findings]);
  return (
    <section className="problems" aria-label={t('problems.title')}>
      <header>
        <h2>{t('problems.title')}</h2>
        <span className="counts">
          {SEVERITIES.map((severity) => (
            <span key={severity} className={`sev-${severity}`}>
              {t(COUNT_KEYS[severity], { count: groups[severity].length })}
            </span>
          ))}
        </span>
      </header>
      {findings.length === 0 ? <p className="empty">{t('problems.none')}</p> : null}
      <FindingGroups groups={groups} actions={actions} />
    </section>
  );
}

type Groups = Readonly<Record<Severity, readonly Finding[]>>;

/** The findings of each severity, in the engine's order. */
function bySeverity(findings: readonly Finding[]): Groups {
  const groups: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const finding of findings) {
    groups[finding.severity].push(finding);
  }
  return groups;
}

const FindingGroups = memo(function FindingGroups({
  groups,
  actions,
}: {
  readonly groups: Groups;
  readonly actions: RefObject<Actions>;
}) {
  // One translation hook for the panel, not one per row: a large cluster has thousands.
  const { t } = useTranslation();
  return SEVERITIES.map((severity) => {
    const group = groups[severity];
    const label = t(COUNT_KEYS[severity], { count: group.length });
    return group.length === 0 ? null : (
      <section key={severity} className={`problem-group sev-${severity}`} aria-label={label}>
        <h3 className="problem-group-title">{label}</h3>
        <ul>
          {group.map((finding) => (
            <ProblemRow
              key={`${finding.rule}|${finding.path}|${finding.message}`}
              finding={finding}
              actions={actions}
              t={t}
            />
          ))}
        </ul>
      </section>
    );
  });
});

function ProblemRow({
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
    <li className={`problem sev-${finding.severity}`}>
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
        <span className="message" title={message}>
          {message}
        </span>
        <code className="where">{finding.path}</code>
      </button>
      {finding.hasQuickFix ? (
        <button
          type="button"
          className="quick-fix"
          title={fix}
          onClick={() => actions.current.onQuickFix(finding)}
        >
          {t('problems.quickFix')}
        </button>
      ) : null}
    </li>
  );
}
