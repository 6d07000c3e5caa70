/**
 * The steps that change the cluster, from the pushing host: stop groups, suspend, copy, push;
 * then verify on every host; then, whatever happened, put the cluster back in service: resume
 * what was suspended, start what was stopped, remove the temp folder (DESIGN.md promise 3).
 */
import { fail, ok } from '../../../schemas/index.js';
import { type HostError, type HostResult, hostError } from './host-error.js';
import { productCommand } from './product-commands.js';
import {
  makeRemoteTemp,
  pullConfiguration,
  removeRemoteTemp,
  runProduct,
} from './remote-config.js';
import { type FolderFile, uploadFiles } from './sftp-files.js';
import { type HostRun, type RunContext, runStep } from './upload-run.js';
import { compareConfiguration } from './verify.js';
import type { ClusterState } from './upload-types.js';
import { type Wording, beforeStop, japaneseOf, warningsOf } from './wording.js';

/** What to apply. */
export interface ApplyInput {
  readonly files: readonly FolderFile[];
  readonly flag: '-l' | '-w';
  readonly isFirstDeployment: boolean;
  readonly suspend: boolean;
  readonly groupsToStop: readonly string[];
  readonly groupsToStart: readonly string[];
}

/** What changed on the cluster so far, so that it can be undone. */
interface Applied {
  suspended: boolean;
  /** The push succeeded: groups it removed are gone, not stopped. */
  pushed: boolean;
  stopped: string[];
  temp?: string;
  readonly warnings: Wording[];
}

/** Applies the configuration and restores service; the failure, if any, and the cluster state. */
export async function applyToCluster(
  runs: readonly HostRun[],
  context: RunContext,
  input: ApplyInput,
): Promise<{ failure?: HostError; cluster: ClusterState }> {
  const pusher = runs[0]!;
  const applied: Applied = { suspended: false, pushed: false, stopped: [], warnings: [] };
  const failure = await changeCluster(pusher, runs, context, input, applied);
  await restoreService(pusher, context, input, applied);
  return {
    ...(failure ? { failure } : {}),
    cluster: {
      suspended: applied.suspended,
      stoppedGroups: applied.stopped,
      ...warningsOf(applied.warnings),
    },
  };
}

async function changeCluster(
  pusher: HostRun,
  runs: readonly HostRun[],
  context: RunContext,
  input: ApplyInput,
  applied: Applied,
): Promise<HostError | undefined> {
  const failure =
    (await stopGroups(pusher, context, input, applied)) ??
    (await suspendCluster(pusher, context, input, applied));
  if (failure) {
    return failure;
  }
  const copied = await runStep(pusher, 'copy', context, () =>
    copyFolder(pusher, input.files, applied),
  );
  if (!copied.ok) {
    return copied.error;
  }
  const pushed = await runStep(pusher, 'push', context, () =>
    productOn(
      pusher,
      context,
    )(productCommand.push(copied.value, input.flag, input.isFirstDeployment)),
  );
  if (!pushed.ok) {
    return pushed.error;
  }
  applied.pushed = true;
  return verifyAll(runs, context, input.files);
}

/** Runs product commands on the pushing host. */
function productOn(pusher: HostRun, context: RunContext) {
  return (command: string) => runProduct(pusher.session!, command, context.remote);
}

async function stopGroups(
  pusher: HostRun,
  context: RunContext,
  input: ApplyInput,
  applied: Applied,
): Promise<HostError | undefined> {
  if (input.groupsToStop.length === 0) {
    return undefined;
  }
  const stopped = await runStep(pusher, 'stop-groups', context, async () => {
    for (const group of input.groupsToStop) {
      const done = await productOn(pusher, context)(productCommand.stopGroup(group));
      if (!done.ok) {
        return done;
      }
      applied.stopped.push(group);
    }
    return ok(undefined);
  });
  return stopped.ok ? undefined : stopped.error;
}

async function suspendCluster(
  pusher: HostRun,
  context: RunContext,
  input: ApplyInput,
  applied: Applied,
): Promise<HostError | undefined> {
  if (!input.suspend || input.isFirstDeployment) {
    return undefined;
  }
  const suspended = await runStep(pusher, 'suspend', context, () =>
    productOn(pusher, context)(productCommand.suspend()),
  );
  if (suspended.ok) {
    applied.suspended = true;
    return undefined;
  }
  if (suspended.error.kind === 'command-timeout') {
    // It may still take effect after we stopped waiting: say so rather than guess.
    applied.warnings.push({
      message: `"clpcl --suspend" did not answer in time on ${pusher.label}: THE CLUSTER MAY BE SUSPENDED. Check with clpstat, and resume it with clpcl --resume if it is`,
      ja: `警告: クラスタがサスペンドされている可能性があります。${pusher.label} で "clpcl --suspend" が時間内に応答しませんでした。clpstat で確認し、サスペンドされていれば clpcl --resume でリジュームしてください`,
    });
  }
  return suspended.error;
}

