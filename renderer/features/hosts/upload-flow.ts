/**
 * The Upload dialog's phases as a reducer: edit → plan (dry run) → upload → result →
 * rollback. Pure, so the rules that guard the destructive steps are tested without React.
 */
import type { CallResult, ProgressEventView } from '../../../electron/contract.js';
import type { HostReport, UploadReport } from './upload-model.js';
import { errorText, inLanguage } from '../../error-text.js';

/** Where the dialog is; `busy` phases show a spinner on the step they run. */
export type Phase =
  'edit' | 'planning' | 'planned' | 'uploading' | 'uploaded' | 'rolling-back' | 'rolled-back';

/** A call's failure, or a report's, as the dialog shows it. */
export interface Problem {
  readonly kind: string;
  readonly message: string;
  /** `message` in Japanese. */
  readonly ja?: string | undefined;
  readonly host?: string | undefined;
  readonly step?: string | undefined;
  readonly command?: string | undefined;
  readonly output?: string | undefined;
  readonly hostKey?: { readonly type: string; readonly fingerprint: string } | undefined;
}

export interface UploadFlow {
  readonly phase: Phase;
  /** The dry run's report: plan, diff, findings. */
  readonly plan?: UploadReport | undefined;
  /** The upload's (or the rollback's) report: the result table. */
  readonly result?: UploadReport | undefined;
  /** A call that failed as a whole (transport, usage) rather than with a report. */
  readonly callError?: Problem | undefined;
  /** The explicit override of rule errors. */
  readonly allowErrors: boolean;
  /** The running call's steps so far, as the host reported them. */
  readonly progress: readonly ProgressEventView[];
}

type Report = CallResult<'hosts:upload'>;

export type FlowAction =
  | { readonly type: 'edited' }
  | { readonly type: 'allow-errors'; readonly value: boolean }
  | { readonly type: 'started'; readonly phase: 'planning' | 'uploading' | 'rolling-back' }
  | { readonly type: 'progress'; readonly events: readonly ProgressEventView[] }
  | { readonly type: 'finished'; readonly result: Report };

/** A fresh dialog. */
export const initialFlow: UploadFlow = { phase: 'edit', allowErrors: false, progress: [] };

const DONE = { planning: 'planned', uploading: 'uploaded', 'rolling-back': 'rolled-back' } as const;

/** The next state of the dialog. */
export function uploadFlow(state: UploadFlow, action: FlowAction): UploadFlow {
  switch (action.type) {
    case 'edited':
      // Hosts or credentials changed: the plan no longer describes what would run.
      return isBusy(state.phase) ? state : initialFlow;
    case 'allow-errors':
      return { ...state, allowErrors: action.value };
    case 'started':
      return { ...state, phase: action.phase, callError: undefined, progress: [] };
    case 'progress':
      // Late pages of a call that has ended are dropped: the report says it all.
      return isBusy(state.phase) && action.events.length > 0
        ? { ...state, progress: [...state.progress, ...action.events] }
        : state;
    case 'finished':
      return finished(state, action.result);
  }
}

function finished(state: UploadFlow, result: Report): UploadFlow {
  if (!isBusy(state.phase)) {
    return state;
  }
  const phase = DONE[state.phase as keyof typeof DONE];
  if (!result.ok) {
    // The call failed as a whole: nothing new to show but the error; a plan may be retried.
    return { ...state, phase: phase === 'planned' ? 'edit' : phase, callError: result.error };
  }
  return phase === 'planned'
    ? { ...state, phase, plan: result.value, result: undefined }
    : { ...state, phase, result: result.value };
}

/** Where each host is in the running call: its latest step and that step's state. */
export interface LiveStep {
  readonly host: string;
  readonly step: string;
  readonly state: ProgressEventView['state'];
  readonly detail?: string | undefined;
  /** `detail` in Japanese. */
  readonly detailJa?: string | undefined;
  /** Steps this host has finished so far. */
  readonly done: number;
}

/** The progress so far, one entry per host in the order they first reported. */
export function liveSteps(progress: readonly ProgressEventView[]): LiveStep[] {
  const hosts = new Map<string, LiveStep>();
  for (const event of progress) {
    const done = (hosts.get(event.host)?.done ?? 0) + (event.state === 'done' ? 1 : 0);
    hosts.set(event.host, { ...event, done });
  }
  return [...hosts.values()];
}

/** Whether a call is running (buttons are disabled, Escape does not close). */
export function isBusy(phase: Phase): boolean {
  return phase === 'planning' || phase === 'uploading' || phase === 'rolling-back';
}

/** Rule errors among the findings the dry run reported. */
export function ruleErrorCount(report: UploadReport | undefined): number {
  return (report?.findings ?? []).filter(
    (finding) => (finding as { severity?: unknown }).severity === 'error',
  ).length;
}

/**
 * Whether Upload may run: a plan exists, every host passed it, and rule errors (the one
 * failure a dry run reports on purpose) are overridden explicitly.
 */
export function canUpload(state: UploadFlow): boolean {
  const plan = state.plan;
  if (state.phase !== 'planned' || !plan?.plan) {
    return false;
  }
  const errors = ruleErrorCount(plan) > 0 || plan.failure?.kind === 'rule-errors';
  if (errors) {
    return state.allowErrors && plan.hosts.every((host) => host.status !== 'failed');
  }
  return plan.ok;
}

/** The snapshot to roll back to: offered only after a failure at or after the push. */
export function rollbackOffer(state: UploadFlow): { host: string; snapshot: string } | undefined {
  return state.phase === 'uploaded' ? state.result?.rollback : undefined;
}

/** The report's failure, or the call's: what the dialog shows in its alert. */
export function problemOf(state: UploadFlow): Problem | undefined {
  if (state.callError) {
    return state.callError;
  }
  const report = state.phase === 'planned' ? state.plan : state.result;
  return report?.failure;
}

/** An unknown host key the user may accept by its fingerprint. */
export interface HostKeyOffer {
  readonly host: string;
  readonly type: string;
  readonly fingerprint: string;
}

/** The unknown host keys among these failures, one per host (a changed key is never offered). */
export function hostKeyOffers(problems: readonly (Problem | undefined)[]): HostKeyOffer[] {
  const seen = new Map<string, HostKeyOffer>();
  for (const problem of problems) {
    if (problem?.kind === 'host-key-unknown' && problem.host && problem.hostKey) {
      seen.set(problem.host, { host: problem.host, ...problem.hostKey });
    }
  }
  return [...seen.values()];
}

/** Unknown host keys of the plan or upload, which the user may accept by fingerprint. */
export function unknownHostKeys(state: UploadFlow): HostKeyOffer[] {
  const report = state.phase === 'planned' ? state.plan : state.result;
  return hostKeyOffers([problemOf(state), ...(report?.hosts ?? []).map((host) => host.error)]);
}

/** One row of the result table: `done`, `failed at <step>`, `not reached`. */
export interface ResultRow {
  readonly host: string;
  readonly server: string;
  readonly status: HostReport['status'];
  readonly step?: string | undefined;
  readonly detail: string;
}

/** The result table's rows, in the report's order (the pushing host first). */
export function resultRows(report: UploadReport): ResultRow[] {
  return report.hosts.map((host) => ({
    host: host.host,
    server: host.server ?? '-',
    status: host.status,
    step: host.step,
    detail: host.error
      ? errorText(host.error)
      : inLanguage(host.notes.join('; '), host.notesJa?.join('。')),
  }));
}
