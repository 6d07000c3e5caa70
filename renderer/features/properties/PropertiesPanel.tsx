/**
 * The selected entity's properties: a few fields by meaning, then every parameter, each
 * checked as it is typed against the core's known ranges, with the rules' findings beside it.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEPENDENCY_SIDE_NAMES,
  type DependencySide,
  type Finding,
  MONITOR_FINAL_ACTIONS,
} from '../../../schemas/index.js';
import { type ClusterNames, type EntityView, choiceFieldsOf } from './entity-view.js';
import { AddParameter } from './AddParameter.js';
import { RecoveryRow } from './RecoveryRow.js';
import { ChoiceRow, FieldFindings, TextRow } from './rows.js';
import { StartupServers } from './StartupServers.js';
import { Dependencies, GroupDependencies } from './Dependencies.js';

interface Props {
  readonly entity: EntityView | undefined;
  readonly findings: readonly Finding[];
  onSet(path: string, value: string): void;
  /** Removes a parameter, so that the product's default applies. */
  onRemove(path: string): void;
  /** The cluster's servers, groups and resources: what references choose from. */
  readonly names?: ClusterNames;
  /** Sets several parameters as one edit (a recovery target's type and name). */
  onSetMany?(changes: ReadonlyArray<readonly [string, string]>): void;
  /** Sets a group's startup servers, in order. */
  onStartupServers?(group: string, servers: readonly string[]): void;
  /** Sets a resource's dependencies: undefined follows the default dependency. */
  onDependencies?(resource: string, depends: readonly string[] | undefined): void;
  /** Sets the groups a group starts (or stops) after. */
  onGroupDependencies?(group: string, groups: readonly string[], side: DependencySide): void;
  /** Selects another entity (a group's resource) by its path. */
  onSelect?(path: string): void;
}

const NO_NAMES: ClusterNames = { servers: [], groups: [], resources: [] };
const NO_FINDINGS: readonly Finding[] = [];

/** A monitor's recovery target: both parts are set together by one choice. */
const RELATION_KEYS = ['relation/type', 'relation/name'];