async function copyFolder(
  pusher: HostRun,
  files: readonly FolderFile[],
  applied: Applied,
): Promise<HostResult<string>> {
  const temp = await makeRemoteTemp(pusher.session!, pusher.facts!.tempFolder);
  if (!temp.ok) {
    return temp;
  }
  applied.temp = temp.value;
  const sftp = await pusher.session!.sftp();
  const copied = sftp.ok ? await uploadFiles(sftp.value, temp.value, files) : sftp;
  return copied.ok ? ok(temp.value) : copied;
}

/** Pulls back from every host at once; the first host (in order) that differs is the failure. */
async function verifyAll(
  runs: readonly HostRun[],
  context: RunContext,
  files: readonly FolderFile[],
): Promise<HostError | undefined> {
  const results = await Promise.all(
    runs.map((run) =>
      runStep(run, 'verify', context, async (): Promise<HostResult<void>> => {
        const pulled = await pullConfiguration(run.session!, context.remote, run.facts!.tempFolder);
        if (!pulled.ok) {
          return pulled;
        }
        const outcome = compareConfiguration(files, pulled.value);
        run.notes.push(
          ...outcome.notes.map((message, index) => ({
            message,
            ja: outcome.notesJa?.[index] ?? message,
          })),
        );
        return outcome.matches
          ? ok(undefined)
          : fail(
              hostError(
                'verify-mismatch',
                `${run.label} stored something other than what was sent: ${outcome.problems.join('; ')}`,
                {
                  host: run.label,
                  ja: `${run.label} に保存された内容が、送信したものと異なります: ${(outcome.problemsJa ?? outcome.problems).join('。')}`,
                },
              ),
            );
      }),
    ),
  );
  const failed = results.find((result) => !result.ok);
  return failed && !failed.ok ? failed.error : undefined;
}

/** Always runs: resume, start groups, remove the temp folder. What cannot be done is said loudly. */
async function restoreService(
  pusher: HostRun,
  context: RunContext,
  input: ApplyInput,
  applied: Applied,
): Promise<void> {
  if (applied.suspended) {
    const resumed = await runStep(pusher, 'resume', context, () =>
      productOn(pusher, context)(productCommand.resume()),
    );
    if (resumed.ok) {
      applied.suspended = false;
    } else {
      const why = resumed.error.output;
      applied.warnings.push({
        message: `THE CLUSTER IS STILL SUSPENDED: "clpcl --resume" failed on ${pusher.label}: ${why ?? resumed.error.message}. Resume it on a server with: clpcl --resume`,
        ja: `警告: クラスタはサスペンドされたままです。${pusher.label} で "clpcl --resume" が失敗しました: ${beforeStop(why ?? japaneseOf(resumed.error))}。いずれかのサーバで clpcl --resume を実行してリジュームしてください`,
      });
    }
  }
  if (applied.pushed) {
    // Groups the new configuration removed are gone, not stopped.
    applied.stopped = applied.stopped.filter((group) => input.groupsToStart.includes(group));
  }
  await startGroups(pusher, context, applied);
  if (applied.temp) {
    const temp = applied.temp;
    const removed = await runStep(pusher, 'clean-up', context, () =>
      removeRemoteTemp(pusher.session!, temp),
    );
    if (!removed.ok) {
      pusher.notes.push({
        message: `the temp folder ${temp} could not be removed: ${removed.error.message}`,
        ja: `一時フォルダ ${temp} を削除できませんでした: ${japaneseOf(removed.error)}`,
      });
    }
  }
}

async function startGroups(pusher: HostRun, context: RunContext, applied: Applied): Promise<void> {
  const toStart = [...applied.stopped];
  if (toStart.length === 0) {
    return;
  }
  await runStep(pusher, 'start-groups', context, async () => {
    for (const group of toStart) {
      const started = await productOn(pusher, context)(productCommand.startGroup(group));
      if (!started.ok) {
        const why = started.error.output;
        applied.warnings.push({
          message: `GROUP ${group} IS STILL STOPPED: "clpgrp -s ${group}" failed on ${pusher.label}: ${why ?? started.error.message}`,
          ja: `警告: フェイルオーバグループ ${group} は停止したままです。${pusher.label} で "clpgrp -s ${group}" が失敗しました: ${why ?? japaneseOf(started.error)}`,
        });
        return started;
      }
      applied.stopped = applied.stopped.filter((name) => name !== group);
    }
    return ok(undefined);
  });
}
