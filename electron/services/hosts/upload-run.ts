/**
 * Bookkeeping of an upload run: per host, the connection, what pre-flight and the snapshot
 * found, which steps completed and which failed; progress events; the result table rows.
 */
import { fail } from '../../../schemas/index.js';
import { type HostError, type HostResult, atStep } from './host-error.js';
import { type HostTarget, hostLabel } from './host-target.js';
import type { HostFacts } from './preflight.js';
import type { RemoteSettings } from './remote-config.js';
import type { FolderFile } from './sftp-files.js';
import type { ConnectOptions, Session } from './ssh-session.js';
import type { HostOutcome, ProgressEvent, StepName, UploadPlan } from './upload-types.js';
import { type Wording, notesOf } from './wording.js';

/** One host during the run. */
export interface HostRun {
  readonly target: HostTarget;
  readonly label: string;
  session?: Session;
  facts?: HostFacts;
  /** The configuration pulled at snapshot time; undefined when the host has none. */
  pulled?: FolderFile[];
  snapshot?: string;
  readonly completed: StepName[];
  failed?: { readonly step: StepName; readonly error: HostError };
  /** What the result table says of this host besides its failure, in English and Japanese. */
  readonly notes: Wording[];
}

/** What every step needs: how to reach hosts and run commands, and where to report progress. */
export interface RunContext {
  readonly connect: ConnectOptions;
  readonly remote: RemoteSettings;
  readonly progress: (event: ProgressEvent) => void;
}

/** A fresh run for one host. */
export function newRun(target: HostTarget): HostRun {
  return { target, label: hostLabel(target), completed: [], notes: [] };
}

/**
 * Runs one step of one host: reports it started and how it ended, records it as completed or
 * as the host's failure (the first failure stays: a later clean-up failing does not hide it).
 */
export async function runStep<T>(
  run: HostRun,
  step: StepName,
  context: RunContext,
  work: () => Promise<HostResult<T>>,
): Promise<HostResult<T>> {
  context.progress({ host: run.label, step, state: 'started' });
  const result = await work();
  if (result.ok) {
    run.completed.push(step);
    context.progress({ host: run.label, step, state: 'done' });
    return result;
  }
  const error = atStep(result.error, run.label, step);
  run.failed ??= { step, error };
  context.progress({
    host: run.label,
    step,
    state: 'failed',
    detail: error.message,
    ...(error.ja !== undefined ? { detailJa: error.ja } : {}),
  });
  return fail(error);
}

/** The steps a host takes part in: from the plan, or (before there is one) by its role. */
export function expectedSteps(
  run: HostRun,
  isPushHost: boolean,
  plan: UploadPlan | undefined,
  dryRun: boolean,
): StepName[] {
  if (dryRun) {
    return ['pre-flight', 'snapshot'];
  }
  if (plan) {
    return plan.steps.filter((step) => step.on.includes(run.label)).map((step) => step.step);
  }
  return isPushHost
    ? ['pre-flight', 'snapshot', 'copy', 'push', 'verify', 'clean-up']
    : ['pre-flight', 'snapshot', 'verify'];
}

/** One row of the result table. */
export function outcomeOf(run: HostRun, expected: readonly StepName[]): HostOutcome {
  const base = {
    host: run.label,
    ...(run.target.server ? { server: run.target.server } : {}),
    completed: [...run.completed],
    ...(run.facts ? { facts: run.facts } : {}),
    ...(run.snapshot ? { snapshot: run.snapshot } : {}),
    ...notesOf(run.notes),
  };
  if (run.failed) {
    return { ...base, status: 'failed', step: run.failed.step, error: run.failed.error };
  }
  const missing = expected.find((step) => !run.completed.includes(step));
  return missing ? { ...base, status: 'not-reached', step: missing } : { ...base, status: 'done' };
}
