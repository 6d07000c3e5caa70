/**
 * Remove and rename addressed by entity kind and name, for the command line and the app alike
 * (each kind has its own operation in entities.ts, with its own references to follow).
 */
import type { EntityKind } from '../model/kinds.js';
import type { Project } from '../project.js';
import type { Result } from '../result.js';
import {
  removeGroup,
  removeMonitor,
  removePrioritised,
  removeResource,
  removeServer,
  renameGroup,
  renameMonitor,
  renamePrioritised,
  renameResource,
  renameServer,
} from './entities.js';

/** Removes the named entity of `kind`; refused while something refers to it. */
export function removeOfKind(project: Project, kind: EntityKind, name: string): Result<Project> {
  switch (kind) {
    case 'server':
      return removeServer(project, name);
    case 'heartbeat':
    case 'networkpartition':
      return removePrioritised(project, kind, name);
    case 'group':
      return removeGroup(project, name);
    case 'resource':
      return removeResource(project, name);
    case 'monitor':
      return removeMonitor(project, name);
  }
}

/** Renames the named entity of `kind`; references and its scripts folder follow. */
export function renameOfKind(
  project: Project,
  kind: EntityKind,
  from: string,
  to: string,
): Result<Project> {
  switch (kind) {
    case 'server':
      return renameServer(project, from, to);
    case 'heartbeat':
    case 'networkpartition':
      return renamePrioritised(project, kind, from, to);
    case 'group':
      return renameGroup(project, from, to);
    case 'resource':
      return renameResource(project, from, to);
    case 'monitor':
      return renameMonitor(project, from, to);
  }
}
