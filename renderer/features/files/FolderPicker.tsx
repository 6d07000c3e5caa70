/**
 * The folder picker as a dialog: Open folder, Open zip, Save As, Export zip.
 */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../hosts/Dialog.js';
import { FolderBrowser, type PickMode } from './FolderBrowser.js';

interface Props {
  readonly mode: PickMode;
  readonly title: string;
  readonly pickLabel: string;
  readonly defaultName?: string;
  readonly startAt?: string | undefined;
  onPick(path: string): void;
  onClose(): void;
}

/** A dialog around the host's folder browser. */
export function FolderPicker(props: Props) {
  const { mode, title, pickLabel, defaultName, startAt, onPick, onClose } = props;
  const { t } = useTranslation();
  return (
    <Dialog title={title} busy={false} closeLabel={t('hosts.close')} onClose={onClose}>
      <FolderBrowser
        mode={mode}
        pickLabel={pickLabel}
        {...(defaultName === undefined ? {} : { defaultName })}
        {...(startAt === undefined ? {} : { startAt })}
        onPick={onPick}
      />
    </Dialog>
  );
}
