/**
 * The Problems panel: findings grouped by severity (errors first), each with its rule id and
 * message; a click goes to the entity, a button applies the rule's quick fix, another accepts
 * a warning or info on purpose with the reason (project.json). Accepted findings follow in a
 * group of their own, then acknowledgements that accept nothing any more.
 */
import { type RefObject, memo, useDeferredValue, useMemo, useRef, useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  type AcceptedFinding,
  type Acknowledgement,
  type Finding,
  type Severity,
  findingKey,
} from '../../../schemas/index.js';
import { AcceptedGroup, UnusedGroup } from './AcknowledgementGroups.js';
import { findingText } from './finding-text.js';
import { ReasonForm } from './ReasonForm.js';
import { type Actions, FindingButton, ProblemGroup, whereOf } from './rows.js';

export type { AcceptChoice } from './ReasonForm.js';

interface Props extends Partial<Pick<Actions, 'onAcknowledge' | 'onWithdraw'>> {
  /** Applies every open finding's quick fix as one edit; without it, no button offers that. */
  readonly onFixAll?: () => void;
  /** The findings nobody accepted. */
  readonly findings: readonly Finding[];
  readonly onReveal: Actions['onReveal'];
  readonly onQuickFix: Actions['onQuickFix'];
  readonly accepted?: readonly AcceptedFinding[];
  readonly stale?: readonly Acknowledgement[];
  /** Acknowledgements whose last day has passed. */
  readonly expired?: readonly Acknowledgement[];
  /** False where nothing can record an acknowledgement (a bare clp.conf has no project.json). */
  readonly canAcknowledge?: boolean;
}

const NONE_ACCEPTED: readonly AcceptedFinding[] = [];
const NO_ACKNOWLEDGEMENTS: readonly Acknowledgement[] = [];
const ignore = () => {};

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const COUNT_KEYS: Readonly<Record<Severity, string>> = {
  error: 'problems.errors',
  warning: 'problems.warnings',
  info: 'problems.infos',
};

