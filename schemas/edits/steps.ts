/**
 * The small pieces every entity edit is built from: a conf edit as a pipeline of steps that
 * ends by recomputing objectnumber, the "name already taken" refusal, and a check list.
 */
import type { ClpDocument } from '../codec/document.js';
import { find } from '../doc/edit.js';
import { type Project, entityWordJa } from '../project.js';
import { type Result, appError, fail, ok, pipe } from '../result.js';
import { syncObjectNumber } from './derived.js';

/** One step of an edit of clp.conf. */
export type Step = (document: ClpDocument) => Result<ClpDocument>;

/** The project with its clp.conf through `steps`, objectnumber kept right. */
export function editConf(project: Project, ...steps: Step[]): Result<Project> {
  const conf = pipe(project.conf, ...steps, syncObjectNumber);
  return conf.ok ? ok({ ...project, conf: conf.value }) : conf;
}

/** The project with an edited clp.conf; the same project where the edit changed nothing. */
export function withConf(project: Project, conf: Result<ClpDocument>): Result<Project> {
  if (!conf.ok) {
    return conf;
  }
  return ok(conf.value === project.conf ? project : { ...project, conf: conf.value });
}

/** Refuses a name whose path is already in the document. */
export function refuseTaken(
  document: ClpDocument,
  path: string,
  what: string,
  name: string,
): Result<void> {
  return find(document, path).ok
    ? fail(
        appError('conflict', `${what} "${name}" already exists; choose another name`, {
          path,
          ja: `${entityWordJa(what)} "${name}" は既に存在します。別の名前を指定してください`,
        }),
      )
    : ok(undefined);
}

/** The first failed check, or ok. */
export function pipeChecks(...checks: ReadonlyArray<Result<unknown>>): Result<void> {
  const failed = checks.find((check) => !check.ok);
  return failed && !failed.ok ? failed : ok(undefined);
}
