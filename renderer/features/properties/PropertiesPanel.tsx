/**
 * The selected entity's properties: a few fields by meaning, then every parameter, each
 * checked as it is typed against the core's known ranges, with the rules' findings beside it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Finding,
  MONITOR_FINAL_ACTIONS,
  checkParameterValue,
  knownParameters,
  misspeltParameter,
  parsePath,
  unitOf,
} from '../../../schemas/index.js';
import {
  type ChoiceField,
  type ClusterNames,
  type EntityView,
  choiceFieldsOf,
  recoveryChoices,
  startupServersOf,
} from './entity-view.js';
import { findingText, parameterProblemText } from '../problems/finding-text.js';

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
}

const NO_NAMES: ClusterNames = { servers: [], groups: [], resources: [] };

/** The select's value for "the product's default" (no real choice is empty). */
const DEFAULT_CHOICE = '';

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
}: Props) {
  const { t } = useTranslation();
  if (!entity) {
    return <p className="empty">{t('properties.none')}</p>;
  }
  const findingsAt = (path: string) => findings.filter((finding) => finding.path === path);
  const choices = choiceFieldsOf(entity, MONITOR_FINAL_ACTIONS, names);
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
              parameters={entity.parameters}
              names={names}
              findings={findingsAt(`${entity.path}/relation`)}
              onSetMany={onSetMany}
            />
          ) : null}
        </fieldset>
      ) : null}
      {entity.kind === 'group' && onStartupServers ? (
        <StartupServers
          key={entity.path}
          chosen={startupServersOf(entity)}
          servers={names.servers}
          onChange={(next) => onStartupServers(entity.name, next)}
        />
      ) : null}
      <fieldset>
        <legend>{t('properties.parameters')}</legend>
        {Object.entries(entity.parameters)
          .filter(([key]) => !choiceKeys.has(key) && !isStartupEntry(entity, key))
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
      <AddParameter key={entity.path} entity={entity} onSet={onSet} />
    </form>
  );
}

interface RowProps {
  readonly path: string;
  readonly value: string | undefined;
  readonly findings: readonly Finding[];
  onSet(path: string, value: string): void;
  onRemove(path: string): void;
}

function ChoiceRow({
  field,
  path,
  value,
  findings,
  onSet,
  onRemove,
}: RowProps & { field: ChoiceField }) {
  const { t } = useTranslation();
  const id = `field-${path}`;
  const known = value === undefined || field.options.some(([option]) => option === value);
  return (
    <div className="field">
      <label htmlFor={id}>{t(field.label)}</label>
      <select
        id={id}
        data-path={path}
        value={value ?? DEFAULT_CHOICE}
        onChange={(event) =>
          event.target.value === DEFAULT_CHOICE ? onRemove(path) : onSet(path, event.target.value)
        }
      >
        {/* The product's default: no element, so choosing it removes the parameter. */}
        <option value={DEFAULT_CHOICE}>{t(field.absent ?? 'option.default')}</option>
        {known ? null : <option value={value}>{value}</option>}
        {field.options.map(([option, meaning, fallback]) => {
          const text = meaning === '' ? option : t(meaning, { defaultValue: fallback ?? meaning });
          return (
            <option key={option} value={option}>
              {text === option ? option : `${text} (${option})`}
            </option>
          );
        })}
      </select>
      <FieldFindings findings={findings} />
    </div>
  );
}

function TextRow({ label, path, value, findings, onSet, onRemove }: RowProps & { label: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  const unit = unitOf(path);
  const checked = checkParameterValue(path, draft);
  const error = checked.ok
    ? undefined
    : parameterProblemText(checked.error.message).replace(`${path}: `, '');
  const id = `field-${path}`;
  const commit = () => {
    if (checked.ok && draft !== value) {
      onSet(path, draft);
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-path={path}
        value={draft}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            commit();
          }
        }}
      />
      {unit ? (
        <span className="unit" title={t(`units.${unit}`)}>
          {unit}
        </span>
      ) : null}
      {/* Keyed entries (members, startup servers) are references, edited by their own commands. */}
      {label.includes('@') ? null : (
        <button
          type="button"
          className="remove-parameter"
          aria-label={t('properties.remove', { key: label })}
          title={t('properties.remove', { key: label })}
          onClick={() => onRemove(path)}
        >
          ×
        </button>
      )}
      <FieldError id={`${id}-error`} problem={error} />
      <FieldFindings findings={findings} />
    </div>
  );
}

