/**
 * OpenSSH known_hosts: reading, matching a host's key, recording an accepted one.
 *
 * Format per sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT": `[marker] hostpatterns keytype base64key
 * [comment]`. Host patterns are comma lists with `*`, `?` and `!` negation, or a hashed name
 * `|1|base64(salt)|base64(HMAC-SHA1(salt, name))` (HashKnownHosts). A host on a port other than
 * 22 is named `[address]:port`. `@revoked` keys are refused; `@cert-authority` lines are for
 * host certificates, which we do not use, and are skipped.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ok } from '../../../schemas/index.js';
import { type HostResult, hostError } from './host-error.js';

/** A public host key as sent in the SSH handshake (the wire-format blob). */
export interface HostKey {
  /** Key type from the blob: `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, ... */
  readonly type: string;
  readonly blob: Buffer;
}

/** One key line of a known_hosts file. */
export interface KnownHostsEntry {
  /** 1-based line number, for messages. */
  readonly line: number;
  readonly marker?: 'revoked' | 'cert-authority';
  readonly hosts: string;
  readonly type: string;
  readonly blob: Buffer;
}

/** What known_hosts says about a key a host offered. */
export type HostKeyVerdict =
  | { readonly status: 'known'; readonly line: number }
  | { readonly status: 'unknown' }
  | { readonly status: 'changed'; readonly recorded: readonly KnownHostsEntry[] }
  | { readonly status: 'revoked'; readonly line: number };

/** Reads a key blob's type (the first SSH string in it). */
export function hostKeyOf(blob: Buffer): HostKey {
  const length = blob.length >= 4 ? blob.readUInt32BE(0) : 0;
  return { type: blob.subarray(4, 4 + length).toString('latin1'), blob };
}

/** `SHA256:<base64>` as OpenSSH prints it (ssh-keygen -l). */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Parses known_hosts text; malformed lines are skipped, as OpenSSH does. */
export function parseKnownHosts(text: string): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (fields[0] === '' || fields[0]!.startsWith('#')) {
      return;
    }
    const marker =
      fields[0] === '@revoked'
        ? 'revoked'
        : fields[0] === '@cert-authority'
          ? 'cert-authority'
          : undefined;
    const [hosts, type, key] = marker ? fields.slice(1) : fields;
    if (!hosts || !type || !key || !/^[A-Za-z0-9+/]+=*$/.test(key)) {
      return;
    }
    entries.push({
      line: index + 1,
      ...(marker ? { marker } : {}),
      hosts,
      type,
      blob: Buffer.from(key, 'base64'),
    });
  });
  return entries;
}

/** Whether a host field (hashed, or a pattern list) names `name`. */
export function hostsFieldMatches(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    return hashedNameMatches(field, name);
  }
  let matched = false;
  for (const pattern of field.split(',')) {
    const negated = pattern.startsWith('!');
    if (patternMatches(negated ? pattern.slice(1) : pattern, name)) {
      if (negated) {
        return false; // a negated match excludes the host whatever else matches (sshd(8))
      }
      matched = true;
    }
  }
  return matched;
}

function hashedNameMatches(field: string, name: string): boolean {
  const [, , salt, hash] = field.split('|');
  if (!salt || !hash) {
    return false;
  }
  const expected = Buffer.from(hash, 'base64');
  const actual = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function patternMatches(pattern: string, name: string): boolean {
  const source = pattern
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(name.toLowerCase());
}

/**
 * Looks a host's offered key up. Known: a plain entry for the name has the same key. Changed:
 * the name has entries, none with this key (of any type: we ask for the recorded types first,
 * see `recordedKeyTypes`, so a different type is a different key, refused). Revoked: an
 * `@revoked` entry holds this key. Unknown: no entry names the host.
 */
export function lookupHostKey(
  entries: readonly KnownHostsEntry[],
  name: string,
  key: HostKey,
): HostKeyVerdict {
  const named = entries.filter(
    (entry) => entry.marker !== 'cert-authority' && hostsFieldMatches(entry.hosts, name),
  );
  const revoked = named.find((entry) => entry.marker === 'revoked' && entry.blob.equals(key.blob));
  if (revoked) {
    return { status: 'revoked', line: revoked.line };
  }
  const plain = named.filter((entry) => entry.marker === undefined);
  const same = plain.find((entry) => entry.type === key.type && entry.blob.equals(key.blob));
  if (same) {
    return { status: 'known', line: same.line };
  }
  return plain.length > 0 ? { status: 'changed', recorded: plain } : { status: 'unknown' };
}

/**
 * The host-key algorithms to ask for first: those of the keys recorded for the host, so that a
 * server with several host keys presents the one we know (OpenSSH orders them the same way).
 */
export function recordedKeyAlgorithms(entries: readonly KnownHostsEntry[], name: string): string[] {
  const types = entries
    .filter((entry) => entry.marker === undefined && hostsFieldMatches(entry.hosts, name))
    .map((entry) => entry.type);
  // An RSA key is offered under three signature algorithms (RFC 8332).
  const algorithms = types.flatMap((type) =>
    type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type],
  );
  return [...new Set(algorithms)];
}

/** Reads a known_hosts file; a missing file is an empty one. */
export async function readKnownHosts(file: string): Promise<HostResult<KnownHostsEntry[]>> {
  try {
    return ok(parseKnownHosts(await readFile(file, 'utf8')));
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code === 'ENOENT') {
      return ok([]);
    }
    const reason = (caught as Error).message;
    return {
      ok: false,
      error: hostError('io', `cannot read ${file}: ${reason}`, {
        ja: `${file} を読み込めません: ${reason}`,
      }),
    };
  }
}

/** A hashed known_hosts line for `name` (Debian's default, HashKnownHosts yes). */
export function knownHostsLine(name: string, key: HostKey, salt: Buffer = randomBytes(20)): string {
  const hash = createHmac('sha1', salt).update(name).digest('base64');
  return `|1|${salt.toString('base64')}|${hash} ${key.type} ${key.blob.toString('base64')}`;
}

let appending: Promise<unknown> = Promise.resolve();

/**
 * Appends an accepted key to known_hosts, creating the file (0600) and its folder (0700) when
 * missing. Appends are serialised: hosts accepted in parallel must not interleave their lines.
 */
export function recordHostKey(file: string, name: string, key: HostKey): Promise<HostResult<void>> {
  const write = appending.then(async (): Promise<HostResult<void>> => {
    try {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      const current = await readFile(file, 'utf8').catch(() => '');
      const separator = current === '' || current.endsWith('\n') ? '' : '\n';
      await appendFile(file, `${separator}${knownHostsLine(name, key)}\n`, { mode: 0o600 });
      return ok(undefined);
    } catch (caught) {
      const reason = (caught as Error).message;
      return {
        ok: false,
        error: hostError('io', `cannot record the host key in ${file}: ${reason}`, {
          ja: `${file} にホスト鍵を記録できません: ${reason}`,
        }),
      };
    }
  });
  appending = write;
  return write;
}
