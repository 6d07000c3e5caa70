/**
 * What an entity waits for: a resource's dependencies (the default dependency, or the
 * resources of its group it is activated after: `<depend name>`) and a group's start and stop
 * dependencies (the groups it starts or stops after: `depend/act/depend@g`,
 * `depend/deact/depend@g`), clpconf-format.md §4-§5.
 * Each entry shows what the rules say of it (CF015 circles, CF002 names that are not there).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPENDENCY_SIDES, type DependencySide, type Finding } from '../../../schemas/index.js';
import { FieldFindings } from './rows.js';

interface ListProps {
  readonly label: string;
  /** What the list says when it is empty. */
  readonly none: string;
  /** The label of the choice of what to add. */
  readonly addLabel: string;
  /** The entries' path without the name (`resource/exec@exec1/depend@`). */
  readonly entryPath: string;
  readonly chosen: readonly string[];
  /** What can be added (others of the group, other groups). */
  readonly choices: readonly string[];
  findingsAt(path: string): readonly Finding[];
  onChange(names: readonly string[]): void;
}

/** A resource's dependencies: undefined follows the default dependency, [] is none. */
export function Dependencies(props: {
  path: string;
  depends: readonly string[] | undefined;
  dependable: readonly string[];
  findingsAt(path: string): readonly Finding[];
  onChange(depends: readonly string[] | undefined): void;
}) {
  const { t } = useTranslation();
  const { depends } = props;
  return (
    <fieldset className="dependencies">
      <legend>{t('properties.dependencies')}</legend>
      <label className="follow-default">
        <input
          type="checkbox"
          checked={depends === undefined}
          onChange={(event) => props.onChange(event.target.checked ? undefined : [])}
        />
        {t('properties.dependsDefault')}
      </label>
      {depends === undefined ? (
        <p className="note">{t('properties.dependsDefaultNote')}</p>
      ) : (
        <DependencyList
          label={t('properties.dependencies')}
          none={t('properties.dependsNone')}
          addLabel={t('properties.dependsAddResource')}
          entryPath={`${props.path}/depend@`}
          chosen={depends}
          choices={props.dependable}
          findingsAt={props.findingsAt}
          onChange={props.onChange}
        />
      )}
    </fieldset>
  );
}

/** The groups a group starts after, or stops after ([] for none). */
export function GroupDependencies(props: {
  path: string;
  side: DependencySide;
  dependsOn: readonly string[];
  groups: readonly string[];
  findingsAt(path: string): readonly Finding[];
  onChange(names: readonly string[]): void;
}) {
  const { t } = useTranslation();
  const { side } = props;
  const label = t(`properties.${side}Dependencies`);
  return (
    <fieldset className="dependencies">
      <legend>{label}</legend>
      <DependencyList
        label={label}
        none={t(`properties.${side}DependsNone`)}
        addLabel={t(`properties.${side}DependsAddGroup`)}
        entryPath={`${props.path}/depend/${DEPENDENCY_SIDES[side].act}/depend@`}
        chosen={props.dependsOn}
        choices={props.groups}
        findingsAt={props.findingsAt}
        onChange={props.onChange}
      />
    </fieldset>
  );
}

function DependencyList(props: ListProps) {
  const { t } = useTranslation();
  const { chosen } = props;
  const available = props.choices.filter((name) => !chosen.includes(name));
  const [adding, setAdding] = useState('');
  const toAdd = available.includes(adding) ? adding : (available[0] ?? '');
  return (
    <>
      {chosen.length === 0 ? <p className="note">{props.none}</p> : null}
      <ul aria-label={props.label}>
        {/* Names that are not there (a hand edit) are listed too, with CF002's finding. */}
        {chosen.map((name) => (
          <li key={name}>
            <span className="dependency-name">{name}</span>
            <button
              type="button"
              aria-label={t('properties.dependsRemove', { name })}
              onClick={() => props.onChange(chosen.filter((other) => other !== name))}
            >
              ×
            </button>
            <FieldFindings findings={props.findingsAt(`${props.entryPath}${name}`)} />
          </li>
        ))}
      </ul>
      {available.length > 0 ? (
        <div className="dependency-add">
          <select
            aria-label={props.addLabel}
            value={toAdd}
            onChange={(event) => setAdding(event.target.value)}
          >
            {available.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => props.onChange([...chosen, toAdd])}>
            {t('properties.dependsAdd')}
          </button>
        </div>
      ) : null}
    </>
  );
}
