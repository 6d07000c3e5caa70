/**
 * Upload options for the tests: the lab's client key, no agent, a known_hosts file of the lab,
 * short timeouts.
 */
import { join } from 'node:path';
import type { ConnectionOptions, UploadOptions } from '../../electron/services/hosts/index.js';
import type { Lab } from './harness.js';

/** Connection options against the lab; new host keys accepted unless `hostKeys` says otherwise. */
export function connection(lab: Lab, extra: Partial<ConnectionOptions> = {}): ConnectionOptions {
  return {
    auth: { identity: lab.clientKey, agent: false },
    hostKeys: { knownHostsFile: join(lab.dir, 'known_hosts'), acceptNew: true },
    connectTimeoutMs: 5000,
    commandTimeoutMs: 20_000,
    ...extra,
  };
}

/** Upload options against the lab, recording progress events into `events` when given. */
export function uploadOptions(
  lab: Lab,
  extra: Partial<UploadOptions> = {},
  events?: string[],
): UploadOptions {
  return {
    ...connection(lab),
    ...(events
      ? { onProgress: (event) => events.push(`${event.host} ${event.step} ${event.state}`) }
      : {}),
    ...extra,
  };
}

/** The value of a HostResult; throws with the error's message otherwise. */
export function unwrapHost<T>(
  result: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } },
): T {
  if (!result.ok) {
    throw new Error(`${result.error.kind}: ${result.error.message}`);
  }
  return result.value;
}