/** A field's problem under it, announced as it appears. */
function FieldError({ id, problem }: { id: string; problem: string | undefined }) {
  return problem ? (
    <p className="field-error" id={id} role="alert">
      {problem}
    </p>
  ) : null;
}

function FieldFindings({ findings }: { readonly findings: readonly Finding[] }) {
  return findings.map((finding) => (
    <p
      key={`${finding.rule}-${finding.message}`}
      className={`field-finding sev-${finding.severity}`}
    >
      {finding.rule}: {findingText(finding).message}
    </p>
  ));
}

/**
 * A parameter the entity does not have yet (the product's default applies until then), with
 * the ones the sources document for its kind and type offered; a sub-path a typo away from one
 * of those is refused before it reaches the file, as `clpbuilder set` refuses it.
 */
function AddParameter({ entity, onSet }: { entity: EntityView; onSet: Props['onSet'] }) {
  const { t } = useTranslation();
  const [sub, setSub] = useState('');
  const [value, setValue] = useState('');
  const kind = entity.kind;
  const type = entity.type ?? '';
  const offered = knownParameters(kind, type).filter((known) => !(known in entity.parameters));
  const trimmed = sub.trim().replace(/^\/+|\/+$/g, '');
  const path = `${entity.path}/${trimmed}`;
  const subProblem = ((): string | undefined => {
    if (trimmed === '') {
      return undefined;
    }
    if (trimmed in entity.parameters) {
      return t('properties.parameterPresent', { sub: trimmed });
    }
    if (!parsePath(path).ok) {
      return t('properties.parameterSyntax');
    }
    const meant = misspeltParameter(kind, type, trimmed);
    return meant === undefined ? undefined : t('properties.didYouMean', { meant });
  })();
  const checked = checkParameterValue(path, value);
  const valueProblem =
    trimmed === '' || subProblem !== undefined || checked.ok
      ? undefined
      : parameterProblemText(checked.error.message).replace(`${path}: `, '');
  const canAdd = trimmed !== '' && subProblem === undefined && valueProblem === undefined;
  const add = () => {
    if (canAdd) {
      onSet(path, value);
      setSub('');
      setValue('');
    }
  };
  const listId = `known-${entity.path}`;
  return (
    <fieldset className="add-parameter">
      <legend>{t('properties.addParameter')}</legend>
      <div className="field">
        <label htmlFor={`${listId}-sub`}>{t('properties.newParameter')}</label>
        <input
          id={`${listId}-sub`}
          list={listId}
          value={sub}
          placeholder={t('properties.newParameterHint')}
          spellCheck={false}
          aria-invalid={subProblem !== undefined}
          aria-describedby={subProblem ? `${listId}-sub-error` : undefined}
          onChange={(event) => setSub(event.target.value)}
        />
        <datalist id={listId}>
          {offered.map((known) => (
            <option key={known} value={known} />
          ))}
        </datalist>
        <FieldError id={`${listId}-sub-error`} problem={subProblem} />
      </div>
      <div className="field">
        <label htmlFor={`${listId}-value`}>{t('properties.newValue')}</label>
        <input
          id={`${listId}-value`}
          value={value}
          spellCheck={false}
          aria-invalid={valueProblem !== undefined && value !== ''}
          aria-describedby={valueProblem && value !== '' ? `${listId}-value-error` : undefined}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              add();
            }
          }}
        />
        {unitOf(path) ? <span className="unit">{unitOf(path)}</span> : null}
        <FieldError
          id={`${listId}-value-error`}
          problem={value === '' ? undefined : valueProblem}
        />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={add} disabled={!canAdd}>
          {t('properties.add')}
        </button>
      </div>
    </fieldset>
  );
}

