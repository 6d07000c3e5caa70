import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hazardFixtures, malformedFixturesDir, realFixtures } from '../../test/support/fixtures.js';
import { decodeClpConf, decodeClpConfText, encodeClpConf, serializeClpConf } from './document.js';
import { setValue } from '../doc/edit.js';

function decodeOrThrow(bytes: Uint8Array) {
  const decoded = decodeClpConf(bytes);
  if (!decoded.ok) {
    throw new Error(`${decoded.error.line}:${decoded.error.column} ${decoded.error.message}`);
  }
  return decoded.value;
}

function reencode(bytes: Uint8Array): Uint8Array {
  const document = decodeOrThrow(bytes);
  // Drop the kept source so the bytes really come from the tree and the charset encoder.
  const encoded = encodeClpConf({ ...document, source: undefined });
  if (!encoded.ok) {
    throw new Error(encoded.error.message);
  }
  return encoded.value;
}

describe('byte-exact round trip', () => {
  it.each(realFixtures())('real fixture %s', (_name, bytes) => {
    expect(Buffer.from(reencode(bytes)).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(hazardFixtures())('hazard fixture %s', (_name, bytes) => {
    expect(Buffer.from(reencode(bytes)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('encodings', () => {
  const eucJp = (text: string) =>
    new TextEncoder().encode(
      `<?xml version="1.0" encoding="EUC-JP"?>\n<root>\n  <cluster>\n    <comment>${text}</comment>\n  </cluster>\n</root>\n`,
    );

  it('maps SJIS to Shift_JIS and writes the declaration back as it was', () => {
    const sjis = Uint8Array.from([
      ...new TextEncoder().encode(
        '<?xml version="1.0" encoding="SJIS" standalone="no"?>\r\n<root><cluster><comment>',
      ),
      0x93,
      0xfa,
      0x96,
      0x7b, // 日本
      ...new TextEncoder().encode('</comment></cluster></root>'),
    ]);
    const document = decodeOrThrow(sjis);
    expect(document.encoding).toEqual({ label: 'SJIS', charset: 'shift_jis' });
    expect(serializeClpConf(document)).toContain('<comment>日本</comment>');
    const edited = setValue(document, 'cluster/comment', '日本語');
    expect(edited.ok).toBe(true);
    const bytes = edited.ok ? encodeClpConf(edited.value) : undefined;
    expect(
      bytes?.ok &&
        Buffer.from(bytes.value).includes(Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea])),
    ).toBe(true);
    expect(bytes?.ok && new TextDecoder().decode(bytes.value.subarray(0, 54))).toContain(
      'encoding="SJIS" standalone="no"',
    );
  });

  it('writes edited Japanese text back in EUC-JP', () => {
    const document = decodeOrThrow(eucJp('x'));
    const edited = setValue(document, 'cluster/comment', 'テスト');
    const bytes = edited.ok ? encodeClpConf(edited.value) : undefined;
    expect(bytes?.ok).toBe(true);
    if (bytes?.ok) {
      expect(new TextDecoder('euc-jp').decode(bytes.value)).toContain('<comment>テスト</comment>');
      expect(
        Buffer.from(bytes.value).includes(Buffer.from([0xa5, 0xc6, 0xa5, 0xb9, 0xa5, 0xc8])),
      ).toBe(true);
    }
  });

  it('refuses a character the declared encoding cannot hold, naming it', () => {
    const document = decodeOrThrow(
      new TextEncoder().encode(
        '<?xml version="1.0" encoding="ASCII"?>\n<root><cluster><comment/></cluster></root>',
      ),
    );
    const edited = setValue(document, 'cluster/comment', 'café');
    const bytes = edited.ok ? encodeClpConf(edited.value) : undefined;
    expect(bytes?.ok).toBe(false);
    expect(bytes && !bytes.ok && bytes.error.message).toContain('"é" cannot be written in ASCII');
  });

  it('reports a byte the declared encoding does not allow, with its line and column', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="ASCII"?>\n<root>\n  <a>'),
      0xe9,
      ...new TextEncoder().encode('</a>\n</root>'),
    ]);
    const decoded = decodeClpConf(bytes);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error).toMatchObject({ kind: 'encoding', line: 3, column: 6 });
  });

  it('refuses an unknown encoding label', () => {
    const decoded = decodeClpConf(
      new TextEncoder().encode('<?xml version="1.0" encoding="KOI8-R"?><root/>'),
    );
    expect(!decoded.ok && decoded.error.message).toContain('unsupported encoding "KOI8-R"');
  });
});

describe('malformed input', () => {
  const cases: Array<[string, string, number, number, string]> = [
    [
      'mismatched close',
      '<root>\n  <cluster>\n  </clutser>\n</root>',
      3,
      3,
      '</clutser> does not match <cluster> opened on line 2',
    ],
    ['unclosed element', '<root>\n  <cluster>\n</root>', 3, 1, '</root> does not match <cluster>'],
    ['never closed', '<root>\n  <cluster>', 2, 3, '<cluster> is never closed'],
    [
      'unterminated attribute',
      '<root>\n  <group name="a>\n  </group>\n</root>',
      2,
      10,
      'not closed',
    ],
    ['bare ampersand', '<root><comment>a & b</comment></root>', 1, 18, 'bare "&"'],
    [
      // Inside an entity (content checked in place), after a good reference in an earlier one.
      'bare ampersand deep in an entity',
      '<root><monitor><genw name="a"><x>&amp;</x></genw>\n<genw name="b"><p><q>1 & 2</q></p></genw></monitor></root>',
      2,
      24,
      'bare "&"',
    ],
    [
      'bad character reference deep in an entity',
      '<root><resource><exec name="a"><act><path>x&#0;</path></act></exec></resource></root>',
      1,
      44,
      'is not a character XML allows',
    ],
    ['duplicate attribute', '<root><a name="x" name="y"/></root>', 1, 19, 'given twice'],
    ['text after root', '<root/>\nhello', 2, 1, 'text outside the root element'],
    ['second root', '<root/><root/>', 1, 8, 'second root'],
    ['wrong root', '<cluster/>', 1, 1, 'starts with <root>'],
    ['empty', '', 1, 1, 'no root element'],
  ];
  it.each(cases)('%s', (_name, text, line, column, message) => {
    const decoded = decodeClpConf(new TextEncoder().encode(text));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.error.message).toContain(message);
      expect([decoded.error.line, decoded.error.column]).toEqual([line, column]);
    }
  });

  const files: Array<[string, string, number, number, string]> = [
    ['mismatched-close-tag.conf', 'xml-syntax', 111, 16, '</priorty> does not match <priority>'],
    [
      'unterminated-attribute-quote.conf',
      'xml-syntax',
      135,
      10,
      'not closed; add the closing quote',
    ],
    ['sjis-invalid-bytes.conf', 'encoding', 154, 18, 'byte 0x96 is not valid SHIFT_JIS'],
  ];
  it.each(files)('malformed fixture %s', (file, kind, line, column, message) => {
    const decoded = decodeClpConf(new Uint8Array(readFileSync(join(malformedFixturesDir, file))));
    expect(!decoded.ok && decoded.error).toMatchObject({ kind, line, column });
    expect(!decoded.ok && decoded.error.message).toContain(message);
  });

  it('accepts exactly what a second XML parser accepts on the fixtures', () => {
    for (const [, bytes] of realFixtures()) {
      const text = serializeClpConf(decodeOrThrow(bytes));
      expect(XMLValidator.validate(text)).toBe(true);
    }
  });

  it('decodes text from an editor with the declared encoding kept', () => {
    const decoded = decodeClpConfText(
      '<?xml version="1.0" encoding="EUC-JP"?>\n<root><cluster><comment>日本</comment></cluster></root>',
    );
    expect(decoded.ok && decoded.value.encoding.charset).toBe('euc-jp');
  });
});
