/**
 * Download: pull a running cluster's configuration into a new project folder, or into an
 * existing project after showing what would change (issue 6, "Download").
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Project,
  type ProjectDifference,
  defaultProjectMeta,
  diffProjects,
  fail,
  formatError,
  formatErrorJa,
  hasDifferences,
  ok,
} from '../../../schemas/index.js';
import { openProject, saveProject } from '../project-folder.js';
import { type HostResult, hostError } from './host-error.js';
import type { HostTarget } from './host-target.js';
import { prepareConnection } from './connection.js';
import { probeHost } from './preflight.js';
import { type RemoteSettings, pullConfiguration } from './remote-config.js';
import type { FolderFile } from './sftp-files.js';
import { projectFromFiles } from './snapshot.js';
import { type Session, openSession } from './ssh-session.js';
import type { ConnectionOptions } from './upload-types.js';
import { type Wording, notesOf } from './wording.js';

/** A configuration as pulled from a host. */
export interface Downloaded {
  readonly host: string;
  readonly files: readonly FolderFile[];
  readonly project: Project;
  readonly notes: readonly string[];
  /** `notes` in Japanese, same order (when there are any). */
  readonly notesJa?: readonly string[];
}

/** Pulls the configuration of one host (`clpcfctrl --pull -l -x <temp>`). */
export async function downloadConfiguration(
  target: HostTarget,
  options: ConnectionOptions,
): Promise<HostResult<Downloaded>> {
  const prepared = await prepareConnection(options);
  if (!prepared.ok) {
    return prepared;
  }
  const session = await openSession(target, prepared.value.connect);
  if (!session.ok) {
    return session;
  }
  try {
    return await pullFrom(session.value, prepared.value.remote);
  } finally {
    session.value.close();
  }
}

async function pullFrom(session: Session, remote: RemoteSettings): Promise<HostResult<Downloaded>> {
  const host = session.label;
  const facts = await probeHost(session, remote, 1024);
  if (!facts.ok) {
    return facts;
  }
  if (!facts.value.hasConfiguration) {
    return fail(
      hostError('preflight', `${host} has no cluster configuration to download`, {
        host,
        ja: `${host} にはダウンロードできるクラスタの構成情報がありません`,
      }),
    );
  }
  const files = await pullConfiguration(session, remote, facts.value.tempFolder);
  if (!files.ok) {
    return files;
  }
  const { address, port, user } = session.target;
  const meta = { ...defaultProjectMeta(), hosts: [{ address, port, user }] };
  const project = projectFromFiles(files.value, meta);
  if (!project.ok) {
    const message = `${host}'s clp.conf cannot be read: ${formatError(project.error)}`;
    const ja = `${host} の clp.conf を読み込めません: ${formatErrorJa(project.error)}`;
    return fail(hostError('io', message, { host, ja }));
  }
  const { recorded, fingerprint } = session.hostKey;
  const notes: Wording[] = recorded
    ? [
        {
          message: `host key ${fingerprint} of ${host} accepted and recorded`,
          ja: `${host} のホスト鍵 ${fingerprint} を受け入れ、記録しました`,
        },
      ]
    : [];
  return ok({ host, files: files.value, project: project.value, ...notesOf(notes) });
}

/** Where a download would go, and what it would change there. */
export interface DownloadTarget {
  /** `new`: an empty or missing folder; `project`: an existing project folder. */
  readonly kind: 'new' | 'project';
  /** For an existing project: its configuration → the downloaded one. */
  readonly difference?: ProjectDifference;
  readonly isDifferent: boolean;
}

/** Looks at the destination: a new folder, or a project to compare with; anything else is refused. */
export async function inspectDownloadTarget(
  folder: string,
  downloaded: Downloaded,
): Promise<HostResult<DownloadTarget>> {
  const entries: string[] | undefined = await readdir(folder).catch(
    (caught: NodeJS.ErrnoException) => (caught.code === 'ENOENT' ? [] : undefined),
  );
  if (entries === undefined) {
    return fail(hostError('io', `cannot read ${folder}`, { ja: `${folder} を読み込めません` }));
  }
  if (entries.length === 0) {
    return ok({ kind: 'new', isDifferent: true });
  }
  if (!entries.includes('clp.conf')) {
    return fail(
      hostError(
        'usage',
        `${folder} is not empty and holds no clp.conf; download into a new folder or into a project folder`,
        {
          ja: `${folder} は空ではなく、clp.conf もありません。新しいフォルダまたはプロジェクトフォルダにダウンロードしてください`,
        },
      ),
    );
  }
  const local = await openProject(folder);
  if (!local.ok) {
    return fail(
      hostError(
        'io',
        `${formatError(local.error)}; fix or move it before downloading into ${folder}`,
        {
          ja: `${formatErrorJa(local.error)}。${folder} にダウンロードする前に、修正するか移動してください`,
        },
      ),
    );
  }
  const difference = diffProjects(local.value.project, downloaded.project);
  return ok({ kind: 'project', difference, isDifferent: hasDifferences(difference) });
}

/**
 * Writes the download into the folder: a new project (project.json lists the host), or over an
 * existing one keeping its project.json (topology, hosts, VM facts) and clp.conf.bak.
 */
export async function saveDownloaded(
  folder: string,
  downloaded: Downloaded,
): Promise<HostResult<void>> {
  const existing = await openProject(folder);
  const project = existing.ok
    ? { ...downloaded.project, meta: existing.value.project.meta }
    : downloaded.project;
  const saved = await saveProject(
    folder,
    project,
    existing.ok ? { expected: existing.value.fingerprint } : {},
  );
  return saved.ok
    ? ok(undefined)
    : fail(
        hostError(
          'io',
          `cannot save into ${join(folder, 'clp.conf')}: ${formatError(saved.error)}`,
          { ja: `${join(folder, 'clp.conf')} に保存できません: ${formatErrorJa(saved.error)}` },
        ),
      );
}

/** What a download did to its folder. */
export interface DownloadOutcome {
  readonly host: string;
  readonly folder: string;
  /** The folder was new (or empty). */
  readonly created: boolean;
  readonly written: boolean;
  /** The host's configuration differs from the folder's (always true for a new folder). */
  readonly different: boolean;
  /** For an existing project: its configuration → the host's. */
  readonly difference?: ProjectDifference;
  /** What the download did beside the files, such as recording the host's key. */
  readonly notes: string[];
  /** `notes` in Japanese, same order (when there are any). */
  readonly notesJa?: string[];
}

/**
 * Writes a download into `folder`: always into a new folder; over an existing project only
 * with `force` (the caller has shown the difference), and not at all when nothing differs.
 */
export async function downloadInto(
  folder: string,
  downloaded: Downloaded,
  force: boolean,
): Promise<HostResult<DownloadOutcome>> {
  const target = await inspectDownloadTarget(folder, downloaded);
  if (!target.ok) {
    return target;
  }
  const { kind, difference, isDifferent } = target.value;
  const written = isDifferent && (kind === 'new' || force);
  const saved = written ? await saveDownloaded(folder, downloaded) : ok(undefined);
  if (!saved.ok) {
    return saved;
  }
  return ok({
    host: downloaded.host,
    folder,
    created: kind === 'new',
    written,
    different: isDifferent,
    ...(difference ? { difference } : {}),
    notes: [...downloaded.notes],
    ...(downloaded.notesJa ? { notesJa: [...downloaded.notesJa] } : {}),
  });
}
