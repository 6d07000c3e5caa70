/**
 * A monitor's recovery target as one choice.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../schemas/index.js';
import { type ClusterNames, recoveryChoices } from './entity-view.js';
import { FieldFindings, useShownOptions } from './rows.js';

/**
 * A monitor's recovery target chosen among the cluster (LocalServer), its groups and its
 * resources: `relation/type` and `relation/name` set together, as one edit.
 */
export const RecoveryRow = memo(function RecoveryRow(props: {
  path: string;
  /** `relation/type` and `relation/name`, as the monitor has them. */
  type: string | undefined;
  name: string | undefined;
  names: ClusterNames;
  findings: readonly Finding[];
  onSetMany(changes: ReadonlyArray<readonly [string, string]>): void;
}) {
  const { t } = useTranslation();
  const id = `field-${props.path}/relation`;
  const { type, name } = props;
  const value = type === undefined && name === undefined ? '' : `${type ?? ''}:${name ?? ''}`;
  const choices = useMemo(() => recoveryChoices(props.names), [props.names]);
  const known = value === '' || choices.some(([choice]) => choice === value);
  const { shown, expand } = useShownOptions(choices, value);
  return (
    <div className="field">
      <label htmlFor={id}>{t('field.recoveryTarget')}</label>
      <select
        id={id}
        value={value}
        onFocus={expand}
        onMouseDown={expand}
        onChange={(event) => {
          const at = event.target.value.indexOf(':');
          props.onSetMany([
            [`${props.path}/relation/type`, event.target.value.slice(0, at)],
            [`${props.path}/relation/name`, event.target.value.slice(at + 1)],
          ]);
        }}
      >
        {value === '' ? <option value="">{t('option.notSet')}</option> : null}
        {known ? null : <option value={value}>{value}</option>}
        {shown.map(([choice, meaning, subject]) => (
          <option key={choice} value={choice}>
            {t(meaning, { name: subject })}
          </option>
        ))}
      </select>
      <FieldFindings findings={props.findings} />
    </div>
  );
});
