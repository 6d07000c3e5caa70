import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realFixtures } from '../../test/support/fixtures.js';
import { decodeClpConf, encodeClpConf, serializeClpConf } from './document.js';

const fixtures = realFixtures().map(([, bytes]) => bytes);

/** Decoding must give a value, never throw, for any input; errors carry a place. */
function assertDecodesToValue(bytes: Uint8Array): void {
  const decoded = decodeClpConf(bytes);
  expect(typeof decoded.ok).toBe('boolean');
  if (!decoded.ok) {
    expect(decoded.error.message.length).toBeGreaterThan(0);
    expect(['xml-syntax', 'encoding']).toContain(decoded.error.kind);
  } else {
    // Whatever decodes also encodes from the tree alone: to the same bytes, or where a legacy
    // code page maps two byte sequences to one character, to bytes that read the same.
    const encoded = encodeClpConf({ ...decoded.value, source: undefined });
    expect(encoded.ok).toBe(true);
    if (encoded.ok && !Buffer.from(encoded.value).equals(Buffer.from(bytes))) {
      const again = decodeClpConf(encoded.value);
      expect(again.ok && serializeClpConf(again.value)).toBe(serializeClpConf(decoded.value));
    }
  }
}

describe('decode never throws', () => {
  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), assertDecodesToValue), {
      numRuns: 2000,
    });
  });

  it('on random XML-ish text', () => {
    const piece = fc.constantFrom(
      '<',
      '>',
      '/',
      '<root>',
      '</root>',
      '<a>',
      '</a>',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '&',
      '&amp;',
      '&#x0;',
      '"',
      "'",
      '=',
      ' ',
      '\n',
      'x',
      '<?xml version="1.0" encoding="SJIS"?>',
      '<!DOCTYPE',
      '?>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) =>
        assertDecodesToValue(new TextEncoder().encode(pieces.join(''))),
      ),
      { numRuns: 3000 },
    );
  });

  it('on mutated real fixtures (bytes flipped, cut, duplicated)', () => {
    const mutation = fc.record({
      fixture: fc.nat({ max: fixtures.length - 1 }),
      at: fc.nat(),
      length: fc.nat({ max: 40 }),
      byte: fc.integer({ min: 0, max: 255 }),
      kind: fc.constantFrom('flip', 'cut', 'duplicate', 'insert'),
    });
    fc.assert(
      fc.property(mutation, ({ fixture, at, length, byte, kind }) => {
        const source = fixtures[fixture] as Uint8Array;
        const offset = at % source.length;
        const bytes = Array.from(source);
        if (kind === 'flip') {
          bytes[offset] = byte;
        } else if (kind === 'cut') {
          bytes.splice(offset, length);
        } else if (kind === 'duplicate') {
          bytes.splice(offset, 0, ...bytes.slice(offset, offset + length));
        } else {
          bytes.splice(offset, 0, byte);
        }
        assertDecodesToValue(Uint8Array.from(bytes));
      }),
      { numRuns: 1500 },
    );
  });

  it('on very deep nesting, with an error rather than a stack overflow', () => {
    const deep = `<root>${'<a>'.repeat(100000)}${'</a>'.repeat(100000)}</root>`;
    const decoded = decodeClpConf(new TextEncoder().encode(deep));
    expect(!decoded.ok && decoded.error.message).toContain('nested deeper than');
  });
});
