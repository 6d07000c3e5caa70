/**
 * External-change detection: when the window regains focus, and every few seconds while it
 * is visible, asks the host whether clp.conf still matches the session's fingerprint
 * (`project:disk-state`, a stat when nothing happened).
 *
 * "Keep mine" silences the notice for this fingerprint only: the next save then meets the
 * host's `changed-on-disk` refusal and its overwrite question (DESIGN.md promise 1).
 */
import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import type { Session } from '../../state/use-project-session.js';

/** What the watch found about the open project's clp.conf. */
export interface DiskChange {
  readonly missing: boolean;
}

// Often enough to warn before the user edits much further; a stat costs next to nothing.
const INTERVAL_MS = 4000;

/** The change to show, if any, and the "Keep mine" action. */
export function useDiskWatch(session: Session | undefined) {
  const [found, setFound] = useState<{ of: Session['fingerprint']; missing: boolean }>();
  const [kept, setKept] = useState<Session['fingerprint']>();

  useEffect(() => {
    if (!session) {
      return undefined;
    }
    let isStopped = false;
    const check = async () => {
      if (document.visibilityState !== 'visible') {
        return;
      }
      const state = await api.project.diskState({
        location: session.location,
        expected: session.fingerprint,
      });
      if (!isStopped && state.ok) {
        setFound(
          state.value.changed
            ? { of: session.fingerprint, missing: state.value.missing }
            : undefined,
        );
      }
    };
    const onFocus = () => void check();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    const timer = window.setInterval(onFocus, INTERVAL_MS);
    return () => {
      isStopped = true;
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
      window.clearInterval(timer);
    };
  }, [session]);

  // A finding about an older fingerprint (before a save or reload) no longer counts.
  const isCurrent = found !== undefined && found.of === session?.fingerprint && kept !== found.of;
  const change: DiskChange | undefined = isCurrent ? { missing: found.missing } : undefined;
  return { change, keepMine: () => setKept(session?.fingerprint) };
}
