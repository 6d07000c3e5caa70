/**
 * Add, remove, rename and duplicate for every entity kind, as plain values over the core's
 * operations (schemas/edits/entities.ts, duplicate.ts). Pure, so the reducer, the dialogs'
 * field checks and the tests all use the same code.
 */
import {
  type ClusterModel,
  type EntityKind,
  type Project,
  type Result,
  addGroup,
  addHeartbeat,
  addMonitor,
  addNetworkPartition,
  addResource,
  addServer,
  appError,
  duplicateEntity,
  entityAtPath,
  fail,
  readModel,
  removeOfKind,
  renameOfKind,
} from '../../../schemas/index.js';
import { FOLDER_KINDS } from './tree-commands.js';

/** What the Add dialog produces. */
export interface NewEntity {
  readonly kind: EntityKind;
  /** The resource, monitor, heartbeat, network partition or group type (`exec`, `genw` ...). */
  readonly type: string;
  readonly name: string;
  /** The group a new resource joins. */
  readonly group?: string;
}

/** An entity of the model, as the edits address it. */
export interface EntityRef {
  readonly kind: EntityKind;
  readonly name: string;
  readonly type?: string;
  readonly path: string;
}

/** The entity at a clpcfadm path (`resource/exec@exec1`), if the model has one. */
export function entityRefAt(model: ClusterModel, path: string): EntityRef | undefined {
  const found = entityAtPath(model, path);
  return found && { kind: found.kind, name: found.name, path: found.path, ...typeOf(found) };
}

function typeOf(entity: object): { type?: string } {
  return 'type' in entity && typeof entity.type === 'string' ? { type: entity.type } : {};
}

/** The clpcfadm path an entity of this kind, type and name has. */
export function pathOf(kind: EntityKind, type: string | undefined, name: string): string {
  switch (kind) {
    case 'server':
    case 'group':
      return `${kind}@${name}`;
    case 'heartbeat':
    case 'networkpartition':
    case 'resource':
    case 'monitor':
      return `${kind}/${type ?? ''}@${name}`;
  }
}

/** Adds a new entity with the product's defaults. */
export function addEntity(project: Project, entity: NewEntity): Result<Project> {
  const { kind, type, name } = entity;
  switch (kind) {
    case 'server':
      return addServer(project, name);
    case 'heartbeat':
      return addHeartbeat(project, type, { name });
    case 'networkpartition':
      return addNetworkPartition(project, type, { name });
    case 'group':
      return addGroup(project, name, { type });
    case 'resource':
      return entity.group === undefined || entity.group === ''
        ? fail(
            appError('invalid-value', 'choose the group the new resource belongs to', {
              ja: '新しいグループリソースが属するグループを選択してください',
            }),
          )
        : addResource(project, entity.group, type, name);
    case 'monitor':
      return addMonitor(project, type, name);
  }
}

/** Removes the entity at `path`; the core refuses while something refers to it. */
export function removeEntity(project: Project, path: string): Result<Project> {
  const entity = entityRefAt(readModel(project.conf), path);
  if (!entity) {
    return notAnEntity(path);
  }
  return removeOfKind(project, entity.kind, entity.name);
}

/** Renames the entity at `path`; references and scripts folders follow. */
export function renameEntity(project: Project, path: string, to: string): Result<Project> {
  const entity = entityRefAt(readModel(project.conf), path);
  if (!entity) {
    return notAnEntity(path);
  }
  return renameOfKind(project, entity.kind, entity.name, to);
}

/** Copies the entity at `path` as `to` (a group's resources by `renames`). */
export function copyEntity(
  project: Project,
  path: string,
  to: string,
  renames: ReadonlyArray<readonly [string, string]> = [],
): Result<Project> {
  return duplicateEntity(project, path, to, new Map(renames));
}

function notAnEntity(path: string): Result<never> {
  return fail(
    appError('not-found', `${path} is not a server, heartbeat, group, resource or monitor`, {
      ja: `${path} はサーバ、ハートビート、グループ、グループリソース、モニタリソースのいずれでもありません`,
    }),
  );
}

/** The tree folder an entity of a kind sits in (to select after a removal). */
export function folderOf(kind: EntityKind): string {
  // Resources sit in their groups, under the groups folder.
  const shown = kind === 'resource' ? 'group' : kind;
  return (
    Object.keys(FOLDER_KINDS).find((folder) => FOLDER_KINDS[folder] === shown) ?? 'folder:groups'
  );
}
