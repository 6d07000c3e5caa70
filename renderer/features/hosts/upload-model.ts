/**
 * The Upload and Download dialogs' logic, pure so that it is tested without a window
 * (STYLE.md §4): host rows, the connection request, the dialog's phases, the result table.
 */
import type { CallResult, HostConnection } from '../../../electron/contract.js';
import { hostLogin, hostSpec, parseHostAddress } from '../../../schemas/index.js';

/** The upload report as it crosses the contract (a plan, an upload or a rollback). */
export type UploadReport = Extract<CallResult<'hosts:upload'>, { ok: true }>['value'];
/** One host's row in the report. */
export type HostReport = UploadReport['hosts'][number];

/** A host as the user edits it: `address[:port]` as typed, and the login. */
export interface HostRow {
  readonly target: string;
  readonly user: string;
}

/** A host as the contract takes it. */
export interface HostTarget {
  readonly address: string;
  readonly port: number;
  readonly user: string;
}

/** project.json `hosts` → editable rows (port 22 is left implicit, as users type it). */
export function rowsOfHosts(hosts: readonly HostTarget[]): HostRow[] {
  return hosts.map((host) => ({ target: hostSpec(host), user: host.user }));
}

/**
 * Parses a row's `address[:port]` (the core's `parseHostAddress`, as `clpbuilder upload
 * --host` does); undefined when the text is not a host the contract would take.
 */
export function parseTarget(text: string, user: string): HostTarget | undefined {
  const parsed = parseHostAddress(text);
  const login = user.trim() === '' ? 'root' : user.trim();
  return parsed.ok ? { ...parsed.value, user: login } : undefined;
}

/** Every row parsed, or the 0-based indexes of the rows that do not parse. */
export function parseRows(
  rows: readonly HostRow[],
): { ok: true; hosts: HostTarget[] } | { ok: false; invalid: number[] } {
  const parsed = rows.map((row) => parseTarget(row.target, row.user));
  const invalid = parsed.flatMap((host, index) => (host ? [] : [index]));
  if (invalid.length > 0 || parsed.length === 0) {
    return { ok: false, invalid };
  }
  return { ok: true, hosts: parsed as HostTarget[] };
}

/** How the user authenticates; secrets live in the dialog's state only. */
export type Auth =
  | { readonly method: 'agent' }
  | { readonly method: 'key'; readonly identity: string; readonly passphrase: string }
  | {
      readonly method: 'password';
      readonly password: string;
      /** Keep the typed password in the OS keychain (desktop app only). */
      readonly remember?: boolean;
    };

/** Options around authentication: known_hosts and the fingerprints the user accepted. */
export interface HostKeys {
  readonly knownHostsFile: string;
  readonly accepted: Readonly<Record<string, string>>;
}

/** The connection part of a request; empty fields are left out so main applies its defaults. */
export function connectionOf(auth: Auth, keys: HostKeys): HostConnection {
  const common: HostConnection = {
    ...(keys.knownHostsFile.trim() !== '' ? { knownHostsFile: keys.knownHostsFile.trim() } : {}),
    ...(Object.keys(keys.accepted).length > 0 ? { acceptHostKeys: { ...keys.accepted } } : {}),
  };
  switch (auth.method) {
    case 'agent':
      return { ...common, useAgent: true };
    case 'key':
      // No agent: the user chose this key, and an agent key tried first could lock the account.
      return {
        ...common,
        useAgent: false,
        identity: auth.identity.trim(),
        ...(auth.passphrase !== '' ? { passphrase: auth.passphrase } : {}),
      };
    case 'password':
      // An empty field means: the password remembered for these hosts.
      return auth.password === ''
        ? { ...common, useAgent: false, useRememberedPassword: true }
        : {
            ...common,
            useAgent: false,
            password: auth.password,
            ...(auth.remember === true ? { rememberPassword: true } : {}),
          };
  }
}

/** Whether the authentication fields are complete enough to try. */
export function isAuthComplete(auth: Auth, hasRememberedPassword = false): boolean {
  switch (auth.method) {
    case 'agent':
      return true;
    case 'key':
      return auth.identity.trim() !== '';
    case 'password':
      return auth.password !== '' || hasRememberedPassword;
  }
}

/** The keys remembered passwords are kept under: `user@address:port`. */
export function secretKeysOf(hosts: readonly HostTarget[]): string[] {
  return hosts.map(hostLogin);
}
