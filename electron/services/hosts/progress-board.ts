/**
 * Live progress of running uploads, kept for the window to read (`hosts:progress`).
 *
 * The window names a run with an id it chose, then reads the events after the last one it
 * has. Reading rather than pushing works the same over Electron IPC and the browser host's
 * HTTP, and a window that reloads mid-upload can pick the run up again. Memory is bounded:
 * a few runs, a few thousand events each, finished runs forgotten after a while.
 */
import type { ProgressEvent } from './upload-types.js';

/** What a read returns: the events after `since`, and whether the run has ended. */
export interface ProgressPage {
  readonly events: readonly ProgressEvent[];
  /** Index to pass as `since` next time. */
  readonly next: number;
  readonly finished: boolean;
  /** Whether the board knows the run (it may not have started yet, or was forgotten). */
  readonly known: boolean;
}

interface Run {
  readonly events: ProgressEvent[];
  finished: boolean;
  touchedAt: number;
}

export interface ProgressBoardOptions {
  readonly maxRuns?: number;
  readonly maxEventsPerRun?: number;
  /** How long a finished run stays readable. */
  readonly keepFinishedMs?: number;
  readonly now?: () => number;
}

/** A board of runs; one per process (see `progressBoard`), separate ones in tests. */
export class ProgressBoard {
  private readonly runs = new Map<string, Run>();
  private readonly maxRuns: number;
  private readonly maxEvents: number;
  private readonly keepFinishedMs: number;
  private readonly now: () => number;

  constructor(options: ProgressBoardOptions = {}) {
    this.maxRuns = options.maxRuns ?? 16;
    this.maxEvents = options.maxEventsPerRun ?? 4096;
    this.keepFinishedMs = options.keepFinishedMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Opens a run (or restarts one with the same id) and returns its recorder. */
  start(id: string): (event: ProgressEvent) => void {
    this.forgetOld();
    const run: Run = { events: [], finished: false, touchedAt: this.now() };
    this.runs.delete(id);
    this.runs.set(id, run);
    return (event) => {
      // Past the cap the newest events are dropped, never the early ones the window has read.
      if (run.events.length < this.maxEvents) {
        run.events.push(event);
      }
      run.touchedAt = this.now();
    };
  }

  /** Marks a run ended; its events stay readable for `keepFinishedMs`. */
  finish(id: string): void {
    const run = this.runs.get(id);
    if (run) {
      run.finished = true;
      run.touchedAt = this.now();
    }
  }

  /** The events of a run after index `since`. */
  read(id: string, since: number): ProgressPage {
    const run = this.runs.get(id);
    if (!run) {
      return { events: [], next: since, finished: false, known: false };
    }
    const from = Math.min(Math.max(0, since), run.events.length);
    return {
      events: run.events.slice(from),
      next: run.events.length,
      finished: run.finished,
      known: true,
    };
  }

  private forgetOld(): void {
    const limit = this.now() - this.keepFinishedMs;
    for (const [id, run] of this.runs) {
      if (run.finished && run.touchedAt < limit) {
        this.runs.delete(id);
      }
    }
    // Still full: drop the oldest runs (a Map iterates in insertion order).
    for (const id of this.runs.keys()) {
      if (this.runs.size < this.maxRuns) {
        break;
      }
      this.runs.delete(id);
    }
  }
}

/** The process's board, shared by the handlers of every window. */
export const progressBoard = new ProgressBoard();
