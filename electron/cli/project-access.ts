/**
 * Opening and saving projects for the commands, over the project-folder service.
 *
 * Every error that leaves here names the file it is about, so that a message on stderr
 * always says where (reference/cli.md, "Messages go to stderr and name the file").
 */
import { join } from 'node:path';
import {
  type AppError,
  type Project,
  type Result,
  appError,
  fail,
  ok,
} from '../../schemas/index.js';
import { saveConfFile } from '../services/conf-file-save.js';
import { type OpenedProject, openProject, saveProject } from '../services/project-folder.js';
import { diffScripts } from '../../schemas/diff/diff-scripts.js';

/** The clp.conf file of an opened project (what messages point at). */
export function confFileOf(opened: OpenedProject): string {
  return opened.location.kind === 'folder'
    ? join(opened.location.path, 'clp.conf')
    : opened.location.path;
}

/** Adds the file to an error that has none. */
export function inFile(error: AppError, file: string): AppError {
  return error.file === undefined ? { ...error, file } : error;
}

/** Opens a project folder, bare clp.conf or .zip export. */
export async function open(path: string): Promise<Result<OpenedProject>> {
  const opened = await openProject(path);
  return opened.ok ? opened : fail(inFile(opened.error, path));
}

/**
 * Opens a project that an edit will save back: a folder or a bare clp.conf. A zip export is
 * read-only (rewriting an archive in place would risk the only copy).
 */
export async function openForEdit(path: string): Promise<Result<OpenedProject>> {
  const opened = await open(path);
  if (opened.ok && opened.value.location.kind === 'zip') {
    return fail(
      appError(
        'usage',
        `a .zip export is read-only; export it to a folder first (clpbuilder export ${path} <folder>) and edit that`,
        { file: path },
      ),
    );
  }
  return opened;
}

/**
 * Saves an edited project where it was opened from, refusing when clp.conf changed on disk
 * since it was read (the fingerprint from `open`; DESIGN.md promise 1).
 *
 * A bare clp.conf is saved alone, in place; returns notes for the user, e.g. that scripts the
 * edit made or moved were not written because a bare file has no scripts folder of its own.
 */
export async function saveEdited(
  opened: OpenedProject,
  project: Project,
): Promise<Result<string[]>> {
  const options = { expected: opened.fingerprint };
  const isBare = opened.location.kind === 'file';
  const saved = isBare
    ? await saveConfFile(opened.location.path, project.conf, options)
    : await saveProject(opened.location.path, project, options);
  if (!saved.ok) {
    const advice =
      saved.error.kind === 'changed-on-disk'
        ? '; look at what changed, then run the command again'
        : '';
    return fail(
      inFile({ ...saved.error, message: `${saved.error.message}${advice}` }, confFileOf(opened)),
    );
  }
  const scripts = isBare ? diffScripts(opened.project.scripts, project.scripts) : [];
  return ok(
    scripts.length === 0
      ? []
      : [
          `${opened.location.path} is a bare clp.conf, saved alone: the scripts this edit adds, moves or removes (${scripts.map((script) => script.path).join(', ')}) were not written; open the project folder instead to keep them in step`,
        ],
  );
}
