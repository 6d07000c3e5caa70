/**
 * Which host to talk to: `address[:port]` as typed on the command line or kept in project.json,
 * and the names derived from it (the known_hosts lookup name, the snapshot folder name).
 */
import { type Result, fail, hostLabel, ok } from '../../../schemas/index.js';
import { type HostError, hostError } from './host-error.js';

/** A host to connect to. */
export interface HostTarget {
  readonly address: string;
  readonly port: number;
  readonly user: string;
  /** The server name in clp.conf this host is, when project.json says so. */
  readonly server?: string;
}

const DEFAULT_PORT = 22;

/**
 * Parses `address`, `address:port`, `[v6-address]` or `[v6-address]:port`.
 *
 * A bare IPv6 address (more than one colon, no brackets) is taken whole, with port 22.
 */
export function parseHostSpec(spec: string, user: string): Result<HostTarget, HostError> {
  const text = spec.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const plain = /^([^:\s[\]]+)(?::(\d+))?$/.exec(text);
  const bareV6 = /^[0-9A-Fa-f:.]+$/.test(text) && text.split(':').length > 2;
  const match = bracketed ?? plain;
  if (!match && !bareV6) {
    return fail(
      hostError(
        'usage',
        `"${spec}" is not a host; write address or address:port, e.g. 10.0.0.1:22`,
      ),
    );
  }
  const address = match ? match[1]! : text;
  const port = match?.[2] === undefined ? DEFAULT_PORT : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return fail(hostError('usage', `"${spec}": the port must be 1 to 65535`));
  }
  return ok({ address, port, user });
}

/** `address:port` as shown to the user (`[v6]:port` for IPv6); the core's, shared with the app. */
export { hostLabel };

/** The name OpenSSH records in known_hosts: `address` on port 22, `[address]:port` otherwise. */
export function knownHostsName(target: Pick<HostTarget, 'address' | 'port'>): string {
  const address = target.address.toLowerCase();
  return target.port === DEFAULT_PORT ? address : `[${address}]:${target.port}`;
}

/** A file-name-safe form of the host (`10.0.0.1_2222`), for snapshot folders. */
export function hostFileName(target: Pick<HostTarget, 'address' | 'port'>): string {
  const base = target.address.replace(/[^A-Za-z0-9.-]/g, '_');
  return target.port === DEFAULT_PORT ? base : `${base}_${target.port}`;
}
