import { describe, expect, it } from 'vitest';
import { diffLines } from './diff-lines.js';
import { downloadFlow, initialDownload, verdictOf } from './download-flow.js';
import {
  type UploadFlow,
  canUpload,
  initialFlow,
  liveSteps,
  resultRows,
  rollbackOffer,
  unknownHostKeys,
  uploadFlow,
} from './upload-flow.js';
import {
  connectionOf,
  isAuthComplete,
  parseRows,
  parseTarget,
  rowsOfHosts,
  secretKeysOf,
} from './upload-model.js';
import type { UploadReport } from './upload-model.js';

function report(extra: Partial<UploadReport> = {}): UploadReport {
  return {
    ok: true,
    dryRun: true,
    plan: { pushHost: 'h1:22', isFirstDeployment: false, steps: [] },
    findings: [],
    hosts: [{ host: 'h1:22', status: 'done', completed: [], notes: [] }],
    cluster: { suspended: false, stoppedGroups: [], warnings: [] },
    notes: [],
    ...extra,
  };
}

function after(...actions: Parameters<typeof uploadFlow>[1][]): UploadFlow {
  return actions.reduce(uploadFlow, initialFlow);
}

const planned = (value: UploadReport) =>
  after({ type: 'started', phase: 'planning' }, { type: 'finished', result: { ok: true, value } });

describe('host rows', () => {
  it('parses address[:port], bracketed and bare IPv6, and refuses bad ports', () => {
    expect(parseTarget('10.0.0.1', 'root')).toEqual({
      address: '10.0.0.1',
      port: 22,
      user: 'root',
    });
    expect(parseTarget(' db1:2222 ', '')).toEqual({ address: 'db1', port: 2222, user: 'root' });
    expect(parseTarget('[::1]:2200', 'me')).toEqual({ address: '::1', port: 2200, user: 'me' });
    expect(parseTarget('fe80::1', 'me')).toEqual({ address: 'fe80::1', port: 22, user: 'me' });
    expect(parseTarget('host:99999', 'me')).toBeUndefined();
    expect(parseTarget('two words', 'me')).toBeUndefined();
    // As `clpbuilder upload --host` reads it (one parser): a full-form bare IPv6 address too.
    expect(parseTarget('fe80:0:0:0:0:0:0:1', 'me')).toEqual({
      address: 'fe80:0:0:0:0:0:0:1',
      port: 22,
      user: 'me',
    });
  });

  it('round-trips an IPv6 host on another port (its row is bracketed)', () => {
    const hosts = [
      { address: 'fe80::1', port: 2222, user: 'root' },
      { address: '::1', port: 22, user: 'ops' },
    ];
    const rows = rowsOfHosts(hosts);
    expect(rows.map((row) => row.target)).toEqual(['[fe80::1]:2222', '::1']);
    expect(parseRows(rows)).toEqual({ ok: true, hosts });
  });

  it('round-trips project.json hosts and names the rows that do not parse', () => {
    const rows = rowsOfHosts([
      { address: 'a', port: 22, user: 'root' },
      { address: 'b', port: 2022, user: 'ops' },
    ]);
    expect(rows).toEqual([
      { target: 'a', user: 'root' },
      { target: 'b:2022', user: 'ops' },
    ]);
    expect(parseRows(rows)).toMatchObject({ ok: true });
    expect(parseRows([...rows, { target: 'x:0', user: 'root' }])).toEqual({
      ok: false,
      invalid: [2],
    });
    expect(parseRows([])).toEqual({ ok: false, invalid: [] });
  });
});

describe('connectionOf', () => {
  const keys = { knownHostsFile: '', accepted: {} };
  it('sends only what the chosen method needs; empty fields fall back to main defaults', () => {
    expect(connectionOf({ method: 'agent' }, keys)).toEqual({ useAgent: true });
    expect(connectionOf({ method: 'key', identity: ' /k ', passphrase: '' }, keys)).toEqual({
      useAgent: false,
      identity: '/k',
    });
    expect(
      connectionOf(
        { method: 'password', password: 's' },
        { knownHostsFile: '/kh', accepted: { 'h:22': 'SHA256:x' } },
      ),
    ).toEqual({
      useAgent: false,
      password: 's',
      knownHostsFile: '/kh',
      acceptHostKeys: { 'h:22': 'SHA256:x' },
    });
  });

  it('asks main to remember a typed password only when ticked, and to use it when left empty', () => {
    expect(connectionOf({ method: 'password', password: 's', remember: true }, keys)).toEqual({
      useAgent: false,
      password: 's',
      rememberPassword: true,
    });
    expect(connectionOf({ method: 'password', password: '', remember: true }, keys)).toEqual({
      useAgent: false,
      useRememberedPassword: true,
    });
    expect(isAuthComplete({ method: 'password', password: '' })).toBe(false);
    expect(isAuthComplete({ method: 'password', password: '' }, true)).toBe(true);
    expect(secretKeysOf([{ address: '10.0.0.1', port: 2222, user: 'root' }])).toEqual([
      'root@10.0.0.1:2222',
    ]);
  });
});

