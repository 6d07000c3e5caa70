/**
 * The command-line flags of `upload` and `download` turned into connection options, with the
 * secrets read from the environment or asked for on the terminal: never from a flag's value,
 * which any user of the machine could read in the process list.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import {
  type ConnectionOptions,
  type HostError,
  type HostResult,
  type HostTarget,
  isEncryptedKey,
  parseHostSpec,
} from '../services/hosts/index.js';
import { fail, ok } from '../../schemas/index.js';

/** Flags shared by upload and download. */
export interface HostFlags {
  readonly host?: readonly string[];
  readonly user?: string;
  readonly identity?: string;
  readonly knownHosts?: string;
  readonly acceptNew?: boolean;
  readonly password?: boolean;
  readonly connectTimeout?: string;
  readonly commandTimeout?: string;
  readonly json?: boolean;
}

/** Help text on credentials, shared by both commands. */
export const CREDENTIALS_HELP = `
Credentials: ssh-agent (SSH_AUTH_SOCK), the key given with --identity (else ~/.ssh/id_ed25519,
id_ecdsa, id_rsa), and a password. Secrets never go on the command line: the key's passphrase
comes from CLPBUILDER_PASSPHRASE or is asked for on the terminal; the password from
CLPBUILDER_PASSWORD, or --password asks for it (or reads one line from stdin when it is not a
terminal). Host keys are checked against --known-hosts (default ~/.ssh/known_hosts; hashed
entries and [host]:port understood): an unknown key is refused unless --accept-new, which
records it; a changed key is always refused.`;

/** The hosts given with --host, with --user (default root) applied. */
export function hostsOf(flags: HostFlags): HostResult<HostTarget[]> {
  const hosts: HostTarget[] = [];
  for (const spec of flags.host ?? []) {
    const parsed = parseHostSpec(spec, flags.user ?? 'root');
    if (!parsed.ok) {
      return parsed;
    }
    hosts.push(parsed.value);
  }
  return ok(hosts);
}

/** Connection options from the flags and the environment; asks for secrets when needed. */
export async function connectionOptionsOf(
  flags: HostFlags,
): Promise<HostResult<ConnectionOptions>> {
  const connectTimeout = seconds(flags.connectTimeout, '--connect-timeout', 10);
  const commandTimeout = seconds(flags.commandTimeout, '--command-timeout', 180);
  if (!connectTimeout.ok) {
    return connectTimeout;
  }
  if (!commandTimeout.ok) {
    return commandTimeout;
  }
  const password = flags.password
    ? await readSecret(`password: `)
    : process.env.CLPBUILDER_PASSWORD;
  let passphrase = process.env.CLPBUILDER_PASSPHRASE;
  if (
    passphrase === undefined &&
    flags.identity &&
    process.stdin.isTTY &&
    (await isEncryptedKey(flags.identity))
  ) {
    passphrase = await readSecret(`passphrase for ${flags.identity}: `);
  }
  return ok({
    auth: {
      ...(flags.identity ? { identity: flags.identity } : {}),
      ...(passphrase !== undefined ? { passphrase } : {}),
      ...(password !== undefined ? { password } : {}),
    },
    hostKeys: {
      knownHostsFile: flags.knownHosts ?? join(homedir(), '.ssh', 'known_hosts'),
      acceptNew: flags.acceptNew ?? false,
    },
    connectTimeoutMs: connectTimeout.value * 1000,
    commandTimeoutMs: commandTimeout.value * 1000,
  });
}

function seconds(text: string | undefined, flag: string, fallback: number): HostResult<number> {
  if (text === undefined) {
    return ok(fallback);
  }
  const value = Number(text);
  return Number.isFinite(value) && value > 0
    ? ok(value)
    : fail<HostError>({
        kind: 'usage',
        message: `${flag} takes a number of seconds greater than 0, not "${text}"`,
      });
}

/** Reads one line without echoing it (on a terminal), or one line of stdin otherwise. */
function readSecret(prompt: string): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  if (terminal) {
    process.stderr.write(prompt);
  }
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal });
  return new Promise((resolve) => {
    reader.once('line', (line) => {
      reader.close();
      if (terminal) {
        process.stderr.write('\n');
      }
      resolve(line);
    });
    reader.once('close', () => resolve(''));
  });
}
