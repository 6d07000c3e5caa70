/**
 * A resource's dependencies: the default dependency, or the resources of its group it is
 * activated after (clpconf-format.md §5 `<depend name>`), each with what the rules say of it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../schemas/index.js';
import { FieldFindings } from './rows.js';

export function Dependencies(props: {
  /** The resource's path (`resource/exec@exec1`). */
  path: string;
  /** Undefined follows the default dependency; [] is none. */
  depends: readonly string[] | undefined;
  /** The other resources of its group. */
  dependable: readonly string[];
  findingsAt(path: string): readonly Finding[];
  onChange(depends: readonly string[] | undefined): void;
}) {
  const { t } = useTranslation();
  const { depends, path } = props;
  const chosen = depends ?? [];
  const available = props.dependable.filter((name) => !chosen.includes(name));
  const [adding, setAdding] = useState('');
  const toAdd = available.includes(adding) ? adding : (available[0] ?? '');
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
        <>
          {chosen.length === 0 ? <p className="note">{t('properties.dependsNone')}</p> : null}
          <ul aria-label={t('properties.dependencies')}>
            {/* Names the group does not hold (a hand edit) are listed too, with CF002's finding. */}
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
                <FieldFindings findings={props.findingsAt(`${path}/depend@${name}`)} />
              </li>
            ))}
          </ul>
          {available.length > 0 ? (
            <div className="dependency-add">
              <select
                aria-label={t('properties.dependsAddResource')}
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
      )}
    </fieldset>
  );
}
