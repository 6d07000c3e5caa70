/**
 * Whether the OS asks for a dark theme, kept up to date (CSS follows it on its own; Monaco
 * needs to be told).
 */
import { useSyncExternalStore } from 'react';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/** True while the OS theme is dark. */
export function useColorScheme(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = query();
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    () => query().matches,
  );
}
