/**
 * The read-only phases of an upload, on every host in parallel: pre-flight (connect, verify the
 * host key, log in, probe) and snapshot (pull the configuration, keep it locally).
 *
 * No host is asked for anything beyond pre-flight until every host has passed it: one host
 * down leaves the others untouched.
 */
import { join } from 'node:path';
import { fail, ok } from '../../../schemas/index.js';
import { type HostResult, hostError } from './host-error.js';
import { probeHost } from './preflight.js';
import { pullConfiguration } from './remote-config.js';
import { snapshotName, snapshotsFolder, writeSnapshot } from './snapshot.js';
import { openSession } from './ssh-session.js';
import { type HostRun, type RunContext, runStep } from './upload-run.js';

/** Where and whether to keep the snapshots. */
export interface SnapshotTarget {
  readonly projectFolder: string;
  /** False for a dry run: pull and compare, keep nothing. */
  readonly keep: boolean;
}

/** Pre-flight on every host at once, then the snapshots; true when every host passed both. */
export async function reachAll(
  runs: readonly HostRun[],
  context: RunContext,
  neededKiB: number,
  target: SnapshotTarget,
): Promise<boolean> {
  const checked = await Promise.all(runs.map((run) => preflight(run, context, neededKiB)));
  if (!checked.every((result) => result.ok)) {
    return false;
  }
  const at = new Date();
  const pulled = await Promise.all(runs.map((run) => snapshot(run, context, target, at)));
  return pulled.every((result) => result.ok);
}

/** Connects to and probes one host. */
function preflight(run: HostRun, context: RunContext, neededKiB: number) {
  return runStep(run, 'pre-flight', context, async () => {
    const session = await openSession(run.target, context.connect);
    if (!session.ok) {
      return session;
    }
    run.session = session.value;
    const { recorded, type, fingerprint } = session.value.hostKey;
    if (recorded) {
      run.notes.push({
        message: `host key ${type} ${fingerprint} accepted and recorded`,
        ja: `ホスト鍵 ${type} ${fingerprint} を受け入れ、記録しました`,
      });
    }
    const facts = await probeHost(session.value, context.remote, neededKiB);
    if (facts.ok) {
      run.facts = facts.value;
    }
    return facts;
  });
}

/**
 * Pulls one host's configuration (a host without one is a first deployment there) and, unless
 * this is a dry run, writes it under <project>/.clpbuilder/snapshots/.
 */
function snapshot(run: HostRun, context: RunContext, target: SnapshotTarget, at: Date) {
  return runStep(run, 'snapshot', context, async (): Promise<HostResult<void>> => {
    if (!run.session || !run.facts) {
      return fail(
        hostError('usage', 'no connection (pre-flight did not pass)', {
          ja: '接続がありません (事前チェックに失敗しました)',
        }),
      );
    }
    if (!run.facts.hasConfiguration) {
      run.notes.push({
        message: 'no configuration yet (first deployment)',
        ja: 'まだ構成情報がありません (初回の配布)',
      });
      return ok(undefined);
    }
    const pulled = await pullConfiguration(run.session, context.remote, run.facts.tempFolder);
    if (!pulled.ok) {
      return pulled;
    }
    run.pulled = pulled.value;
    if (!target.keep) {
      return ok(undefined);
    }
    const written = await writeSnapshot(
      join(snapshotsFolder(target.projectFolder), snapshotName(run.target, at)),
      pulled.value,
    );
    if (written.ok) {
      run.snapshot = written.value;
    }
    return written.ok ? ok(undefined) : written;
  });
}
