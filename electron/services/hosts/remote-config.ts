/**
 * Temp folders on a host and pulling a host's configuration (`clpcfctrl --pull -l -x <temp>`).
 *
 * Temp folders are made and removed over SFTP rather than with mktemp and rm: no shell is started
 * for them (each command costs a login shell on the host, and the 4-server upload runs many), and
 * removal deletes only what it lists, under a name only we make.
 */
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import { fail, ok } from '../../../schemas/index.js';
import { type HostResult, hostError } from './host-error.js';
import { isTempFolder, productCommand, withProductPath } from './product-commands.js';
import { type FolderFile, downloadFolder, makeFolder, removeFolder } from './sftp-files.js';
import type { Session } from './ssh-session.js';

/** How long a command may take, and where the product lives. */
export interface RemoteSettings {
  readonly commandTimeoutMs: number;
  readonly productBin: string;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Runs a product command (with the product's bin on PATH); failures name the command as shown. */
export async function runProduct(
  session: Session,
  command: string,
  settings: RemoteSettings,
): Promise<HostResult<string>> {
  const ran = await session.run(
    withProductPath(command, settings.productBin),
    settings.commandTimeoutMs,
  );
  return ran.ok ? ok(ran.value.stdout) : fail({ ...ran.error, command });
}

/** Makes a fresh private folder `<tempArea>/clpbuilder.<random>` (mode 0700), as mktemp -d would. */
export async function makeRemoteTemp(
  session: Session,
  tempArea: string,
): Promise<HostResult<string>> {
  const sftp = await session.sftp();
  if (!sftp.ok) {
    return sftp;
  }
  const name = [...randomBytes(8)].map((byte) => LETTERS[byte % LETTERS.length]).join('');
  const dir = posix.join(tempArea, `clpbuilder.${name}`);
  const made = await makeFolder(sftp.value, dir, 0o700);
  return made.ok ? ok(dir) : fail({ ...made.error, host: session.label });
}

/** Removes a temp folder we made; any other path is left alone. */
export async function removeRemoteTemp(session: Session, dir: string): Promise<HostResult<void>> {
  if (!isTempFolder(dir)) {
    return fail(
      hostError('usage', `${dir} is not a temp folder of ours; not removing it`, {
        host: session.label,
        ja: `${dir} はこのツールが作成した一時フォルダではありません。削除しません`,
      }),
    );
  }
  const sftp = await session.sftp();
  const removed = sftp.ok ? await removeFolder(sftp.value, dir) : sftp;
  return removed.ok ? ok(undefined) : fail({ ...removed.error, host: session.label });
}

/** Pulls the host's configuration: clp.conf and scripts/, as the product hands them out. */
export async function pullConfiguration(
  session: Session,
  settings: RemoteSettings,
  tempArea: string,
): Promise<HostResult<FolderFile[]>> {
  const temp = await makeRemoteTemp(session, tempArea);
  if (!temp.ok) {
    return temp;
  }
  try {
    const command = productCommand.pull(temp.value);
    const pulled = await runProduct(session, command, settings);
    if (!pulled.ok) {
      return pulled;
    }
    const sftp = await session.sftp();
    const files = sftp.ok ? await downloadFolder(sftp.value, temp.value) : sftp;
    if (!files.ok) {
      return fail({ ...files.error, host: session.label });
    }
    if (!files.value.some((file) => file.path === 'clp.conf')) {
      return fail(
        hostError('command-failed', `${session.label}: the pull succeeded but left no clp.conf`, {
          host: session.label,
          command,
          ja: `${session.label}: 構成情報の取得は成功しましたが、clp.conf がありません`,
        }),
      );
    }
    return files;
  } finally {
    await removeRemoteTemp(session, temp.value);
  }
}
