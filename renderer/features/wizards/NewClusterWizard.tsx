/**
 * "New cluster": choose a topology of the vSphere guide, fill the servers and the VM profile,
 * pick a new folder, create. The project is built by the host with `buildTopology`, the code
 * of `clpbuilder new`; the form checks the same schemas first, so errors show by their field.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TopologySchema } from '../../../schemas/index.js';
import { FolderBrowser } from '../files/FolderBrowser.js';
import { Dialog } from '../hosts/Dialog.js';
import { ProfileFields } from './ProfileFields.js';
import { SelectField, TextField } from './fields.js';
import { fieldProblemText } from './problem-text.js';
import {
  type FieldErrors,
  type NewClusterForm,
  type ServerRow,
  checkNewCluster,
  newClusterForm,
  wizardInput,
} from './wizard-form.js';

type Step = 'topology' | 'cluster' | 'folder';

interface Props {
  /** Creates and opens the project; resolves to an error message, or undefined when done. */
  onCreate(folder: string, options: Record<string, unknown>): Promise<string | undefined>;
  onClose(): void;
}

/** The wizard, as a dialog. */
export function NewClusterWizard({ onCreate, onClose }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('topology');
  const [form, setForm] = useState<NewClusterForm>(newClusterForm);
  // Errors show once Next was pressed, then follow every keystroke.
  const [isChecked, setChecked] = useState(false);
  const errors: FieldErrors = useMemo(
    () => (isChecked ? checkNewCluster(form) : {}),
    [form, isChecked],
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const next = () => {
    setChecked(true);
    if (Object.keys(checkNewCluster(form)).length === 0) {
      setStep('folder');
    }
  };
  const create = async (folder: string) => {
    setBusy(true);
    setFailure(undefined);
    const problem = await onCreate(folder, wizardInput(form));
    setBusy(false);
    if (problem !== undefined) {
      setFailure(problem);
    }
  };

  return (
    <Dialog
      title={t('wizard.newTitle')}
      busy={busy}
      closeLabel={t('hosts.close')}
      onClose={onClose}
    >
      <ol className="wizard-steps" aria-label={t('wizard.steps')}>
        {(['topology', 'cluster', 'folder'] as const).map((name) => (
          <li key={name} aria-current={step === name ? 'step' : undefined}>
            {t(`wizard.step.${name}`)}
          </li>
        ))}
      </ol>
      {step === 'topology' ? (
        <TopologyStep
          value={form.topology}
          onChange={(topology) => setForm({ ...form, topology })}
          onNext={() => setStep('cluster')}
        />
      ) : null}
      {step === 'cluster' ? (
        <>
          <ClusterFields form={form} errors={errors} onChange={setForm} />
          <ProfileFields
            form={form.profile}
            errors={errors}
            onChange={(profile) => setForm({ ...form, profile })}
          />
          {Object.keys(errors).length > 0 ? (
            <p className="field-error" role="alert">
              {t('wizard.fixFields', { count: Object.keys(errors).length })}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" onClick={() => setStep('topology')}>
              {t('wizard.back')}
            </button>
            <button type="button" className="primary" onClick={next}>
              {t('wizard.next')}
            </button>
          </div>
        </>
      ) : null}
      {step === 'folder' ? (
        <>
          <p>{t('wizard.folderNote')}</p>
          <FolderBrowser
            mode="new-folder"
            defaultName={form.name.trim() || 'cluster'}
            pickLabel={t('wizard.create')}
            disabled={busy}
            onPick={(folder) => void create(folder)}
          />
          {failure ? (
            <p className="field-error" role="alert">
              {failure}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" onClick={() => setStep('cluster')} disabled={busy}>
              {t('wizard.back')}
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}

function TopologyStep(props: {
  value: NewClusterForm['topology'];
  onChange(value: NewClusterForm['topology']): void;
  onNext(): void;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  return (
    <>
      <fieldset className="topologies">
        <legend>{t('wizard.step.topology')}</legend>
        {TopologySchema.options.map((topology) => (
          <label key={topology} className="topology">
            <input
              type="radio"
              name="topology"
              value={topology}
              checked={props.value === topology}
              aria-label={t(`wizard.topology.${topology}.title`)}
              aria-describedby={`${baseId}-${topology}`}
              onChange={() => props.onChange(topology)}
            />
            <span>
              <strong>{t(`wizard.topology.${topology}.title`)}</strong>
              <span className="muted" id={`${baseId}-${topology}`}>
                {t(`wizard.topology.${topology}.detail`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={props.onNext}>
          {t('wizard.next')}
        </button>
      </div>
    </>
  );
}

function ClusterFields(props: {
  form: NewClusterForm;
  errors: FieldErrors;
  onChange(form: NewClusterForm): void;
}) {
  const { t } = useTranslation();
  const { form, errors } = props;
  const set = (patch: Partial<NewClusterForm>) => props.onChange({ ...form, ...patch });
  const setServer = (index: number, patch: Partial<ServerRow>) =>
    set({ servers: form.servers.map((row, at) => (at === index ? { ...row, ...patch } : row)) });
  return (
    <>
      <fieldset>
        <legend>{t('wizard.cluster')}</legend>
        <TextField
          label={t('wizard.field.name')}
          value={form.name}
          error={errors['name']}
          onChange={(name) => set({ name })}
        />
        <TextField
          label={t('wizard.field.productVersion')}
          value={form.productVersion}
          error={errors['productVersion']}
          placeholder="2.1.1-1"
          onChange={(productVersion) => set({ productVersion })}
        />
        <TextField
          label={t('wizard.field.diskDevice')}
          value={form.diskDevice}
          error={errors['diskDevice']}
          placeholder="/dev/sdb1"
          onChange={(diskDevice) => set({ diskDevice })}
        />
        {form.topology === 'inter-host-guest-assoc' ? (
          <TextField
            label={t('wizard.field.guestServer')}
            value={form.guestServer}
            error={errors['guestServer']}
            onChange={(guestServer) => set({ guestServer })}
          />
        ) : null}
        <SelectField
          label={t('wizard.field.scsiBusSharing')}
          value={form.scsiBusSharing}
          options={[
            ['', t('wizard.option.default')],
            ['none', 'none'],
            ['virtual', 'virtual'],
            ['physical', 'physical'],
          ]}
          onChange={(scsiBusSharing) => set({ scsiBusSharing })}
        />
        <SelectField
          label={t('wizard.field.diskType')}
          value={form.diskType}
          options={[
            ['', t('wizard.option.default')],
            ['rdm', 'RDM'],
            ['vmdk', 'VMDK'],
          ]}
          onChange={(diskType) => set({ diskType })}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={form.vmotion}
            onChange={(event) => set({ vmotion: event.target.checked })}
          />
          {t('wizard.field.vmotion')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('wizard.servers')}</legend>
        {errors['servers'] ? (
          <p className="field-error">{fieldProblemText(errors['servers'])}</p>
        ) : null}
        {form.servers.map((server, index) => (
          <div className="server-row" key={index}>
            <TextField
              label={t('wizard.field.serverName', { n: index + 1 })}
              value={server.name}
              error={errors[`servers.${index}.name`]}
              placeholder={`esx${index + 1}`}
              onChange={(name) => setServer(index, { name })}
            />
            <TextField
              label={t('wizard.field.serverAddresses', { n: index + 1 })}
              value={server.addresses}
              error={errors[`servers.${index}.addresses`]}
              placeholder={`10.0.0.${index + 1}, 192.168.0.${index + 1}`}
              onChange={(addresses) => setServer(index, { addresses })}
            />
            <button
              type="button"
              aria-label={t('wizard.removeServer', { n: index + 1 })}
              disabled={form.servers.length <= 1}
              onClick={() => set({ servers: form.servers.filter((_, at) => at !== index) })}
            >
              −
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => set({ servers: [...form.servers, { name: '', addresses: '' }] })}
        >
          {t('wizard.addServer')}
        </button>
      </fieldset>
    </>
  );
}
