/**
 * The groups an upload touches, for `--stop-groups`: stopped before the push (`clpgrp -t`),
 * started after it (`clpgrp -s`), as in the product's sequence for removing resources
 * (clpconf-format.md §9, sequence 3).
 */
import { type Project, type ProjectDifference, readModel } from '../../../schemas/index.js';

/** Groups to stop (they exist on the cluster now) and to start again (they still exist after). */
export interface AffectedGroups {
  readonly stop: readonly string[];
  readonly start: readonly string[];
}

/**
 * A group is touched when it changes or goes away, when one of its resources (before or after)
 * is added, removed or changed, or when a script under scripts/<group>/ changes.
 */
export function affectedGroups(
  current: Project,
  next: Project,
  difference: ProjectDifference,
): AffectedGroups {
  const before = readModel(current.conf);
  const after = readModel(next.conf);
  const touched = new Set<string>();
  for (const entity of difference.entities) {
    if (entity.kind === 'group') {
      touched.add(entity.name);
    } else if (entity.kind === 'resource') {
      for (const model of [before, after]) {
        const group = model.resources.find((resource) => resource.name === entity.name)?.group;
        if (group) {
          touched.add(group);
        }
      }
    }
  }
  for (const script of difference.scripts) {
    const folder = script.path.split('/')[0];
    if (folder && folder !== 'monitor.s') {
      touched.add(folder);
    }
  }
  const stop = before.groups.map((group) => group.name).filter((name) => touched.has(name));
  const remaining = new Set(after.groups.map((group) => group.name));
  return { stop, start: stop.filter((name) => remaining.has(name)) };
}
