/**
 * The report of an upload: the result table (done / failed at step X / not reached), the
 * failure with its host, step, command and output, how the cluster was left, and the rollback
 * offered when the configuration may have changed.
 */
import type { HostError } from './host-error.js';
import { type HostRun, expectedSteps, outcomeOf } from './upload-run.js';
import type { ClusterState, UploadReport } from './upload-types.js';
import { type Wording, notesOf } from './wording.js';

/** What the phases found, to be put in the report. */
export type ReportParts = Partial<
  Omit<UploadReport, 'ok' | 'hosts' | 'rollback' | 'cluster' | 'dryRun' | 'notes' | 'notesJa'>
> & {
  readonly dryRun: boolean;
  readonly cluster?: ClusterState;
  /** The report's notes, in English and Japanese. */
  readonly notes?: readonly Wording[];
};

const IN_SERVICE: ClusterState = { suspended: false, stoppedGroups: [], warnings: [] };

/** Builds the report from the runs and what the phases found. */
export function buildReport(runs: readonly HostRun[], parts: ReportParts): UploadReport {
  const hosts = runs.map((run, index) =>
    outcomeOf(run, expectedSteps(run, index === 0, parts.plan, parts.dryRun)),
  );
  const failure: HostError | undefined =
    parts.failure ?? runs.find((run) => run.failed)?.failed?.error;
  const cluster = parts.cluster ?? IN_SERVICE;
  const pusher = runs[0];
  const reachedPush =
    pusher !== undefined && (pusher.completed.includes('push') || pusher.failed?.step === 'push');
  const { notes: partNotes = [], ...found } = parts;
  const notes = [...partNotes];
  if (failure && !reachedPush && !parts.dryRun) {
    notes.push({
      message: 'the configuration was not changed: the failure came before the push',
      ja: '構成情報は変更していません。失敗したのは配信より前です',
    });
  }
  return {
    ...found,
    ok:
      failure === undefined &&
      cluster.warnings.length === 0 &&
      hosts.every((host) => host.status === 'done'),
    dryRun: parts.dryRun,
    findings: parts.findings ?? [],
    hosts,
    ...(failure ? { failure } : {}),
    cluster,
    ...(failure && reachedPush && pusher?.snapshot
      ? { rollback: { host: pusher.label, snapshot: pusher.snapshot } }
      : {}),
    ...notesOf(notes),
  };
}
