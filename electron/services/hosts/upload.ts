/**
 * Upload a project to its cluster, or put a snapshot back (rollback): the plan of issue 6 run
 * step by step, stopping at the first failure and leaving the cluster in service.
 */
import { withTemplateRules } from '../../../templates/index.js';
import { dirname } from 'node:path';
import {
  type Finding,
  type Project,
  checkProject,
  fail,
  formatError,
  formatErrorJa,
  ok,
  reviewOf,
} from '../../../schemas/index.js';
import { type OpenedProject, openProject } from '../project-folder.js';
import { prepareConnection } from './connection.js';
import { type HostError, type HostResult, hostError } from './host-error.js';
import type { HostTarget } from './host-target.js';
import { encodingFlag } from './product-commands.js';
import { pullConfiguration } from './remote-config.js';
import { snapshotsFolder } from './snapshot.js';
import { type Staged, stageProject } from './staging.js';
import { type Analysis, analyse } from './upload-analysis.js';
import { applyToCluster } from './upload-apply.js';
import { reachAll } from './upload-phases.js';
import { buildPlan } from './upload-plan.js';
import { type ReportParts, buildReport } from './upload-report.js';
import { type HostRun, type RunContext, newRun } from './upload-run.js';
import type { UploadOptions, UploadPreview, UploadReport } from './upload-types.js';
import { compareConfiguration } from './verify.js';
import { type Wording, japaneseOf, notesOf } from './wording.js';

/** What is uploaded, and how. */
interface Source {
  readonly project: Project;
  readonly staged: Staged;
  readonly flag: '-l' | '-w';
  readonly checkRules: boolean;
  /** The project folder: snapshots go under its .clpbuilder/. */
  readonly folder: string;
}

/** Uploads a project (folder, bare clp.conf or zip) to the hosts of `options` or project.json. */
export async function uploadProject(
  projectPath: string,
  options: UploadOptions,
): Promise<HostResult<UploadReport>> {
  const opened = await openForUpload(projectPath);
  if (!opened.ok) {
    return opened;
  }
  const { project } = opened.value;
  return withStaged(project, options, opened.value, (staged) => ({
    project,
    staged,
    flag: encodingFlag(project.conf),
    checkRules: true,
    folder: projectFolderOf(opened.value),
  }));
}

/**
 * Pushes a snapshot back to the project's hosts. The snapshot was pulled from the cluster, so it
 * goes with -l (clpconf-format.md §9: a configuration "pulled directly from the cluster") and
 * without a rule check: it is what ran before. The current configuration is snapshotted first,
 * so a rollback can be rolled back.
 */
export async function rollbackUpload(
  projectPath: string,
  snapshot: string,
  options: UploadOptions,
): Promise<HostResult<UploadReport>> {
  const [owner, previous] = await Promise.all([
    openForUpload(projectPath),
    openForUpload(snapshot),
  ]);
  if (!owner.ok) {
    return owner;
  }
  if (!previous.ok) {
    return previous;
  }
  const project = { ...previous.value.project, meta: owner.value.project.meta };
  return withStaged(project, options, owner.value, (staged) => ({
    project,
    staged,
    flag: '-l',
    checkRules: false,
    folder: projectFolderOf(owner.value),
  }));
}

async function openForUpload(path: string): Promise<HostResult<OpenedProject>> {
  const opened = await openProject(path);
  if (opened.ok) {
    return opened;
  }
  const { error } = opened;
  return fail(
    hostError('io', formatError(error), {
      ja: formatErrorJa(error),
    }),
  );
}

function projectFolderOf(opened: OpenedProject): string {
  return opened.location.kind === 'folder' ? opened.location.path : dirname(opened.location.path);
}

async function withStaged(
  project: Project,
  options: UploadOptions,
  opened: OpenedProject,
  source: (staged: Staged) => Source,
): Promise<HostResult<UploadReport>> {
  const hosts =
    options.hosts && options.hosts.length > 0 ? options.hosts : hostsOf(opened, options.user);
  if (hosts.length === 0) {
    return fail(
      hostError(
        'usage',
        `no hosts to upload to: give --host <address[:port]>, or list them under "hosts" in ${opened.location.path}/.clpbuilder/project.json`,
        {
          ja: `アップロード先のホストがありません。--host <address[:port]> で指定するか、${opened.location.path}/.clpbuilder/project.json の "hosts" に記載してください`,
        },
      ),
    );
  }
  const staged = await stageProject(project);
  if (!staged.ok) {
    return staged;
  }
  try {
    return ok(await runUpload(source(staged.value), hosts, options));
  } finally {
    await staged.value.discard();
  }
}

function hostsOf(opened: OpenedProject, user: string | undefined): HostTarget[] {
  return opened.project.meta.hosts.map((host) => ({
    address: host.address,
    port: host.port,
    user: user ?? host.user,
    ...(host.server ? { server: host.server } : {}),
  }));
}