describe('uploadFlow', () => {
  it('collects live steps while a call runs, per host, and drops them when the next starts', () => {
    const step = (host: string, name: string, state: 'started' | 'done' | 'failed') => ({
      host,
      step: name,
      state,
    });
    const running = after(
      { type: 'started', phase: 'uploading' },
      { type: 'progress', events: [step('h1:22', 'pre-flight', 'started')] },
      { type: 'progress', events: [step('h2:22', 'pre-flight', 'started')] },
      {
        type: 'progress',
        events: [step('h1:22', 'pre-flight', 'done'), step('h1:22', 'snapshot', 'started')],
      },
    );
    expect(liveSteps(running.progress)).toEqual([
      { host: 'h1:22', step: 'snapshot', state: 'started', done: 1 },
      { host: 'h2:22', step: 'pre-flight', state: 'started', done: 0 },
    ]);
    const ended = uploadFlow(running, { type: 'finished', result: { ok: true, value: report() } });
    // A page that arrives after the call ended changes nothing.
    expect(uploadFlow(ended, { type: 'progress', events: [step('h1:22', 'push', 'failed')] })).toBe(
      ended,
    );
    expect(uploadFlow(ended, { type: 'started', phase: 'rolling-back' }).progress).toEqual([]);
  });

  it("keeps a failed step's detail in both languages for the live view", () => {
    const failed = {
      host: 'h1:22',
      step: 'push',
      state: 'failed' as const,
      detail: 'h1:22: the command exited with 7',
      detailJa: 'h1:22: コマンドが終了コード 7 で終了しました',
    };
    const running = after(
      { type: 'started', phase: 'uploading' },
      { type: 'progress', events: [failed] },
    );
    expect(liveSteps(running.progress)).toEqual([{ ...failed, done: 0 }]);
  });

  it('plans, then uploads only a clean plan', () => {
    const flow = planned(report());
    expect(flow.phase).toBe('planned');
    expect(canUpload(flow)).toBe(true);
    expect(canUpload(after())).toBe(false);
  });

  it('refuses rule errors until "Upload anyway" is ticked, and an edit drops the plan', () => {
    const errors = report({
      ok: false,
      findings: [{ rule: 'X1', severity: 'error', message: 'bad' }],
      failure: { kind: 'rule-errors', message: '1 rule error' },
    });
    const flow = planned(errors);
    expect(canUpload(flow)).toBe(false);
    const allowed = uploadFlow(flow, { type: 'allow-errors', value: true });
    expect(canUpload(allowed)).toBe(true);
    expect(uploadFlow(allowed, { type: 'edited' })).toEqual(initialFlow);
  });

  it('a plan with a failed host cannot be uploaded; a call error returns to editing', () => {
    const failed = report({
      ok: false,
      hosts: [{ host: 'h1:22', status: 'failed', step: 'pre-flight', completed: [], notes: [] }],
      failure: { kind: 'auth', message: 'refused' },
    });
    expect(canUpload(planned(failed))).toBe(false);
    const error = after(
      { type: 'started', phase: 'planning' },
      { type: 'finished', result: { ok: false, error: { kind: 'usage', message: 'no hosts' } } },
    );
    expect(error).toMatchObject({ phase: 'edit', callError: { kind: 'usage' } });
  });

  it('offers rollback only when the upload report carries one', () => {
    const upload = () => uploadFlow(planned(report()), { type: 'started', phase: 'uploading' });
    const done = uploadFlow(upload(), {
      type: 'finished',
      result: { ok: true, value: report({ dryRun: false }) },
    });
    expect(rollbackOffer(done)).toBeUndefined();
    const failedPush = report({
      ok: false,
      rollback: { host: 'h1:22', snapshot: '/p/.clpbuilder/snapshots/1' },
      hosts: [{ host: 'h1:22', status: 'failed', step: 'verify', completed: ['push'], notes: [] }],
    });
    const failed = uploadFlow(upload(), {
      type: 'finished',
      result: { ok: true, value: failedPush },
    });
    expect(rollbackOffer(failed)).toEqual({
      host: 'h1:22',
      snapshot: '/p/.clpbuilder/snapshots/1',
    });
    expect(resultRows(failedPush)).toEqual([
      { host: 'h1:22', server: '-', status: 'failed', step: 'verify', detail: '' },
    ]);
    // While busy, an edit does not discard the running call's state.
    expect(uploadFlow(upload(), { type: 'edited' }).phase).toBe('uploading');
  });

  it('lists unknown host keys to trust, never changed ones', () => {
    const hostKey = { type: 'ssh-ed25519', fingerprint: 'SHA256:abc' };
    const flow = planned(
      report({
        ok: false,
        hosts: [
          {
            host: 'a:22',
            status: 'failed',
            completed: [],
            notes: [],
            error: { kind: 'host-key-unknown', message: '', host: 'a:22', hostKey },
          },
          {
            host: 'b:22',
            status: 'failed',
            completed: [],
            notes: [],
            error: { kind: 'host-key-changed', message: '', host: 'b:22', hostKey },
          },
        ],
      }),
    );
    expect(unknownHostKeys(flow)).toEqual([{ host: 'a:22', ...hostKey }]);
  });
});

