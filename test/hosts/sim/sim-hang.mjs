/**
 * The injected hang: a command that never answers, to test the uploader's command timeouts.
 */
import { takeMarker } from './sim-state.mjs';

/** Sleeps (blocking) when <host>/inject/hang-<command> exists; the marker fires once. */
export function hangIfAsked(hostRoot, command) {
  const seconds = takeMarker(hostRoot, `hang-${command}`);
  if (seconds !== undefined) {
    // Bounded, so that an orphaned simulator does not outlive the test run by much.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, (Number(seconds) || 15) * 1000);
  }
}
