/**
 * The unsaved-changes guard: before another project opens, a new one is made or the window
 * closes, Save / Discard / Cancel (issue 5, "Editing").
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../hosts/Dialog.js';

interface Props {
  readonly name: string;
  /** Saves; resolves true when saved (a refused save keeps the dialog). */
  onSave(): Promise<boolean>;
  onDiscard(): void;
  onCancel(): void;
}

/** Asks what to do with unsaved edits. */
export function UnsavedDialog({ name, onSave, onDiscard, onCancel }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={t('files.unsaved.title')}
      busy={busy}
      closeLabel={t('hosts.close')}
      onClose={onCancel}
    >
      <p>{t('files.unsaved.message', { name })}</p>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const saved = await onSave();
            setBusy(false);
            if (!saved) {
              onCancel();
            }
          }}
        >
          {t('files.unsaved.save')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onDiscard}>
          {t('files.unsaved.discard')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('files.unsaved.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
