/**
 * The IPC handlers of the hosts calls (electron/contract.ts `hosts:*`), for the desktop main
 * process and the browser host to register beside their own: `{ ...hostHandlers, ... }`.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type CallArgs, type CallResult, type HostConnection, contract } from '../../contract.js';
import { downloadConfiguration, downloadInto } from './download.js';
import type { HostResult } from './host-error.js';
import { rollbackUpload, uploadProject } from './upload.js';
import type { ConnectionOptions, UploadOptions, UploadReport } from './upload-types.js';

type HostCall = 'hosts:plan' | 'hosts:upload' | 'hosts:rollback' | 'hosts:download';

/** One handler per hosts call; arguments arrive already checked against the contract. */
export const hostHandlers: { [N in HostCall]: (...args: CallArgs<N>) => Promise<CallResult<N>> } = {
  'hosts:plan': async (request) =>
    reportOf(await uploadProject(request.project, uploadOptions(request, true))),
  'hosts:upload': async (request) =>
    reportOf(await uploadProject(request.project, uploadOptions(request, false))),
  'hosts:rollback': async (request) =>
    reportOf(
      await rollbackUpload(request.project, request.snapshot, uploadOptions(request, false)),
    ),
  'hosts:download': async (request) => {
    const downloaded = await downloadConfiguration(request.host, connectionOf(request));
    return downloaded.ok
      ? downloadInto(request.folder, downloaded.value, request.force === true)
      : downloaded;
  },
};

function connectionOf(request: HostConnection): ConnectionOptions {
  return {
    auth: {
      ...(request.identity ? { identity: request.identity } : {}),
      ...(request.passphrase !== undefined ? { passphrase: request.passphrase } : {}),
      ...(request.password !== undefined ? { password: request.password } : {}),
      ...(request.useAgent === false ? { agent: false as const } : {}),
    },
    hostKeys: {
      knownHostsFile: request.knownHostsFile ?? join(homedir(), '.ssh', 'known_hosts'),
      acceptNew: request.acceptNew ?? false,
      ...(request.acceptHostKeys ? { accepted: request.acceptHostKeys } : {}),
    },
    ...(request.connectTimeoutMs ? { connectTimeoutMs: request.connectTimeoutMs } : {}),
    ...(request.commandTimeoutMs ? { commandTimeoutMs: request.commandTimeoutMs } : {}),
  };
}

function uploadOptions(request: CallArgs<'hosts:upload'>[0], dryRun: boolean): UploadOptions {
  return {
    ...connectionOf(request),
    ...(request.hosts ? { hosts: request.hosts } : {}),
    dryRun,
    suspend: request.suspend ?? true,
    stopGroups: request.stopGroups ?? false,
    allowErrors: request.allowErrors ?? false,
  };
}

/** The report as the contract declares it (parsing also drops anything the contract does not list). */
function reportOf(result: HostResult<UploadReport>): CallResult<'hosts:upload'> {
  return contract['hosts:upload'].result.parse(result);
}
