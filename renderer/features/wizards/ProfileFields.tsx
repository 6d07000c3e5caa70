/**
 * The VM profile's fields (schemas/vm-profile.ts), shared by the New cluster and the VM
 * scripts wizards. Blank fields take the guide's defaults, which the placeholders show.
 */
import { useTranslation } from 'react-i18next';
import { EXAMPLE_VMX, VmProfileSchema, clptrnreqOf } from '../../../schemas/index.js';
import { VM_NAMES } from '../../../templates/index.js';
import { SelectField, TextField } from './fields.js';
import type { FieldErrors, ProfileForm } from './wizard-form.js';

interface Props {
  readonly form: ProfileForm;
  /** Keyed `profile.<field>`. */
  readonly errors: FieldErrors;
  onChange(form: ProfileForm): void;
}

// The schema's and the generator's own defaults, so that the placeholders cannot drift from
// what a blank field becomes.
const SCHEMA_DEFAULTS = VmProfileSchema.parse({});
const DEFAULTS: Partial<Record<keyof ProfileForm, string>> = {
  vmwareCmd: SCHEMA_DEFAULTS.vmwareCmd,
  vmResource: VM_NAMES.exec,
  checkInterval: String(SCHEMA_DEFAULTS.checkInterval),
  stopCheckInterval: String(SCHEMA_DEFAULTS.stopCheckInterval),
  maxChecks: String(SCHEMA_DEFAULTS.maxChecks),
  startTimeout: String(SCHEMA_DEFAULTS.startTimeout),
};

// Examples for the fields without a default (the guide's own, Appendix A).
const PLACEHOLDERS: Partial<Record<keyof ProfileForm, string>> = {
  vmx: EXAMPLE_VMX,
  esxAddresses: '10.0.0.1, 10.0.0.2',
  clptrnreq: clptrnreqOf(SCHEMA_DEFAULTS, 'linux'),
};

const TEXT_KEYS = [
  'vmx',
  'vmwareCmd',
  'esxAddresses',
  'vmResource',
  'clptrnreq',
  'checkInterval',
  'stopCheckInterval',
  'maxChecks',
  'startTimeout',
] as const;

/** The profile's fields in a fieldset. */
export function ProfileFields({ form, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<ProfileForm>) => onChange({ ...form, ...patch });
  return (
    <fieldset>
      <legend>{t('wizard.profile')}</legend>
      {TEXT_KEYS.map((key) => {
        const fallback = DEFAULTS[key];
        return (
          <TextField
            key={key}
            label={t(`wizard.field.${key}`)}
            value={form[key]}
            error={errors[`profile.${key}`]}
            placeholder={
              fallback ? t('wizard.defaultIs', { value: fallback }) : (PLACEHOLDERS[key] ?? '')
            }
            onChange={(value) => set({ [key]: value })}
          />
        );
      })}
      <SelectField
        label={t('wizard.field.guestOs')}
        value={form.guestOs}
        error={errors['profile.guestOs']}
        options={[
          ['', t('wizard.option.default')],
          ['linux', 'Linux'],
          ['windows', 'Windows'],
        ]}
        onChange={(guestOs) => set({ guestOs })}
      />
    </fieldset>
  );
}
