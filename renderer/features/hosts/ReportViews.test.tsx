// @vitest-environment jsdom
/**
 * The hosts dialogs' report views in jsdom: the result table's notes, the warnings on how the
 * cluster was left and why a password cannot be remembered are shown in Japanese when the UI
 * is, from the report's Japanese twins (`notesJa`, `warningsJa`, `reasonJa`), and in English
 * otherwise.
 */
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n.js';
import { AuthFields } from './ConnectionFields.js';
import { ClusterWarnings, ReportNotes, ResultTable } from './ReportViews.js';
import type { UploadReport } from './upload-model.js';

beforeAll(() => initI18n());
afterEach(cleanup);

const NOTES = [
  'no configuration yet (first deployment)',
  'host key ssh-ed25519 SHA256:abc accepted and recorded',
];
const NOTES_JA = [
  'まだ構成情報がありません (初回の配布)',
  'ホスト鍵 ssh-ed25519 SHA256:abc を受け入れ、記録しました',
];
const WARNING =
  'THE CLUSTER IS STILL SUSPENDED: "clpcl --resume" failed on 10.0.0.1:22: Failed. Resume it on a server with: clpcl --resume';
const WARNING_JA =
  '警告: クラスタはサスペンドされたままです。10.0.0.1:22 で "clpcl --resume" が失敗しました: Failed。いずれかのサーバで clpcl --resume を実行してリジュームしてください';
const REASON = 'the operating system keychain is not available';
const REASON_JA = 'オペレーティングシステムのキーチェーンを使用できません';

const report: UploadReport = {
  ok: false,
  dryRun: false,
  findings: [],
  hosts: [
    { host: '10.0.0.1:22', status: 'done', completed: [], notes: NOTES, notesJa: NOTES_JA },
    { host: '10.0.0.2:22', status: 'done', completed: [], notes: [] },
  ],
  cluster: { suspended: true, stoppedGroups: [], warnings: [WARNING], warningsJa: [WARNING_JA] },
  notes: [],
};

/** The result table, the warnings and the password field as the dialog shows them. */
function renderViews(): void {
  render(
    <>
      <ResultTable report={report} />
      <ClusterWarnings cluster={report.cluster} />
      <AuthFields
        auth={{ method: 'password', password: '' }}
        knownHostsFile=""
        disabled={false}
        secrets={{ available: false, reason: REASON, reasonJa: REASON_JA, remembered: false }}
        onAuth={() => {}}
        onKnownHostsFile={() => {}}
      />
    </>,
  );
}

/** The detail cell of the first host's row. */
function detailCell(): string {
  const row = screen.getAllByRole('row').find((r) => r.textContent?.includes('10.0.0.1:22'))!;
  return row.lastElementChild?.textContent ?? '';
}

describe('report views', () => {
  it('in English: the notes, the warning and the reason as the host worded them', () => {
    renderViews();
    expect(detailCell()).toBe(NOTES.join('; '));
    expect(screen.getByRole('alert').textContent).toBe(WARNING);
    expect(document.body.textContent).toContain(`kept for this window only: ${REASON}.`);
    expect(document.body.textContent).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('in Japanese: the Japanese twins, nothing of the English', async () => {
    await i18next.changeLanguage('ja');
    try {
      renderViews();
      expect(detailCell()).toBe(NOTES_JA.join('。'));
      expect(screen.getByRole('alert').textContent).toBe(WARNING_JA);
      expect(document.body.textContent).toContain(REASON_JA);
      for (const english of [...NOTES, WARNING, REASON]) {
        expect(document.body.textContent).not.toContain(english);
      }
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('in Japanese, a report without Japanese (an older host process) still shows its English', async () => {
    await i18next.changeLanguage('ja');
    try {
      const plain = { ...report.hosts[0]!, notesJa: undefined };
      render(<ResultTable report={{ ...report, hosts: [plain] }} />);
      expect(detailCell()).toBe(NOTES.join('; '));
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('shows the report’s own notes, a warning among them as an alert, in the UI’s language', async () => {
    const notes = {
      notes: [
        'rules checked for topology inter-host',
        "WARNING: 10.0.0.1:22's configuration CHANGED although the push failed; roll back to the snapshot",
      ],
      notesJa: [
        'ルールはトポロジ inter-host 向けに検査しました',
        '警告: 10.0.0.1:22 の構成情報は、配信が失敗したにもかかわらず変更されています。スナップショットにロールバックしてください',
      ],
    };
    render(<ReportNotes report={notes} />);
    const list = screen.getByRole('list', { name: 'Notes' });
    expect(Array.from(list.querySelectorAll('li'), (item) => item.textContent)).toEqual(
      notes.notes,
    );
    expect(screen.getByRole('alert').textContent).toBe(notes.notes[1]);
    cleanup();
    await i18next.changeLanguage('ja');
    try {
      render(<ReportNotes report={notes} />);
      expect(screen.getByRole('alert').textContent).toBe(notes.notesJa[1]);
      expect(screen.getByRole('list', { name: '注記' }).textContent).toContain(notes.notesJa[0]);
    } finally {
      await i18next.changeLanguage('en');
    }
    cleanup();
    render(<ReportNotes report={{ notes: [] }} />);
    expect(screen.queryByRole('list')).toBeNull();
  });
});
