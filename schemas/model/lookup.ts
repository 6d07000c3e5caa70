/**
 * Finding an entity of the model by its clpcfadm path (`resource/exec@exec1`), whatever its
 * kind: the app's selection, the Problems panel and the edits all address entities by path.
 */
import type {
  ClusterModel,
  Group,
  Heartbeat,
  Monitor,
  NetworkPartition,
  Resource,
  Server,
} from './entities.js';

/** Any entity of the model. */
export type ModelEntity = Server | Heartbeat | NetworkPartition | Group | Resource | Monitor;

/** The entity at `path`, or undefined (a folder, the cluster, a vanished entity). */
export function entityAtPath(model: ClusterModel, path: string): ModelEntity | undefined {
  const lists: ReadonlyArray<readonly ModelEntity[]> = [
    model.servers,
    model.heartbeats,
    model.networkPartitions,
    model.groups,
    model.resources,
    model.monitors,
  ];
  for (const list of lists) {
    const found = list.find((entity) => entity.path === path);
    if (found) {
      return found;
    }
  }
  return undefined;
}
