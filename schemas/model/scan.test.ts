/**
 * Parameters read from the source text equal parameters read from the nodes, for every
 * element near the root of every fixture and for generated entity content.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hazardFixtures, realFixtures } from '../../test/support/fixtures.js';
import { decodeClpConf, decodeClpConfText, rootOf } from '../codec/document.js';
import { type XmlElement, elementChildren, sourceOf } from '../codec/tree.js';
import { outlineElement } from './params.js';

/** The same element without its remembered source: read through its nodes. */
function fromNodes(element: XmlElement) {
  return outlineElement({ ...element });
}

function entitiesOf(root: XmlElement): XmlElement[] {
  return elementChildren(root).flatMap((section) => [section, ...elementChildren(section)]);
}

describe('outlineElement from source text', () => {
  it.each([...realFixtures(), ...hazardFixtures()])(
    'equals the node reading on %s',
    (_name, bytes) => {
      const decoded = decodeClpConf(bytes);
      expect(decoded.ok).toBe(true);
      const elements = decoded.ok ? entitiesOf(rootOf(decoded.value)) : [];
      const fromSource = elements.filter((element) => sourceOf(element) !== undefined);
      expect(fromSource.length).toBeGreaterThan(0);
      for (const element of fromSource) {
        const outline = outlineElement(element);
        const expected = fromNodes(element);
        expect(outline).toEqual(expected);
        // Same keys in the same order: views list keyed parameters in document order.
        expect(Object.keys(outline.parameters)).toEqual(Object.keys(expected.parameters));
      }
    },
  );

  it.each(realFixtures())(
    'lazily built children keep their offsets in the document (%s)',
    (_name, bytes) => {
      const decoded = decodeClpConf(bytes);
      const document = decoded.ok ? decoded.value : undefined;
      const text = document?.source?.text ?? '';
      const entities = document
        ? entitiesOf(rootOf(document)).filter((element) => sourceOf(element) !== undefined)
        : [];
      const nested = entities.flatMap((element) => elementChildren(element));
      expect(nested.length).toBeGreaterThan(0);
      for (const child of nested) {
        expect(text.startsWith(child.head, child.offset)).toBe(true);
      }
    },
  );

  const leaf = fc.oneof(
    fc.constantFrom('1', 'a &amp; b', '&lt;x&gt;', '&#x41;&#66;', ' spaced ', ''),
    fc.constantFrom(
      '<![CDATA[raw <&> text]]>',
      'one<!-- note -->two',
      'x<![CDATA[y]]>z',
      '<?pi data?>v',
    ),
  );
  const name = fc.constantFrom('a', 'b', 'list', 'device', 'servers', 'policy');
  const attributes = fc.constantFrom(
    '',
    ' name="n1"',
    ' id="7"',
    ' name=\'q&amp;r\' id="2"',
    ' other="x>y"',
    ' ',
  );
  const content: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc
        .tuple(name, attributes, leaf)
        .map(([tag, attrs, text]) => `<${tag}${attrs}>${text}</${tag}>`),
      fc.tuple(name, attributes).map(([tag, attrs]) => `<${tag}${attrs}/>`),
      fc
        .tuple(
          name,
          attributes,
          fc.array(tie('node'), { maxLength: 4 }),
          fc.constantFrom('\n  ', '', 'text'),
        )
        .map(
          ([tag, attrs, children, gap]) =>
            `<${tag}${attrs}>${children.map((child) => gap + child).join('')}</${tag}>`,
        ),
    ),
  })).node;

  it('equals the node reading on generated entity content', () => {
    fc.assert(
      fc.property(fc.array(content, { maxLength: 6 }), (children) => {
        // A ">" inside the entity's own attribute must not end its head.
        const text = `<root>\n  <monitor>\n    <genw name="g" note="a>b">${children.join('\n      ')}</genw >\n  </monitor>\n</root>\n`;
        const decoded = decodeClpConfText(text);
        expect(decoded.ok).toBe(true);
        if (decoded.ok) {
          const [entity] = elementChildren(elementChildren(rootOf(decoded.value))[0] as XmlElement);
          expect(sourceOf(entity as XmlElement)).toBeDefined();
          const outline = outlineElement(entity as XmlElement);
          expect(outline).toEqual(fromNodes(entity as XmlElement));
          expect(Object.keys(outline.parameters)).toEqual(
            Object.keys(fromNodes(entity as XmlElement).parameters),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
