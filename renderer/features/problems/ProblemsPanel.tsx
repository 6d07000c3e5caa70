/**
 * The Problems panel: every finding by severity with its rule id and message; a click goes to
 * the entity, a button applies the rule's quick fix.
 */
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../schemas/index.js';

interface Props {
  readonly findings: readonly Finding[];
  onReveal(finding: Finding): void;
  onQuickFix(finding: Finding): void;
}

/** The panel; findings arrive sorted by severity (the engine's order). */
export function ProblemsPanel({ findings, onReveal, onQuickFix }: Props) {
  const { t } = useTranslation();
  const count = (severity: Finding['severity']) =>
    findings.filter((finding) => finding.severity === severity).length;
  return (
    <section className="problems" aria-label={t('problems.title')}>
      <header>
        <h2>{t('problems.title')}</h2>
        <span className="counts">
          <span className="sev-error">{t('problems.errors', { count: count('error') })}</span>
          <span className="sev-warning">{t('problems.warnings', { count: count('warning') })}</span>
          <span className="sev-info">{t('problems.infos', { count: count('info') })}</span>
        </span>
      </header>
      {findings.length === 0 ? <p className="empty">{t('problems.none')}</p> : null}
      <ul>
        {findings.map((finding) => (
          <li
            key={`${finding.rule}|${finding.path}|${finding.message}`}
            className={`problem sev-${finding.severity}`}
          >
            <button type="button" className="problem-main" onClick={() => onReveal(finding)}>
              <span
                className={`sev-icon sev-${finding.severity}`}
                aria-label={t(`severity.${finding.severity}`)}
              />
              <span className="rule">{finding.rule}</span>
              <span className="message">{finding.message}</span>
              <code className="where">{finding.path}</code>
            </button>
            {finding.hasQuickFix ? (
              <button
                type="button"
                className="quick-fix"
                title={finding.fix}
                onClick={() => onQuickFix(finding)}
              >
                {t('problems.quickFix')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
