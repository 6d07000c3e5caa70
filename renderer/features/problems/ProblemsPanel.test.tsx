// @vitest-environment jsdom
/**
 * The Problems panel in jsdom: real findings from the rules, grouped by severity; a click
 * reports the finding to reveal, the quick-fix button the finding to fix.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Finding,
  type Project,
  checkProject,
  setParameter,
  today,
} from '../../../schemas/index.js';
import { interHostProject, withScripts } from '../../../test/support/rule-projects.js';
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

  it('offers every quick fix at once where there are several, and only where it can apply them', async () => {
    const user = userEvent.setup();
    const twoFixes = checkProject(
      edited(
        edited(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog'),
        'monitor/genw@genw-vm/parameters/sync',
        '1',
      ),
    );
    expect(twoFixes.filter((finding) => finding.hasQuickFix)).toHaveLength(2);
    let fixAll = 0;
    const { unmount } = render(
      <ProblemsPanel
        findings={twoFixes}
        onReveal={() => {}}
        onQuickFix={() => {}}
        onFixAll={() => (fixAll += 1)}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Fix all 2' }));
    expect(fixAll).toBe(1);
    unmount();
    // One fix has its own button on the row; no callback, no button.
    render(
      <ProblemsPanel
        findings={brokenFindings()}
        onReveal={() => {}}
        onQuickFix={() => {}}
        onFixAll={() => {}}
      />,
    );
    expect(screen.queryByRole('button', { name: /^Fix / })).toBeNull();
    cleanup();
    render(<ProblemsPanel findings={twoFixes} onReveal={() => {}} onQuickFix={() => {}} />);
    expect(screen.queryByRole('button', { name: /^Fix all/ })).toBeNull();
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
    const acknowledged: Array<[string, string, string, boolean]> = [];
    render(
      <ProblemsPanel
        findings={findings}
        onReveal={() => {}}
        onQuickFix={() => {}}
        onAcknowledge={(finding, { reason, everyFinding }) =>
          acknowledged.push([finding.rule, finding.path, reason, everyFinding])
        }
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
    expect(acknowledged).toEqual([['VM040', 'cluster', 'upload does it', false]]);
    // Escape leaves without accepting.
    await user.click(within(rowOf('VM023')).getByRole('button', { name: 'Accept…' }));
    await user.type(within(rowOf('VM023')).getByLabelText('Why is it accepted?'), 'x{Escape}');
    expect(within(rowOf('VM023')).queryByLabelText('Why is it accepted?')).toBeNull();
    expect(acknowledged).toHaveLength(1);
  });

  it('offers to accept every finding of a rule where it has several', async () => {
    const user = userEvent.setup();
    const placeholder = (name: string): Finding => ({
      rule: 'CF010',
      severity: 'warning',
      path: `server@${name}`,
      message: `name "${name}" is a template placeholder`,
      fix: 'Substitute the real name before uploading.',
      source: 'clpconf-format.md §11',
      hasQuickFix: false,
      ja: {
        message: `名前 "${name}" はテンプレートのプレースホルダです`,
        fix: '置き換えてください',
      },
    });
    const [first, second] = [placeholder('%%VMA1%%'), placeholder('%%VMA2%%')];
    const upload = brokenFindings().find((finding) => finding.rule === 'VM040')!;
    const acknowledged: Array<[string, string, boolean]> = [];
    render(
      <ProblemsPanel
        findings={[first!, second!, upload]}
        onReveal={() => {}}
        onQuickFix={() => {}}
        onAcknowledge={(finding, { reason, everyFinding }) =>
          acknowledged.push([finding.path, reason, everyFinding])
        }
      />,
    );
    const rowOf = (text: string) =>
      screen.getAllByRole('listitem').find((row) => row.textContent?.includes(text))!;
    // A rule with one finding offers no such choice.
    await user.click(within(rowOf('VM040')).getByRole('button', { name: 'Accept…' }));
    expect(within(rowOf('VM040')).queryByRole('checkbox')).toBeNull();
    await user.click(within(rowOf('VM040')).getByRole('button', { name: 'Cancel' }));

    const row = rowOf('%%VMA1%%');
    await user.click(within(row).getByRole('button', { name: 'Accept…' }));
    await user.click(within(row).getByRole('checkbox', { name: 'Every CF010 finding (2)' }));
    await user.type(within(row).getByLabelText('Why is it accepted?'), 'a template{Enter}');
    expect(acknowledged).toEqual([['server@%%VMA1%%', 'a template', true]]);
    cleanup();
    // Accepted as a whole, each row says so.
    render(
      <ProblemsPanel
        findings={[upload]}
        accepted={[first!, second!].map((finding) => ({
          finding,
          acknowledgement: { rule: 'CF010', reason: 'a template' },
        }))}
        onReveal={() => {}}
        onQuickFix={() => {}}
      />,
    );
    const accepted = screen.getByRole('region', { name: '2 accepted' });
    expect(within(accepted).getAllByText('Reason (every CF010 finding): a template')).toHaveLength(
      2,
    );
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

  it('takes a last day with the reason, and lists expired acceptances apart', async () => {
    const user = userEvent.setup();
    const findings = brokenFindings();
    const choices: unknown[] = [];
    const withdrawn: unknown[] = [];
    const expired = { rule: 'VM013', reason: 'until the audit', until: '2001-01-31' };
    render(
      <ProblemsPanel
        findings={findings}
        expired={[expired]}
        onReveal={() => {}}
        onQuickFix={() => {}}
        onAcknowledge={(_finding, choice) => choices.push(choice)}
        onWithdraw={(acknowledgement) => withdrawn.push(acknowledgement)}
      />,
    );
    const row = screen
      .getAllByRole('listitem')
      .find((candidate) => candidate.textContent?.includes('VM040'))!;
    await user.click(within(row).getByRole('button', { name: 'Accept…' }));
    const until = within(row).getByLabelText<HTMLInputElement>('Until (optional)');
    // The picker starts at today, on the engineer's calendar: a past day would accept nothing.
    expect(until.min).toBe(today());
    await user.type(until, '2027-03-31');
    await user.type(within(row).getByLabelText('Why is it accepted?'), 'until the window{Enter}');
    expect(choices).toEqual([
      { reason: 'until the window', everyFinding: false, until: '2027-03-31' },
    ]);
    const group = screen.getByRole('region', { name: '1 expired acceptance' });
    expect(group.textContent).toContain(
      'Ran until 2001-01-31: the finding counts again (was: until the audit)',
    );
    await user.click(within(group).getByRole('button', { name: 'Withdraw' }));
    expect(withdrawn).toEqual([expired]);
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

  it('filters the rows by rule, path, message or reason, keeping the counts whole', async () => {
    const user = userEvent.setup();
    const findings = brokenFindings();
    const upload = findings.find((finding) => finding.rule === 'VM040')!;
    const open = findings.filter((finding) => finding !== upload);
    render(
      <ProblemsPanel
        findings={open}
        accepted={[{ finding: upload, acknowledgement: { rule: 'VM040', reason: 'runbook RB-7' } }]}
        onReveal={() => {}}
        onQuickFix={() => {}}
      />,
    );
    const filter = screen.getByRole('searchbox', { name: 'Filter the problems' });
    const rules = () =>
      screen.getAllByRole('listitem').map((row) => row.querySelector('.rule')?.textContent);
    const total = screen.getAllByRole('listitem').length;
    await user.type(filter, 'userw@USERW');
    expect(rules()).toEqual(['VM003']);
    // The header still counts every finding.
    const header = screen.getByRole('region', { name: 'Problems' }).querySelector('header')!;
    expect(header.textContent).toContain(
      `${open.filter((f) => f.severity === 'error').length} error`,
    );
    await user.clear(filter);
    await user.type(filter, 'rb-7');
    expect(rules()).toEqual(['VM040']);
    await user.clear(filter);
    await user.type(filter, 'no such thing');
    expect(screen.queryAllByRole('listitem')).toEqual([]);
    expect(screen.getByText('No problem matches “no such thing”.')).toBeTruthy();
    await user.clear(filter);
    expect(screen.getAllByRole('listitem')).toHaveLength(total);
  });

  it('names the script for a finding about a script’s content, its setting as the tooltip', () => {
    const project = interHostProject();
    const start = 'failover-vm/exec-vm/start.sh';
    const text = new TextDecoder().decode(project.scripts.get(start)!.bytes);
    const crlf = withScripts(project, { [start]: text.replace(/\n/g, '\r\n') });
    const findings = checkProject(crlf);
    render(<ProblemsPanel findings={findings} onReveal={() => {}} onQuickFix={() => {}} />);
    const row = screen
      .getAllByRole('listitem')
      .find((item) => item.textContent?.includes('CF013'))!;
    const where = row.querySelector('.where')!;
    expect(where.textContent).toBe(`scripts/${start}`);
    // The setting that names it is still there, as the tooltip.
    expect(where.getAttribute('title')).toBe('resource/exec@exec-vm/parameters/act/path');
  });

  it('says so when every rule passes', () => {
    render(<ProblemsPanel findings={[]} onReveal={() => {}} onQuickFix={() => {}} />);
    expect(screen.getByText('No problems: every rule passes.')).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });
});