describe('diffLines', () => {
  it('renders entities, parameters and scripts; ignores what is not a difference', () => {
    const difference = {
      entities: [
        {
          kind: 'monitor',
          name: 'genw-md',
          path: 'monitor/genw@genw-md',
          type: 'genw',
          change: 'changed',
          parameters: [{ path: 'polling/interval', before: '60', after: '45' }],
        },
        { kind: 'section', name: 'webmgr', path: 'webmgr', change: 'added', parameters: [] },
      ],
      scripts: [
        { path: 'a/start.sh', change: 'changed', binary: false, hunks: ['@@ -1 +1 @@\n-a\n+b'] },
      ],
    };
    expect(diffLines(difference)).toEqual([
      { mark: '~', text: 'monitor genw-md (genw)' },
      { mark: ' ', text: 'polling/interval: 60 → 45' },
      { mark: '+', text: 'section webmgr' },
      { mark: '~', text: 'script a/start.sh' },
      { mark: ' ', text: '@@ -1 +1 @@' },
      { mark: ' ', text: '-a' },
      { mark: ' ', text: '+b' },
    ]);
    const relaid = {
      entities: [],
      scripts: [
        {
          path: 'a/start.sh',
          change: 'changed',
          binary: false,
          hunks: [],
          unseen: ['byte-order-mark', 'line-endings'],
        },
      ],
    };
    expect(diffLines(relaid, (change) => `said ${change}`)).toEqual([
      { mark: '~', text: 'script a/start.sh' },
      { mark: ' ', text: '(said byte-order-mark)' },
      { mark: ' ', text: '(said line-endings)' },
    ]);
    expect(diffLines(undefined)).toEqual([]);
    expect(diffLines({ entities: 'x' })).toEqual([]);
  });
});

describe('downloadFlow', () => {
  const outcome = {
    host: 'h:22',
    folder: '/p',
    created: false,
    written: false,
    different: true,
    notes: [],
  };
  it('shows the diff of an existing project and writes only on Overwrite', () => {
    const state = [
      { type: 'started' } as const,
      { type: 'finished', result: { ok: true, value: outcome } } as const,
    ].reduce(downloadFlow, initialDownload);
    expect(state.phase).toBe('done');
    expect(verdictOf(outcome)).toBe('differs');
    expect(verdictOf({ ...outcome, written: true, created: true })).toBe('created');
    expect(verdictOf({ ...outcome, written: true })).toBe('written');
    expect(verdictOf({ ...outcome, different: false })).toBe('identical');
    expect(downloadFlow(state, { type: 'edited' })).toEqual(initialDownload);
    const failed = downloadFlow(initialDownload, {
      type: 'finished',
      result: { ok: false, error: { kind: 'auth', message: 'no' } },
    });
    expect(failed).toMatchObject({ phase: 'edit', error: { kind: 'auth' } });
  });
});