/** The panel; within a severity, findings keep the engine's order. */
export function ProblemsPanel({
  findings,
  onReveal,
  onQuickFix,
  onAcknowledge = ignore,
  onWithdraw = ignore,
  accepted = NONE_ACCEPTED,
  stale = NO_ACKNOWLEDGEMENTS,
  expired = NO_ACKNOWLEDGEMENTS,
  canAcknowledge = true,
  onFixAll,
}: Props) {
  const { t } = useTranslation();
  // The window re-renders on every selection change, with new callbacks each time; through
  // a ref the rows (thousands on a large cluster) re-render only when the findings change.
  const actions = useRef<Actions>({ onReveal, onQuickFix, onAcknowledge, onWithdraw });
  actions.current = { onReveal, onQuickFix, onAcknowledge, onWithdraw };
  const [filter, setFilter] = useState('');
  // Typing stays quick on a large cluster: the rows follow a moment later.
  const wanted = useDeferredValue(filter.trim().toLowerCase());
  const totals = useMemo(() => bySeverity(findings), [findings]);
  const perRule = useMemo(() => countsByRule(findings), [findings]);
  const shown = useMemo(() => matching(findings, wanted), [findings, wanted]);
  // Unfiltered, the rows are the totals: a large cluster's findings are grouped once.
  const groups = useMemo(
    () => (shown === findings ? totals : bySeverity(shown)),
    [shown, findings, totals],
  );
  const shownAccepted = useMemo(
    () => accepted.filter((entry) => matches(entry.finding, wanted, entry.acknowledgement.reason)),
    [accepted, wanted],
  );
  const fixable = useMemo(
    () => findings.filter((finding) => finding.hasQuickFix).length,
    [findings],
  );
  const empty = accepted.length === 0 ? t('problems.none') : t('problems.noneOpen');
  const nothingShown =
    wanted !== '' && shown.length === 0 && shownAccepted.length === 0 && findings.length > 0;
  return (
    <section className="problems" aria-label={t('problems.title')}>
      <header>
        <h2>{t('problems.title')}</h2>
        <span className="counts">
          {SEVERITIES.map((severity) => (
            <span key={severity} className={`sev-${severity}`}>
              {t(COUNT_KEYS[severity], { count: totals[severity].length })}
            </span>
          ))}
          {accepted.length > 0 ? (
            <span className="accepted-count">
              {t('problems.accepted', { count: accepted.length })}
            </span>
          ) : null}
        </span>
        {onFixAll !== undefined && fixable > 1 ? (
          <button
            type="button"
            className="fix-all"
            title={t('problems.fixAllTitle')}
            onClick={onFixAll}
          >
            {t('problems.fixAll', { count: fixable })}
          </button>
        ) : null}
        <input
          type="search"
          className="problems-filter"
          aria-label={t('problems.filter')}
          placeholder={t('problems.filterPlaceholder')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </header>
      {findings.length === 0 ? <p className="empty">{empty}</p> : null}
      {nothingShown ? (
        <p className="empty">{t('problems.noMatch', { filter: filter.trim() })}</p>
      ) : null}
      <FindingGroups
        groups={groups}
        perRule={perRule}
        actions={actions}
        canAcknowledge={canAcknowledge}
      />
      <AcceptedGroup accepted={shownAccepted} actions={actions} />
      <UnusedGroup kind="stale" acknowledgements={stale} actions={actions} />
      <UnusedGroup kind="expired" acknowledgements={expired} actions={actions} />
    </section>
  );
}

type Groups = Readonly<Record<Severity, readonly Finding[]>>;

/** Whether a finding's rule, path or message (in the UI's language), or `extra`, holds `wanted`. */
function matches(finding: Finding, wanted: string, extra = ''): boolean {
  if (wanted === '') {
    return true;
  }
  const { message } = findingText(finding);
  return [finding.rule, finding.path, whereOf(finding), message, extra].some((text) =>
    text.toLowerCase().includes(wanted),
  );
}

function matching(findings: readonly Finding[], wanted: string): readonly Finding[] {
  return wanted === '' ? findings : findings.filter((finding) => matches(finding, wanted));
}

/** How many open findings each rule has (a rule with several can be accepted as a whole). */
function countsByRule(findings: readonly Finding[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  }
  return counts;
}

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
  perRule,
  actions,
  canAcknowledge,
}: {
  readonly groups: Groups;
  readonly perRule: ReadonlyMap<string, number>;
  readonly actions: RefObject<Actions>;
  readonly canAcknowledge: boolean;
}) {
  // One translation hook for the panel, not one per row: a large cluster has thousands.
  const { t } = useTranslation();
  return SEVERITIES.map((severity) => {
    const group = groups[severity];
    const label = t(COUNT_KEYS[severity], { count: group.length });
    return group.length === 0 ? null : (
      <ProblemGroup key={severity} className={`sev-${severity}`} label={label}>
        {group.map((finding) => (
          <ProblemRow
            key={findingKey(finding)}
            finding={finding}
            actions={actions}
            canAcknowledge={canAcknowledge && severity !== 'error'}
            sameRule={perRule.get(finding.rule) ?? 1}
            t={t}
          />
        ))}
      </ProblemGroup>
    );
  });
});

function ProblemRow({
  finding,
  actions,
  canAcknowledge,
  sameRule,
  t,
}: {
  readonly finding: Finding;
  readonly actions: RefObject<Actions>;
  /** Errors cannot be accepted: the cluster would not work. */
  readonly canAcknowledge: boolean;
  /** How many open findings the rule has, this one included. */
  readonly sameRule: number;
  readonly t: TFunction;
}) {
  const { fix } = findingText(finding);
  const [accepting, setAccepting] = useState(false);
  return (
    <li className={`problem sev-${finding.severity}`}>
      <FindingButton finding={finding} actions={actions} t={t} />
      {canAcknowledge && !accepting ? (
        <button
          type="button"
          className="acknowledge"
          title={t('problems.acknowledgeTitle')}
          onClick={() => setAccepting(true)}
        >
          {t('problems.acknowledge')}
        </button>
      ) : null}
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
      {accepting ? (
        <ReasonForm
          t={t}
          rule={finding.rule}
          sameRule={sameRule}
          onCancel={() => setAccepting(false)}
          onAccept={(choice) => {
            setAccepting(false);
            actions.current.onAcknowledge(finding, choice);
          }}
        />
      ) : null}
    </li>
  );
}
