/**
 * What the snapshots say before anything changes: the diff against the pushing host's
 * configuration, whether the servers agree with each other, and which groups the change touches.
 */
import {
  type Project,
  type ProjectDifference,
  diffProjects,
  formatError,
  formatErrorJa,
} from '../../../schemas/index.js';
import { affectedGroups } from './affected-groups.js';
import type { FolderFile } from './sftp-files.js';
import { projectFromFiles } from './snapshot.js';
import type { HostRun } from './upload-run.js';
import type { Wording } from './wording.js';

/** The analysis of one upload. */
export interface Analysis {
  readonly isFirstDeployment: boolean;
  readonly difference?: ProjectDifference;
  readonly diffBase?: string;
  readonly groupsToStop: readonly string[];
  readonly groupsToStart: readonly string[];
  readonly notes: readonly Wording[];
}

/** Compares the project with the pushing host's configuration and the hosts with each other. */
export function analyse(project: Project, runs: readonly HostRun[], stopGroups: boolean): Analysis {
  const pusher = runs[0]!;
  const notes = [...disagreements(runs), ...versionNotes(project, runs)];
  if (!pusher.pulled) {
    return {
      isFirstDeployment: true,
      groupsToStop: [],
      groupsToStart: [],
      notes: [
        ...notes,
        {
          message: `${pusher.label} has no configuration yet: first deployment (push with --force, no suspend)`,
          ja: `${pusher.label} にはまだ構成情報がありません。初回の配布です (--force を付けて配信し、サスペンドはしません)`,
        },
      ],
    };
  }
  const current = projectFromFiles(pusher.pulled);
  if (!current.ok) {
    notes.push({
      message: `${pusher.label}'s configuration cannot be read for the diff (${formatError(current.error)}); it is kept in the snapshot as it is`,
      ja: `${pusher.label} の構成情報を差分のために読み込めません (${formatErrorJa(current.error)})。スナップショットにはそのまま保存しています`,
    });
    return { isFirstDeployment: false, groupsToStop: [], groupsToStart: [], notes };
  }
  const difference = diffProjects(current.value, project);
  const groups = stopGroups
    ? affectedGroups(current.value, project, difference)
    : { stop: [], start: [] };
  return {
    isFirstDeployment: false,
    difference,
    diffBase: pusher.label,
    groupsToStop: groups.stop,
    groupsToStart: groups.start,
    notes,
  };
}

/** Servers of one cluster should hold the same configuration; say so when they do not. */
function disagreements(runs: readonly HostRun[]): Wording[] {
  const [first, ...others] = runs;
  if (!first) {
    return [];
  }
  const key = (files: readonly FolderFile[] | undefined) =>
    files === undefined
      ? 'none'
      : files.map((file) => `${file.path}\u0000${file.bytes.toString('base64')}`).join('\u0001');
  const reference = key(first.pulled);
  return others
    .filter((run) => key(run.pulled) !== reference)
    .map((run) => ({
      message: `${run.label}'s configuration differs from ${first.label}'s: the servers are out of step; the push will make them all the same, and a rollback would restore ${first.label}'s`,
      ja: `${run.label} の構成情報が ${first.label} のものと異なります。サーバ間で構成情報がそろっていません。配信するとすべて同じになり、ロールバックすると ${first.label} の構成情報に戻ります`,
    }));
}

/** The product version project.json names against the one each host runs (major.minor). */
function versionNotes(project: Project, runs: readonly HostRun[]): Wording[] {
  const wanted = project.meta.productVersion;
  const release = (version: string) => version.split('.').slice(0, 2).join('.');
  if (!wanted) {
    return [];
  }
  return runs
    .filter(
      (run) => run.facts?.productVersion && release(run.facts.productVersion) !== release(wanted),
    )
    .map((run) => ({
      message: `${run.label} runs the product ${run.facts!.productVersion}, but project.json says ${wanted}: the rules were checked for ${wanted}`,
      ja: `${run.label} で動作している製品は ${run.facts!.productVersion} ですが、project.json には ${wanted} とあります。ルールは ${wanted} 向けに検査しました`,
    }));
}
