/**
 * A monitor's recovery target as one choice.
 */
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../schemas/index.js';
import { type ClusterNames, recoveryChoices } from './entity-view.js';
import { FieldFindings } from './rows.js';

/**
 * A monitor's recovery target chosen among the cluster (LocalServer), its groups and its
 * resources: `relation/type` and `relation/name` set together, as one edit.
 */
export function RecoveryRow(props: {
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
        {value === '' ? <option value="">{t('option.notSet')}</option> : null}
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
