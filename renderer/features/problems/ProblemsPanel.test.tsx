// @vitest-environment jsdom
/**
 * The Problems panel in jsdom: real findings from the rules, grouped by severity; a click
 * reports the finding to reveal, the quick-fix button the finding to fix.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Finding, type Project, checkProject, setParameter } from '../../../schemas/index.js';
import { interHostProject } from '../../../test/support/rule-projects.js';
import { initI18n } from '../../i18n.js';
import { ProblemsPanel } from './ProblemsPanel.js';

beforeAll(() => initI18n());
afterEach(cleanup);

function edited(project: Project, path: string, value: string): Project {
  const result = setParameter(project, path, value);
  if (!result.ok) {
    throw new Error(result.error.message);
  }
  return result.value;
}

/** A project with an error (VM003, quick-fixable) beside the rules' warnings and notes. */
function brokenFindings(): Finding[] {
  const broken = edited(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog');
  return checkProject(broken);
}

describe('ProblemsPanel', () => {
  it('groups findings by severity, errors first, with rule id and message', () => {
    const findings = brokenFindings();
    render(<ProblemsPanel findings={findings} onReveal={() => {}} onQuickFix={() => {}} />);
    const panel = screen.getByRole('region', { name: 'Problems' });
    const groups = within(panel)
      .getAllByRole('region')
      .map((group) => group.getAttribute('aria-label'));
    const count = (severity: Finding['severity']) =>
      findings.filter((finding) => finding.severity === severity).length;
    const expected = [
      count('error') > 0 ? `${count('error')} error${count('error') === 1 ? '' : 's'}` : undefined,
      count('warning') > 0
        ? `${count('warning')} warning${count('warning') === 1 ? '' : 's'}`
        : undefined,
      count('info') > 0 ? `${count('info')} note${count('info') === 1 ? '' : 's'}` : undefined,
    ].filter((label) => label !== undefined);
    expect(groups).toEqual(expected);
    const errors = within(panel).getAllByRole('region')[0]!;
    const vm003 = within(errors)
      .getAllByRole('listitem')
      .find((row) => row.textContent?.includes('VM003'));
    expect(vm003).toBeDefined();
    expect(within(vm003!).getByRole('img', { name: 'Error' })).toBeTruthy();
    const message = findings.find((finding) => finding.rule === 'VM003')!.message;
    expect(vm003!.textContent).toContain(message);
  });

  it('reports a click on a finding to reveal it, and the quick fix to apply it', async () => {
    const user = userEvent.setup();
    const findings = brokenFindings();
    const revealed: Finding[] = [];
    const fixed: Finding[] = [];
    render(
      <ProblemsPanel
        findings={findings}
        onReveal={(finding) => revealed.push(finding)}
        onQuickFix={(finding) => fixed.push(finding)}
      />,
    );
    const row = screen
      .getAllByRole('listitem')
      .find((candidate) => candidate.textContent?.includes('VM003'))!;
    await user.click(within(row).getByRole('button', { name: /VM003/ }));
    expect(revealed.map((finding) => finding.rule)).toEqual(['VM003']);
    await user.click(within(row).getByRole('button', { name: 'Quick fix' }));
    expect(fixed.map((finding) => [finding.rule, finding.path])).toEqual([
      ['VM003', revealed[0]!.path],
    ]);
    // Findings without a fix offer no button.
    const withoutFix = findings.filter((finding) => !finding.hasQuickFix).length;
    expect(screen.getAllByRole('button', { name: 'Quick fix' })).toHaveLength(
      findings.length - withoutFix,
    );
  });

  it('says each finding and its fix in Japanese when the UI is in Japanese', async () => {
    const findings = brokenFindings();
    await i18next.changeLanguage('ja');
    try {
      render(<ProblemsPanel findings={findings} onReveal={() => {}} onQuickFix={() => {}} />);
      const vm003 = findings.find((finding) => finding.rule === 'VM003')!;
      const row = screen
        .getAllByRole('listitem')
        .find((candidate) => candidate.textContent?.includes('VM003'))!;
      expect(row.textContent).toContain(vm003.ja.message);
      expect(row.textContent).not.toContain(vm003.message);
      expect(within(row).getByRole('button', { name: 'クイックフィックス' }).title).toBe(
        vm003.ja.fix,
      );
      const shown = screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
      expect(shown.every((text) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(text))).toBe(true);
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('accepts a warning with the reason typed, never an error, and not without a reason', async () => {
    const user = userEvent.setup();
    const findings = brokenFindings();
    const acknowledged: Array<[string, string, string]> = [];
    render(
      <ProblemsPanel
        findings={findings}
        onReveal={() => {}}
        onQuickFix={() => {}}
        onAcknowledge={(finding, reason) => acknowledged.push([finding.rule, finding.path, reason])}
      />,
    );
    const rowOf = (rule: string) =>
      screen.getAllByRole('listitem').find((row) => row.textContent?.includes(rule))!;
    // Errors cannot be accepted; every warning and info can.
    expect(within(rowOf('VM003')).queryByRole('button', { name: 'Accept…' })).toBeNull();
    const acceptable = findings.filter((finding) => finding.severity !== 'error').length;
    expect(screen.getAllByRole('button', { name: 'Accept…' })).toHaveLength(acceptable);

    const vm040 = rowOf('VM040');
    await user.click(within(vm040).getByRole('button', { name: 'Accept…' }));
    const confirm = within(vm040).getByRole('button', { name: 'Accept' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await user.type(within(vm040).getByLabelText('Why is it accepted?'), '   ');
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await user.type(within(vm040).getByLabelText('Why is it accepted?'), 'upload does it {Enter}');
    expect(acknowledged).toEqual([['VM040', 'cluster', 'upload does it']]);
    // Escape leaves without accepting.
    await user.click(within(rowOf('VM023')).getByRole('button', { name: 'Accept…' }));
    await user.type(within(rowOf('VM023')).getByLabelText('Why is it accepted?'), 'x{Escape}');
    expect(within(rowOf('VM023')).queryByLabelText('Why is it accepted?')).toBeNull();
    expect(acknowledged).toHaveLength(1);
  });

  it('lists accepted findings with their reasons and stale acceptances apart, each withdrawable', async () => {
    const user = userEvent.setup();
    const [upload, ...others] = brokenFindings().filter((finding) => finding.rule === 'VM040');
    expect(upload).toBeDefined();
    const acceptance = { rule: 'VM040', path: 'cluster', reason: 'upload does it' };
    const stale = { rule: 'CF011', path: 'monitor/userw@userw/parameters/action', reason: 'old' };
    const withdrawn: unknown[] = [];
    render(
      <ProblemsPanel
        findings={others}
        accepted={[{ finding: upload!, acknowledgement: acceptance }]}
        stale={[stale]}
        onReveal={() => {}}
        onQuickFix={() => {}}
        onWithdraw={(acknowledgement) => withdrawn.push(acknowledgement)}
      />,
    );
    expect(screen.getByText('No open problems: every finding left is accepted.')).toBeTruthy();
    const accepted = screen.getByRole('region', { name: '1 accepted' });
    expect(accepted.textContent).toContain('Reason: upload does it');
    expect(accepted.textContent).toContain(upload!.message);
    const staleGroup = screen.getByRole('region', { name: '1 stale acceptance' });
    expect(staleGroup.textContent).toContain('Accepts nothing now (was: old)');
    await user.click(within(accepted).getByRole('button', { name: 'Withdraw' }));
    await user.click(within(staleGroup).getByRole('button', { name: 'Withdraw' }));
    expect(withdrawn).toEqual([acceptance, stale]);
  });

  it('offers no acceptance where nothing can record it (a bare clp.conf)', () => {
    render(
      <ProblemsPanel
        findings={brokenFindings()}
        canAcknowledge={false}
        onReveal={() => {}}
        onQuickFix={() => {}}
      />,
    );
    expect(screen.queryAllByRole('button', { name: 'Accept…' })).toEqual([]);
  });

  it('says so when every rule passes', () => {
    render(<ProblemsPanel findings={[]} onReveal={() => {}} onQuickFix={() => {}} />);
    expect(screen.getByText('No problems: every rule passes.')).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });
});
