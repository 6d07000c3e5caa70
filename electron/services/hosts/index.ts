/**
 * Upload to and download from cluster hosts over SSH: the surface the CLI, the desktop main
 * process and the browser host use (DESIGN.md "Upload to hosts").
 */
export { type HostError, type HostErrorKind, type HostResult } from './host-error.js';
export { type HostKeyPolicy, type HostKeyQuestion } from './host-key-check.js';
export { type HostTarget, hostLabel, parseHostSpec } from './host-target.js';
export { DEFAULT_PRODUCT_BIN } from './product-commands.js';
export { type AuthOptions, isEncryptedKey } from './ssh-auth.js';
export { snapshotsFolder } from './snapshot.js';
export {
  type Downloaded,
  type DownloadOutcome,
  downloadConfiguration,
  downloadInto,
} from './download.js';
export { rollbackUpload, uploadProject } from './upload.js';
export * from './upload-types.js';