async function runUpload(
  source: Source,
  hosts: readonly HostTarget[],
  options: UploadOptions,
): Promise<UploadReport> {
  const runs = hosts.map(newRun);
  const prepared = await prepareConnection(options);
  if (!prepared.ok) {
    return buildReport(runs, { dryRun: options.dryRun ?? false, failure: prepared.error });
  }
  const context: RunContext = {
    ...prepared.value,
    progress: options.onProgress ?? (() => undefined),
  };
  try {
    return await runPhases(source, runs, context, options);
  } finally {
    runs.forEach((run) => run.session?.close());
  }
}

async function runPhases(
  source: Source,
  runs: HostRun[],
  context: RunContext,
  options: UploadOptions,
): Promise<UploadReport> {
  const dryRun = options.dryRun ?? false;
  const neededKiB = Math.ceil((source.staged.totalBytes * 3) / 1024) + 1024;
  if (
    !(await reachAll(runs, context, neededKiB, { projectFolder: source.folder, keep: !dryRun }))
  ) {
    return buildReport(runs, { dryRun });
  }
  const { preview, shown, analysis } = previewOf(source, runs, options);
  const notes: Wording[] = [...analysis.notes];
  const parts: ReportParts = { dryRun, ...shown, notes };
  const refusal = ruleRefusal(preview.findings, options.allowErrors ?? false);
  if (refusal) {
    return buildReport(runs, { ...parts, failure: refusal });
  }
  options.onPlan?.(preview);
  if (dryRun) {
    return buildReport(runs, parts);
  }
  const applied = await applyToCluster(runs, context, {
    files: source.staged.files,
    flag: source.flag,
    suspend: options.suspend ?? true,
    ...analysis,
  });
  if (applied.failure?.step === 'push') {
    await checkUnchanged(runs[0]!, context, notes);
  }
  return buildReport(runs, {
    ...parts,
    cluster: applied.cluster,
    ...(applied.failure ? { failure: applied.failure } : {}),
  });
}

/** The diff, the rules and the plan: what is shown before anything changes. */
function previewOf(
  source: Source,
  runs: readonly HostRun[],
  options: UploadOptions,
): { preview: UploadPreview; shown: Omit<UploadPreview, 'notes' | 'notesJa'>; analysis: Analysis } {
  const analysis = analyse(source.project, runs, options.stopGroups ?? false);
  const plan = buildPlan({
    hosts: runs.map((run) => run.label),
    isFirstDeployment: analysis.isFirstDeployment,
    flag: source.flag,
    suspend: options.suspend ?? true,
    groupsToStop: analysis.groupsToStop,
    groupsToStart: analysis.groupsToStart,
    fileCount: source.staged.files.length,
    snapshotsFolder: snapshotsFolder(source.folder),
  });
  const shown = {
    plan,
    // As `check` counts them: findings accepted in project.json are not shown.
    findings: source.checkRules
      ? reviewOf(source.project, checkProject(source.project, withTemplateRules())).open
      : [],
    ...(analysis.difference
      ? { difference: analysis.difference, diffBase: analysis.diffBase }
      : {}),
  };
  return { preview: { ...shown, ...notesOf(analysis.notes) }, shown, analysis };
}

/** Refuses a project with rule errors unless the user overrode it (DESIGN.md promise 2). */
function ruleRefusal(findings: readonly Finding[], allowErrors: boolean): HostError | undefined {
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length === 0 || allowErrors) {
    return undefined;
  }
  const first = errors[0]!;
  return hostError(
    'rule-errors',
    `the project has ${errors.length} rule error(s), e.g. ${first.rule} ${first.path}: ${first.message}. Nothing was changed. Fix them (clpbuilder check), or upload anyway with --allow-errors`,
    {
      step: 'rules',
      ja: `プロジェクトにルールエラーが ${errors.length} 件あります (例: ${first.rule} ${first.path}: ${first.ja.message})。何も変更していません。エラーを修正する (clpbuilder check) か、--allow-errors を指定してそのままアップロードしてください`,
    },
  );
}

/** After a refused push: is the pushing host's configuration still the one in the snapshot? */
async function checkUnchanged(
  pusher: HostRun,
  context: RunContext,
  notes: Wording[],
): Promise<void> {
  if (!pusher.session || !pusher.pulled || !pusher.facts) {
    return;
  }
  const now = await pullConfiguration(pusher.session, context.remote, pusher.facts.tempFolder);
  if (!now.ok) {
    notes.push({
      message: `could not check that ${pusher.label}'s configuration is unchanged: ${now.error.message}`,
      ja: `${pusher.label} の構成情報が変わっていないことを確認できませんでした: ${japaneseOf(now.error)}`,
    });
    return;
  }
  const same = compareConfiguration(pusher.pulled, now.value).matches;
  notes.push(
    same
      ? {
          message: `${pusher.label}'s configuration is unchanged (pulled again and compared with the snapshot)`,
          ja: `${pusher.label} の構成情報は変わっていません (再度取得し、スナップショットと比較しました)`,
        }
      : {
          message: `WARNING: ${pusher.label}'s configuration CHANGED although the push failed; roll back to the snapshot`,
          ja: `警告: 配信に失敗しましたが、${pusher.label} の構成情報は変更されています。スナップショットにロールバックしてください`,
        },
  );
}
