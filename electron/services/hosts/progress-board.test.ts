import { describe, expect, it } from 'vitest';
import { ProgressBoard } from './progress-board.js';
import type { ProgressEvent } from './upload-types.js';

const event = (host: string, step: ProgressEvent['step'], state: ProgressEvent['state']) => ({
  host,
  step,
  state,
});

describe('ProgressBoard', () => {
  it('hands out the events after the index the reader has, then says the run finished', () => {
    const board = new ProgressBoard();
    const record = board.start('run-0001');
    record(event('a:22', 'pre-flight', 'started'));
    record(event('a:22', 'pre-flight', 'done'));
    const first = board.read('run-0001', 0);
    expect(first.events.map((e) => e.state)).toEqual(['started', 'done']);
    expect(first).toMatchObject({ next: 2, finished: false, known: true });

    record(event('b:22', 'snapshot', 'failed'));
    board.finish('run-0001');
    const second = board.read('run-0001', first.next);
    expect(second.events).toEqual([event('b:22', 'snapshot', 'failed')]);
    expect(second).toMatchObject({ next: 3, finished: true });
  });

  it('does not know a run that never started, and keeps runs apart', () => {
    const board = new ProgressBoard();
    board.start('run-a-0001')(event('a:22', 'push', 'started'));
    expect(board.read('run-b-0001', 0)).toEqual({
      events: [],
      next: 0,
      finished: false,
      known: false,
    });
    expect(board.read('run-a-0001', 0).events).toHaveLength(1);
  });

  it('keeps memory bounded: events past the cap are dropped, oldest runs are forgotten', () => {
    let now = 0;
    const board = new ProgressBoard({
      maxRuns: 2,
      maxEventsPerRun: 3,
      keepFinishedMs: 1000,
      now: () => now,
    });
    const record = board.start('run-0001');
    for (let index = 0; index < 10; index += 1) {
      record(event('a:22', 'copy', 'started'));
    }
    expect(board.read('run-0001', 0).events).toHaveLength(3);

    board.start('run-0002');
    board.start('run-0003');
    expect(board.read('run-0001', 0).known).toBe(false);
    expect(board.read('run-0002', 0).known).toBe(true);

    board.finish('run-0002');
    now = 5000;
    board.start('run-0004');
    expect(board.read('run-0002', 0).known).toBe(false);
    expect(board.read('run-0003', 0).known).toBe(true);
  });

  it('reads from a stale or too large index without repeating or losing events', () => {
    const board = new ProgressBoard();
    const record = board.start('run-0001');
    record(event('a:22', 'verify', 'done'));
    expect(board.read('run-0001', 99)).toMatchObject({ events: [], next: 1 });
    expect(board.read('run-0001', -5).events).toHaveLength(1);
  });
});
