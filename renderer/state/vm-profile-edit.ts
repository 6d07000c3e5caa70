/**
 * The "VM scripts" wizard's edit: a new VM profile in project.json and every generated script
 * regenerated from it (templates/wizard/regenerate.ts, the code of `clpbuilder generate`), as
 * one undoable command. Pure, so the wizard's preview and the edit itself are the same call.
 */
import {
  type Project,
  type Result,
  type ScriptDifference,
  diffScripts,
  ok,
} from '../../schemas/index.js';
import { regenerateScripts } from '../../templates/index.js';

/** The project with `vmProfile` and its scripts regenerated; `force` overwrites hand edits. */
export function applyVmProfile(
  project: Project,
  vmProfile: Readonly<Record<string, unknown>>,
  force = false,
): Result<Project> {
  const withProfile: Project = {
    ...project,
    meta: { ...project.meta, vmProfile: { ...vmProfile } },
  };
  const regenerated = regenerateScripts(withProfile, { force });
  return regenerated.ok ? ok(regenerated.value.project) : regenerated;
}

/** What applying the profile would change in scripts/, for the wizard's preview. */
export function previewVmProfile(
  project: Project,
  vmProfile: Readonly<Record<string, unknown>>,
  force = false,
): Result<ScriptDifference[]> {
  const next = applyVmProfile(project, vmProfile, force);
  return next.ok ? ok(diffScripts(project.scripts, next.value.scripts)) : next;
}
