/**
 * "VM scripts": edit the project's VM profile, preview the regenerated scripts as a diff
 * against the project's current ones, and apply both as one undoable edit.
 *
 * The preview and the edit are the same pure call (renderer/state/vm-profile-edit.ts), so
 * what the diff shows is exactly what Apply does.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project, ScriptDifference } from '../../../schemas/index.js';
import { previewVmProfile } from '../../state/vm-profile-edit.js';
import { Dialog } from '../hosts/Dialog.js';
import { ProfileFields } from './ProfileFields.js';
import { checkProfile, profileForm, profileInput } from './wizard-form.js';
import { errorText } from '../../error-text.js';

interface Props {
  readonly project: Project;
  onApply(vmProfile: Record<string, unknown>, force: boolean): void;
  onClose(): void;
}

/** The wizard, as a dialog. */
export function VmScriptsWizard({ project, onApply, onClose }: Props) {
  const { t } = useTranslation();
  const base = useMemo(() => project.meta.vmProfile ?? {}, [project.meta.vmProfile]);
  const [form, setForm] = useState(() => profileForm(base));
  const [force, setForce] = useState(false);
  const vmProfile = useMemo(() => profileInput(form, base), [form, base]);
  const errors = useMemo(() => checkProfile(vmProfile), [vmProfile]);
  const isValid = Object.keys(errors).length === 0;
  const preview = useMemo(
    () => (isValid ? previewVmProfile(project, vmProfile, force) : undefined),
    [project, vmProfile, force, isValid],
  );
  const isSame =
    JSON.stringify(vmProfile) === JSON.stringify(base) && preview?.ok && preview.value.length === 0;

  return (
    <Dialog
      title={t('wizard.vmTitle')}
      busy={false}
      closeLabel={t('hosts.close')}
      onClose={onClose}
    >
      <ProfileFields form={form} errors={errors} onChange={setForm} />
      <label className="check">
        <input
          type="checkbox"
          checked={force}
          onChange={(event) => setForce(event.target.checked)}
        />
        {t('wizard.force')}
      </label>
      <section aria-label={t('wizard.preview')} className="script-preview">
        <h3>{t('wizard.preview')}</h3>
        {preview && !preview.ok ? (
          <p className="field-error" role="alert">
            {errorText(preview.error)}
          </p>
        ) : null}
        {preview?.ok && preview.value.length === 0 ? (
          <p className="muted">{t('wizard.noChanges')}</p>
        ) : null}
        {preview?.ok
          ? preview.value.map((difference) => (
              <ScriptDiff key={difference.path} difference={difference} />
            ))
          : null}
      </section>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('wizard.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!isValid || !preview?.ok || isSame === true}
          onClick={() => onApply(vmProfile, force)}
        >
          {t('wizard.apply')}
        </button>
      </div>
    </Dialog>
  );
}

function ScriptDiff({ difference }: { difference: ScriptDifference }) {
  const { t } = useTranslation();
  return (
    <details open>
      <summary>
        <code>scripts/{difference.path}</code> — {t(`wizard.change.${difference.change}`)}
      </summary>
      {(difference.unseen ?? []).map((change) => (
        <p key={change} className="note">
          {t(`hosts.unseen.${change}`)}
        </p>
      ))}
      {difference.hunks.length > 0 ? (
        <pre className="script-diff">
          {difference.hunks.map((line, index) => (
            <span key={index} className={lineClass(line)}>
              {line}
              {'\n'}
            </span>
          ))}
        </pre>
      ) : null}
    </details>
  );
}

function lineClass(line: string): string {
  return line.startsWith('+')
    ? 'diff-added'
    : line.startsWith('-')
      ? 'diff-removed'
      : line.startsWith('@@')
        ? 'diff-changed'
        : '';
}
