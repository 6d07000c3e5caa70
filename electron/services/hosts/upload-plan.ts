/**
 * The upload plan: every step, where it runs and the exact commands, built once pre-flight has
 * told whether this is a first deployment. Shown before anything changes and printed by
 * `--dry-run`; the executor sends these same command strings.
 */
import { productCommand } from './product-commands.js';
import { PROBE } from './preflight.js';
import type { PlannedStep, StepName, UploadPlan } from './upload-types.js';

/** What the plan depends on. */
export interface PlanInput {
  readonly hosts: readonly string[];
  readonly isFirstDeployment: boolean;
  readonly flag: '-l' | '-w';
  readonly suspend: boolean;
  readonly groupsToStop: readonly string[];
  readonly groupsToStart: readonly string[];
  readonly fileCount: number;
  readonly snapshotsFolder: string;
}

/** Stands for the fresh temp folder (`<temp area>/clpbuilder.<random>`) made on the host. */
export const TEMP = '<temp>';

/** Builds the plan; the first host is the one pushed from. */
export function buildPlan(input: PlanInput): UploadPlan {
  const push = input.hosts[0] ?? '';
  const steps = [
    ...checkSteps(input, push),
    ...changeSteps(input, push),
    ...restoreSteps(input, push),
  ];
  // The placeholder is shown bare: the real folder needs no quotes (letters and digits).
  const shown = steps.map((step) => ({
    ...step,
    commands: step.commands.map((command) => command.replaceAll(`'${TEMP}'`, TEMP)),
  }));
  return { pushHost: push, isFirstDeployment: input.isFirstDeployment, steps: shown };
}

/** A step; its note in English and in Japanese. */
function step(
  name: StepName,
  on: readonly string[],
  commands: readonly string[],
  [note, noteJa]: readonly [english: string, japanese: string],
): PlannedStep {
  return { step: name, on, commands, note, noteJa };
}

/** Read-only: every host is checked and snapshotted before anything changes. */
function checkSteps(input: PlanInput, push: string): PlannedStep[] {
  return [
    step(
      'pre-flight',
      input.hosts,
      [PROBE],
      [
        'connect, check the host key, log in; product commands, version, configuration present, free space',
        '接続し、ホスト鍵を確認してログインします。製品のコマンド、バージョン、構成情報の有無、空き容量を確認します',
      ],
    ),
    step(
      'snapshot',
      input.hosts,
      [productCommand.pull(TEMP)],
      [
        `pull each host's configuration into ${input.snapshotsFolder}`,
        `各ホストの構成情報を ${input.snapshotsFolder} に取得します`,
      ],
    ),
    step(
      'diff',
      [],
      [],
      [
        `object-level diff against ${push}'s configuration`,
        `${push} の構成情報とオブジェクト単位で比較します`,
      ],
    ),
    step(
      'rules',
      [],
      [],
      [
        'refuse rule errors unless overridden',
        'ルールのエラーがあれば、明示的に許可しない限り中止します',
      ],
    ),
  ];
}

/** From the pushing host; the product distributes the configuration to every server. */
function changeSteps(input: PlanInput, push: string): PlannedStep[] {
  const steps: PlannedStep[] = [];
  if (input.groupsToStop.length > 0) {
    steps.push(
      step('stop-groups', [push], input.groupsToStop.map(productCommand.stopGroup), [
        'stop the groups the change touches',
        '変更の影響を受けるグループを停止します',
      ]),
    );
  }
  if (input.suspend && !input.isFirstDeployment) {
    steps.push(
      step(
        'suspend',
        [push],
        [productCommand.suspend()],
        ['suspend the cluster (all servers)', 'クラスタをサスペンドします (全サーバ)'],
      ),
    );
  }
  const flag = input.flag === '-w' ? 'made on Windows (<all><encode> SJIS): -w' : '-l';
  const force = input.isFirstDeployment ? '; no configuration yet: --force' : '';
  const flagJa = input.flag === '-w' ? 'Windows 用の構成情報 (<all><encode> SJIS): -w' : '-l';
  const forceJa = input.isFirstDeployment ? '。まだ構成情報がないため --force' : '';
  steps.push(
    step(
      'copy',
      [push],
      [`sftp: mkdir ${TEMP} (0700); put ${input.fileCount} file(s), scripts mode 0755`],
      [
        'copy the configuration folder to a fresh temp folder',
        '構成情報のフォルダを新しい一時フォルダにコピーします',
      ],
    ),
    step(
      'push',
      [push],
      [productCommand.push(TEMP, input.flag, input.isFirstDeployment)],
      [
        `${flag}${force}; the product distributes to every server`,
        `${flagJa}${forceJa}。製品がすべてのサーバに配布します`,
      ],
    ),
    step(
      'verify',
      input.hosts,
      [productCommand.pull(TEMP)],
      [
        'pull again on every host and compare with what was sent',
        'すべてのホストで再度取得し、送信した内容と比較します',
      ],
    ),
  );
  return steps;
}

/** Back in service: run whatever happened before (upload-apply.ts). */
function restoreSteps(input: PlanInput, push: string): PlannedStep[] {
  const steps: PlannedStep[] = [];
  if (input.suspend && !input.isFirstDeployment) {
    steps.push(
      step(
        'resume',
        [push],
        [productCommand.resume()],
        ['resume the cluster', 'クラスタをリジュームします'],
      ),
    );
  }
  if (input.groupsToStart.length > 0) {
    steps.push(
      step('start-groups', [push], input.groupsToStart.map(productCommand.startGroup), [
        'start again the groups stopped above that still exist',
        '上で停止したグループのうち、まだ存在するものを再び起動します',
      ]),
    );
  }
  steps.push(
    step(
      'clean-up',
      [push],
      [`sftp: remove ${TEMP}`],
      ['remove the temp folder', '一時フォルダを削除します'],
    ),
  );
  return steps;
}
