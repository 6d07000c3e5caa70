/**
 * The short summary of a project the window shows on open.
 */
import { readModel, type Project } from '../../schemas/index.js';
import type { CallResult } from '../contract.js';

/** Names and counts for the window's first screen. */
export function summarize(
  project: Project,
): Extract<CallResult<'project:show'>, { ok: true }>['value'] {
  const model = readModel(project.conf);
  return {
    clusterName: model.cluster.name,
    servers: model.servers.map((server) => server.name),
    groups: model.groups.map((group) => group.name),
    resources: model.resources.length,
    monitors: model.monitors.length,
  };
}