/** The form of one entity. */
export function PropertiesPanel({
  entity,
  findings,
  onSet,
  onRemove,
  names = NO_NAMES,
  onSetMany,
  onStartupServers,
  onDependencies,
  onGroupDependencies,
  onSelect,
}: Props) {
  const { t } = useTranslation();
  const kind = entity?.kind;
  const type = entity?.type;
  // The same fields while kind, type and the cluster's names are the same: a monitor's target
  // lists every resource, and its rows are skipped unless their own value changed.
  const choices = useMemo(
    () => (kind === undefined ? [] : choiceFieldsOf({ kind, type }, MONITOR_FINAL_ACTIONS, names)),
    [kind, type, names],
  );
  if (!entity) {
    return <p className="empty">{t('properties.none')}</p>;
  }
  const findingsAt = (path: string) => {
    const at = findings.filter((finding) => finding.path === path);
    return at.length === 0 ? NO_FINDINGS : at;
  };
  const hasRecovery = entity.kind === 'monitor' && onSetMany !== undefined;
  const choiceKeys = new Set([
    ...choices.map((choice) => choice.key),
    ...(hasRecovery ? RELATION_KEYS : []),
  ]);
  return (
    <form
      className="properties"
      aria-label={t('properties.title')}
      onSubmit={(event) => event.preventDefault()}
    >
      <header className="properties-head">
        <h2>{entity.name}</h2>
        <span className="badge">
          {t(`kind.${entity.kind}`)}
          {entity.type ? ` · ${entity.type}` : ''}
        </span>
        <code className="path">{entity.path}</code>
      </header>
      <div className="entity-findings">
        <FieldFindings findings={findingsAt(entity.path)} />
      </div>
      {choices.length > 0 ? (
        <fieldset>
          <legend>{t('properties.settings')}</legend>
          {choices.map((choice) => (
            <ChoiceRow
              key={`${entity.path}/${choice.key}`}
              field={choice}
              path={`${entity.path}/${choice.key}`}
              value={entity.parameters[choice.key]}
              findings={findingsAt(`${entity.path}/${choice.key}`)}
              onSet={onSet}
              onRemove={onRemove}
            />
          ))}
          {hasRecovery && onSetMany ? (
            <RecoveryRow
              path={entity.path}
              type={entity.parameters['relation/type']}
              name={entity.parameters['relation/name']}
              names={names}
              findings={findingsAt(`${entity.path}/relation`)}
              onSetMany={onSetMany}
            />
          ) : null}
        </fieldset>
      ) : null}
      {entity.kind === 'group' && onSelect ? (
        <GroupMembers members={entity.members ?? []} onSelect={onSelect} />
      ) : null}
      {entity.kind === 'group' && onStartupServers ? (
        <StartupServers
          key={`${entity.path}/startup`}
          chosen={entity.startupServers ?? []}
          servers={names.servers}
          onChange={(next) => onStartupServers(entity.name, next)}
        />
      ) : null}
      {entity.kind === 'group' && onGroupDependencies
        ? DEPENDENCY_SIDE_NAMES.map((side) => (
            <GroupDependencies
              key={`${entity.path}/${side}-depend`}
              path={entity.path}
              side={side}
              dependsOn={entity.groupDependencies?.[side] ?? []}
              groups={names.groups.filter((group) => group !== entity.name)}
              findingsAt={findingsAt}
              onChange={(next) => onGroupDependencies(entity.name, next, side)}
            />
          ))
        : null}
      {entity.kind === 'resource' && onDependencies ? (
        <Dependencies
          key={`${entity.path}/depend`}
          path={entity.path}
          depends={entity.depends}
          dependable={entity.dependable ?? []}
          findingsAt={findingsAt}
          onChange={(next) => onDependencies(entity.path, next)}
        />
      ) : null}
      <fieldset>
        <legend>{t('properties.parameters')}</legend>
        {Object.entries(entity.parameters)
          .filter(
            ([key]) =>
              !choiceKeys.has(key) &&
              !isGroupListEntry(entity, key, onSelect) &&
              !(onDependencies && isDependencyEntry(entity, key)) &&
              !(onGroupDependencies && isGroupDependencyEntry(entity, key)),
          )
          .map(([key, value]) => (
            // Keyed by value too: an undo or a quick fix resets the draft to the new value.
            <TextRow
              key={`${entity.path}/${key}=${value}`}
              label={key}
              path={`${entity.path}/${key}`}
              value={value}
              findings={findingsAt(`${entity.path}/${key}`)}
              onSet={onSet}
              onRemove={onRemove}
            />
          ))}
      </fieldset>
      {/* Keyed by entity, and apart from its siblings: a new entity starts a fresh draft. */}
      <AddParameter key={`${entity.path}/add`} entity={entity} onSet={onSet} />
    </form>
  );
}

/**
 * A group's startup servers are edited in their own list, and its members shown in theirs,
 * rather than as raw parameters.
 */
function isGroupListEntry(entity: EntityView, key: string, onSelect: Props['onSelect']): boolean {
  return (
    entity.kind === 'group' &&
    (key.startsWith('policy@') || (onSelect !== undefined && key.startsWith('resource@')))
  );
}

/** A resource's `<depend name>` entries are edited in their own list. */
function isDependencyEntry(entity: EntityView, key: string): boolean {
  return entity.kind === 'resource' && (key === 'depend' || key.startsWith('depend@'));
}

/** A group's start and stop dependencies (`depend/act/depend@g...`) have their own lists. */
function isGroupDependencyEntry(entity: EntityView, key: string): boolean {
  return (
    entity.kind === 'group' &&
    (key.startsWith('depend/act/depend@') || key.startsWith('depend/deact/depend@'))
  );
}

/** A group's resources, each a way to its own properties. */
function GroupMembers(props: {
  members: ReadonlyArray<{ type: string; name: string }>;
  onSelect(path: string): void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="group-members">
      <legend>{t('properties.members')}</legend>
      {props.members.length === 0 ? <p className="note">{t('properties.noMembers')}</p> : null}
      <ol aria-label={t('properties.members')}>
        {props.members.map(({ type, name }) => (
          <li key={`${type}@${name}`}>
            <button
              type="button"
              className="link"
              onClick={() => props.onSelect(`resource/${type}@${name}`)}
            >
              {name}
            </button>{' '}
            <span className="type">{type}</span>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