/** A group's startup server entries are edited in their own list, not as raw parameters. */
function isStartupEntry(entity: EntityView, key: string): boolean {
  return entity.kind === 'group' && key.startsWith('policy@');
}

/**
 * A group's startup servers in order (the first starts it, the next takes over), chosen from
 * the cluster's servers; none chosen means every server, in server priority order.
 */
function StartupServers(props: {
  chosen: readonly string[];
  servers: readonly string[];
  onChange(servers: readonly string[]): void;
}) {
  const { t } = useTranslation();
  const { chosen } = props;
  const available = props.servers.filter((server) => !chosen.includes(server));
  const [adding, setAdding] = useState('');
  const toAdd = available.includes(adding) ? adding : (available[0] ?? '');
  const moved = (from: number, to: number) => {
    const next = [...chosen];
    const [server] = next.splice(from, 1);
    next.splice(to, 0, server as string);
    return next;
  };
  return (
    <fieldset className="startup-servers">
      <legend>{t('properties.startupServers')}</legend>
      {chosen.length === 0 ? <p className="note">{t('properties.startupAll')}</p> : null}
      <ol aria-label={t('properties.startupServers')}>
        {chosen.map((server, index) => (
          <li key={server}>
            <span className="server-order">{index + 1}.</span>
            <span className="server-name">{server}</span>
            <button
              type="button"
              aria-label={t('properties.startupMoveUp', { server })}
              disabled={index === 0}
              onClick={() => props.onChange(moved(index, index - 1))}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={t('properties.startupMoveDown', { server })}
              disabled={index === chosen.length - 1}
              onClick={() => props.onChange(moved(index, index + 1))}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={t('properties.startupRemove', { server })}
              onClick={() => props.onChange(chosen.filter((other) => other !== server))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      {available.length > 0 ? (
        <div className="startup-add">
          <select
            aria-label={t('properties.startupAddServer')}
            value={toAdd}
            onChange={(event) => setAdding(event.target.value)}
          >
            {available.map((server) => (
              <option key={server} value={server}>
                {server}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => props.onChange([...chosen, toAdd])}>
            {t('properties.startupAdd')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * A monitor's recovery target chosen among the cluster (LocalServer), its groups and its
 * resources: `relation/type` and `relation/name` set together, as one edit.
 */
function RecoveryRow(props: {
  path: string;
  parameters: Readonly<Record<string, string>>;
  names: ClusterNames;
  findings: readonly Finding[];
  onSetMany(changes: ReadonlyArray<readonly [string, string]>): void;
}) {
  const { t } = useTranslation();
  const id = `field-${props.path}/relation`;
  const type = props.parameters['relation/type'];
  const name = props.parameters['relation/name'];
  const value = type === undefined && name === undefined ? '' : `${type ?? ''}:${name ?? ''}`;
  const choices = recoveryChoices(props.names);
  const known = value === '' || choices.some(([choice]) => choice === value);
  return (
    <div className="field">
      <label htmlFor={id}>{t('field.recoveryTarget')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const at = event.target.value.indexOf(':');
          props.onSetMany([
            [`${props.path}/relation/type`, event.target.value.slice(0, at)],
            [`${props.path}/relation/name`, event.target.value.slice(at + 1)],
          ]);
        }}
      >
        {value === '' ? <option value="">{t('option.noRecoveryTarget')}</option> : null}
        {known ? null : <option value={value}>{value}</option>}
        {choices.map(([choice, meaning, subject]) => (
          <option key={choice} value={choice}>
            {t(meaning, { name: subject })}
          </option>
        ))}
      </select>
      <FieldFindings findings={props.findings} />
    </div>
  );
}
