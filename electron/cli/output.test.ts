/**
 * `printJsonInEnglish`: the command line's JSON is English; the Japanese the services word for the app
 * (`ja` of errors and findings, the hosts reports' `notesJa`, `warningsJa`, `detailJa`,
 * `reasonJa`) is left out, and nothing else is.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printJsonInEnglish } from './output.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('printJsonInEnglish', () => {
  it('leaves out the Japanese twins at any depth, keeps every other key', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    printJsonInEnglish({
      notes: ['n'],
      notesJa: ['注'],
      hosts: [{ notes: ['h'], notesJa: ['ホ'], error: { message: 'm', ja: 'エ' } }],
      cluster: { warnings: ['W'], warningsJa: ['警告: W'] },
      events: [{ detail: 'd', detailJa: '詳細' }],
      reason: 'r',
      reasonJa: '理由',
      Japan: 'kept',
    });
    expect(JSON.parse(written.join(''))).toEqual({
      notes: ['n'],
      hosts: [{ notes: ['h'], error: { message: 'm' } }],
      cluster: { warnings: ['W'] },
      events: [{ detail: 'd' }],
      reason: 'r',
      Japan: 'kept',
    });
  });
});
