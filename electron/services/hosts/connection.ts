/**
 * From the user's connection options to what a connection and its commands need, with the
 * defaults in one place: credentials prepared once (a key file read and decrypted once, not per
 * host), timeouts, the product's bin folder.
 */
import { ok } from '../../../schemas/index.js';
import type { HostResult } from './host-error.js';
import { DEFAULT_PRODUCT_BIN } from './product-commands.js';
import type { RemoteSettings } from './remote-config.js';
import { prepareAuth } from './ssh-auth.js';
import type { ConnectOptions } from './ssh-session.js';
import type { ConnectionOptions } from './upload-types.js';

/** Ten seconds to connect, verify and log in: a LAN host answers in well under one. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Three minutes per command: a push distributes to every server of the cluster. */
const COMMAND_TIMEOUT_MS = 180_000;

/** What every connection and remote command of a run uses. */
export interface Prepared {
  readonly connect: ConnectOptions;
  readonly remote: RemoteSettings;
}

/** Prepares credentials and settings; fails when a key file cannot be used. */
export async function prepareConnection(options: ConnectionOptions): Promise<HostResult<Prepared>> {
  const auth = await prepareAuth(options.auth);
  if (!auth.ok) {
    return auth;
  }
  return ok({
    connect: {
      auth: auth.value,
      hostKeys: options.hostKeys,
      connectTimeoutMs: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    },
    remote: {
      commandTimeoutMs: options.commandTimeoutMs ?? COMMAND_TIMEOUT_MS,
      productBin: options.productBin ?? DEFAULT_PRODUCT_BIN,
    },
  });
}
