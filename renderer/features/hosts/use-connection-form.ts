/**
 * What the Upload and Download dialogs share: the host rows, the authentication and the
 * known_hosts file, the hosts parsed from the rows, and whether a password is remembered for
 * them. Every edit is reported, so that the dialog's flow forgets what it did with the old
 * settings. Secrets stay in this component state.
 */
import { useState } from 'react';
import type { HostConnection } from '../../../electron/contract.js';
import { useSecrets } from './use-secrets.js';
import {
  type Auth,
  type HostRow,
  type HostTarget,
  connectionOf,
  isAuthComplete,
  parseRows,
  secretKeysOf,
} from './upload-model.js';

/** A setter that also reports the edit. */
export type Reporting = <T>(set: (value: T) => void) => (value: T) => void;

/** The connection settings of a dialog; `single` keeps the first host only (Download). */
export function useConnectionForm(
  initialRows: () => HostRow[],
  onEdited: () => void,
  single = false,
) {
  const [rows, setRows] = useState<HostRow[]>(initialRows);
  const [auth, setAuth] = useState<Auth>({ method: 'agent' });
  const [knownHostsFile, setKnownHostsFile] = useState('');
  // Host keys the user trusted by fingerprint in this dialog; the call records them.
  const [accepted, setAccepted] = useState<Readonly<Record<string, string>>>({});
  const parsed = parseRows(rows);
  const hosts: HostTarget[] = parsed.ok ? parsed.hosts.slice(0, single ? 1 : undefined) : [];
  const { secrets, forget } = useSecrets(secretKeysOf(hosts));
  const change: Reporting = (set) => (value) => {
    set(value);
    onEdited();
  };
  return {
    /** The parsed hosts; empty while a row does not parse. */
    hosts,
    isValid: parsed.ok,
    isAuthComplete: isAuthComplete(auth, secrets.remembered),
    /** The connection to ask the main process for, with the host keys the user accepted. */
    connection: (keys: Readonly<Record<string, string>> = accepted): HostConnection =>
      connectionOf(auth, { knownHostsFile, accepted: keys }),
    /** Trusts a host's key by its fingerprint; returns the keys to connect with now. */
    trust: (host: string, fingerprint: string): Readonly<Record<string, string>> => {
      const keys = { ...accepted, [host]: fingerprint };
      setAccepted(keys);
      return keys;
    },
    change,
    hostList: {
      rows,
      invalid: parsed.ok ? [] : parsed.invalid,
      single,
      onChange: change(setRows),
    },
    authFields: {
      auth,
      knownHostsFile,
      secrets,
      onAuth: change(setAuth),
      onKnownHostsFile: change(setKnownHostsFile),
      onForgetPassword: () => void forget(),
    },
  };
}
