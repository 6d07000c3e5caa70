/**
 * Scripts left on disk that a project no longer has: finding, deleting, tidying up.
 *
 * A renamed or removed resource must not leave its old scripts behind to be uploaded, yet a
 * save must never delete outside the project folder nor wipe a folder that is not a project.
 */
import { realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Result, type ScriptFile, appError, fail, ok } from '../../schemas/index.js';
import type { FileIo } from './atomic-write.js';
import { attempt } from './io-error.js';
import { checkWritableInside, listScriptsTree } from './scripts-tree.js';

/**
 * Files under `root`/scripts/ that are not in `kept`, after checking that no write into
 * `writtenFolders` and no delete can leave `root` through a link.
 *
 * Deleting is only done in a folder that already holds a clp.conf: a "save as" into a folder
 * that merely happens to contain a scripts/ must not wipe it.
 */
export async function findStaleScripts(
  root: string,
  kept: ReadonlyMap<string, ScriptFile>,
  writtenFolders: readonly string[],
  hasConf: boolean,
): Promise<Result<string[]>> {
  const realRoot = await realpath(root).catch(() => undefined);
  if (realRoot === undefined) {
    return ok([]); // The folder does not exist yet: nothing to delete, no link to follow.
  }
  const scriptsFolder = join(root, 'scripts');
  for (const folder of new Set([scriptsFolder, ...writtenFolders])) {
    const inside = await checkWritableInside(root, realRoot, folder);
    if (!inside.ok) {
      return inside;
    }
  }
  const listed = await listScriptsTree(scriptsFolder);
  if (!listed.ok) {
    return listed;
  }
  const paths = [...kept.keys()];
  // A listed link to a folder that still holds project files is not stale.
  const stale = listed.value.filter(
    (path) => !kept.has(path) && !paths.some((kept) => kept.startsWith(`${path}/`)),
  );
  if (stale.length > 0 && !hasConf) {
    return fail(
      appError(
        'conflict',
        `${root} has no clp.conf but its scripts/ holds files this project does not have (${stale[0]}); choose an empty folder or the project's own folder`,
        {
          file: join(scriptsFolder, stale[0] as string),
          ja: `${root} には clp.conf がありませんが、その scripts/ には、このプロジェクトにないファイル (${stale[0]}) があります。空のフォルダか、このプロジェクト自身のフォルダを選択してください`,
        },
      ),
    );
  }
  return ok(stale);
}

/** Deletes the stale scripts (links themselves, never their targets). */
export async function removeStale(
  root: string,
  stale: readonly string[],
  io: FileIo,
): Promise<Result<void>> {
  for (const path of stale) {
    const file = join(root, 'scripts', ...path.split('/'));
    const removed = await attempt(file, 'deleting', () => io.remove(file));
    if (!removed.ok) {
      return removed;
    }
  }
  return ok(undefined);
}

/** Folders of renamed or removed resources would otherwise be uploaded empty. */
export async function pruneEmptyFolders(
  root: string,
  stale: readonly string[],
  io: FileIo,
): Promise<void> {
  const scriptsFolder = join(root, 'scripts');
  for (const path of stale) {
    for (
      let folder = dirname(join(scriptsFolder, ...path.split('/')));
      folder !== scriptsFolder && folder.startsWith(scriptsFolder);
      folder = dirname(folder)
    ) {
      await io.removeDirectory(folder).catch(() => undefined);
    }
  }
}
