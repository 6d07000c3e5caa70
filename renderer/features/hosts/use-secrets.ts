/**
 * Whether a password can be remembered here, and whether one is for these hosts (the desktop
 * app keeps them in the OS keychain; the browser host never does). No secret reaches the page.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api.js';

/** What the password field needs to know. */
export interface SecretState {
  readonly available: boolean;
  readonly reason?: string | undefined;
  /** `reason` in Japanese. */
  readonly reasonJa?: string | undefined;
  /** A password is remembered for every one of the hosts. */
  readonly remembered: boolean;
}

const UNKNOWN: SecretState = { available: false, remembered: false };

/** The state for `keys` (`user@host:port`), and a way to forget them. */
export function useSecrets(keys: readonly string[]): {
  secrets: SecretState;
  forget(): Promise<void>;
} {
  const [secrets, setSecrets] = useState<SecretState>(UNKNOWN);
  const joined = keys.join('\n');
  const refresh = useCallback(async () => {
    const list = joined === '' ? [] : joined.split('\n');
    const status = await api.secrets.status({ keys: list });
    setSecrets(
      status.ok
        ? {
            available: status.value.available,
            reason: status.value.reason,
            reasonJa: status.value.reasonJa,
            remembered: list.length > 0 && status.value.remembered.length === list.length,
          }
        : UNKNOWN,
    );
  }, [joined]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const forget = useCallback(async () => {
    await api.secrets.forget({ keys: joined === '' ? [] : joined.split('\n') });
    await refresh();
  }, [joined, refresh]);
  return { secrets, forget };
}
