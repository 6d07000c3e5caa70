import { describe, expect, it } from 'vitest';
import { unitOf } from './units.js';

describe('unitOf', () => {
  it('knows the heartbeat is in milliseconds and monitor and script timings in seconds', () => {
    expect(unitOf('cluster/heartbeat/timeout')).toBe('ms');
    expect(unitOf('monitor/genw@genw1/polling/interval')).toBe('s');
    expect(unitOf('resource/exec@exec1/act/timeout')).toBe('s');
    expect(unitOf('resource/exec@exec1/parameters/timeout/start')).toBe('s');
    expect(unitOf('monitor/genw@genw1/polling/reconfirmation')).toBeUndefined();
    expect(unitOf('resource/exec@exec1/parameters/act/path')).toBeUndefined();
  });
});
