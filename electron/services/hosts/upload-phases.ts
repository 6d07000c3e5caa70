/**
 * The read-only phases of an upload, on every host in parallel: pre-flight (connect, verify the
 * host key, log in, probe) and snapshot (pull the configuration, keep it locally).
 */
import { join } from 'node:path';
import { fail, ok } from '../../../schemas/index.js';
import { type HostResult, hostError } from './host-error.js';
import { probeHost } from './preflight.js';
import { pullConfiguration } from './remote-config.js';
import { snapshotName, snapshotsFolder, writeSnapshot } from './snapshot.js';
import { openSession } from './ssh-session.js';
import { type HostRun, type RunContext, runStep } from './upload-run.js';

/** Connects to and probes every host at once; true when every host passed. */
export async function preflightAll(
  runs: readonly HostRun[],
  context: RunContext,
  neededKiB: number,
): Promise<boolean> {
  const results = await Promise.all(
    runs.map((run) =>
      runStep(run, 'pre-flight', context, async () => {
        const session = await openSession(run.target, context.connect);
        if (!session.ok) {
          return session;
        }
        run.session = session.value;
        if (session.value.hostKey.recorded) {
          run.notes.push(
            `host key ${session.value.hostKey.type} ${session.value.hostKey.fingerprint} accepted and recorded`,
          );
        }
        const facts = await probeHost(session.value, context.remote, neededKiB);
        if (facts.ok) {
          run.facts = facts.value;
        }
        return facts;
      }),
    ),
  );
  return results.every((result) => result.ok);
}

/**
 * Pulls every host's configuration (a host without one is a first deployment there) and, unless
 * this is a dry run, writes it under <project>/.clpbuilder/snapshots/. True when all succeeded.
 */
export async function snapshotAll(
  runs: readonly HostRun[],
  context: RunContext,
  projectFolder: string,
  keep: boolean,
): Promise<boolean> {
  const at = new Date();
  const results = await Promise.all(
    runs.map((run) =>
      runStep(run, 'snapshot', context, async (): Promise<HostResult<void>> => {
        if (!run.session || !run.facts) {
          return fail(hostError('usage', 'no connection (pre-flight did not pass)'));
        }
        if (!run.facts.hasConfiguration) {
          run.notes.push('no configuration yet (first deployment)');
          return ok(undefined);
        }
        const pulled = await pullConfiguration(run.session, context.remote, run.facts.tempFolder);
        if (!pulled.ok) {
          return pulled;
        }
        run.pulled = pulled.value;
        if (!keep) {
          return ok(undefined);
        }
        const written = await writeSnapshot(
          join(snapshotsFolder(projectFolder), snapshotName(run.target, at)),
          pulled.value,
        );
        if (written.ok) {
          run.snapshot = written.value;
        }
        return written.ok ? ok(undefined) : written;
      }),
    ),
  );
  return results.every((result) => result.ok);
}
