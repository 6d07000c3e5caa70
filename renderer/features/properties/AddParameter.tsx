/**
 * Adding a parameter an entity does not have yet, among those the sources document for it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownParameters, misspeltParameter, parsePath, unitOf } from '../../../schemas/index.js';
import type { EntityView } from './entity-view.js';
import { FieldError, valueProblemOf } from './rows.js';

/**
 * A parameter the entity does not have yet (the product's default applies until then), with
 * the ones the sources document for its kind and type offered; a sub-path a typo away from one
 * of those is refused before it reaches the file, as `clpbuilder set` refuses it.
 */
export function AddParameter(props: {
  entity: EntityView;
  onSet(path: string, value: string): void;
}) {
  const { entity, onSet } = props;
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
  const valueProblem =
    trimmed === '' || subProblem !== undefined ? undefined : valueProblemOf(path, value);
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
