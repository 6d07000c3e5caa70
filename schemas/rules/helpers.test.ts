/**
 * What a misspelt reference most likely meant: one close name, never a guess between two.
 */
import { describe, expect, it } from 'vitest';
import { likelyMeant } from './helpers.js';

describe('likelyMeant', () => {
  it('finds the only name a reference begins, or that begins it', () => {
    expect(likelyMeant('fip', ['fip1', 'disk1', 'exec-vm'])).toBe('fip1');
    expect(likelyMeant('exec-vm1', ['exec-vm', 'sd-vm'])).toBe('exec-vm');
  });

  it('finds the only name one edit away (two for names longer than four)', () => {
    expect(likelyMeant('exce-vm', ['exec-vm', 'sd-vm'])).toBe('exec-vm');
    expect(likelyMeant('disk', ['dsk', 'fip1'])).toBe('dsk');
    expect(likelyMeant('disk', ['dxsz', 'fip1'])).toBeUndefined();
    expect(likelyMeant('failovr-wm', ['failover-vm'])).toBe('failover-vm');
    expect(likelyMeant('failo-wn', ['failover-vm'])).toBeUndefined();
  });

  it('does not guess between two, nor from nothing', () => {
    expect(likelyMeant('fip', ['fip1', 'fip2'])).toBeUndefined();
    expect(likelyMeant('exec2', ['exec1', 'exec3'])).toBeUndefined();
    expect(likelyMeant('', ['exec1'])).toBeUndefined();
    expect(likelyMeant('exec1', [])).toBeUndefined();
    expect(likelyMeant('exec1', ['exec1'])).toBeUndefined();
  });

  it('prefers a name it begins over one an edit away', () => {
    expect(likelyMeant('md', ['md1', 'nd'])).toBe('md1');
  });
});
