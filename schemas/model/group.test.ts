/**
 * A group read from its source-text outline equals the group read from its nodes, for every
 * group of every fixture and for generated groups (duplicate policies, nested or keyed orders,
 * several depend elements with start and stop dependencies, comments that look like tags).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hazardFixtures, realFixtures } from '../../test/support/fixtures.js';
import { decodeClpConf, decodeClpConfText, rootOf } from '../codec/document.js';
import { type XmlElement, elementChildren, sourceOf } from '../codec/tree.js';
import { readGroup } from './group.js';

/** The same element without its remembered source: read through its nodes. */
function fromNodes(element: XmlElement) {
  return readGroup({ ...element });
}

function groupsOf(root: XmlElement): XmlElement[] {
  return elementChildren(root).filter((section) => section.name === 'group');
}

function expectSameReading(element: XmlElement): void {
  expect(sourceOf(element)).toBeDefined();
  const group = readGroup(element);
  expect(group).toEqual(fromNodes(element));
  expect(Object.keys(group)).toEqual(Object.keys(fromNodes(element)));
}

describe('readGroup from source text', () => {
  it.each([...realFixtures(), ...hazardFixtures()])(
    'equals the node reading on %s',
    (_name, bytes) => {
      const decoded = decodeClpConf(bytes);
      expect(decoded.ok).toBe(true);
      const groups = decoded.ok ? groupsOf(rootOf(decoded.value)) : [];
      for (const element of groups.filter((group) => sourceOf(group) !== undefined)) {
        expectSameReading(element);
      }
    },
  );

  const order = fc.constantFrom(
    '<order>0</order>',
    '<order>1</order>',
    '<order/>',
    '<order name="k">2</order>',
    '<order><x>3</x></order>',
    '<b><order>4</order></b>',
    '<!-- <order>5</order> -->',
    '<orders>6</orders>',
    '',
  );
  const server = fc.constantFrom('n1', 'n2', 'a', 'a/b', 'q&amp;r');
  const policy = fc
    .tuple(server, fc.array(order, { maxLength: 3 }))
    .map(([name, orders]) => `<policy name="${name}">${orders.join('')}</policy>`);
  // Start (act) and stop (deact) dependencies, either or both, in either order.
  const names = fc.array(fc.constantFrom('g1', 'g2', 'g/3', 'g1'), { maxLength: 3 });
  const side = (act: string) =>
    names.map(
      (listed) => `<${act}>${listed.map((name) => `<depend name="${name}"/>`).join('')}</${act}>`,
    );
  const depend = fc
    .tuple(
      fc.constantFrom('<depend>', '<depend name="d">', '<depend name="d/e">'),
      fc.subarray(['act', 'deact']).chain((acts) => fc.tuple(...acts.map(side))),
      fc.boolean(),
    )
    .map(
      ([open, sides, reversed]) =>
        `${open}${(reversed ? [...sides].reverse() : sides).join('')}</depend>`,
    );
  const member = fc
    .constantFrom('fip@fip1', 'exec@e1', 'plain', '')
    .map((name) => `<resource name="${name}"/>`);
  const child = fc.oneof(
    policy,
    depend,
    member,
    fc.constant('<gid>3</gid>'),
    fc.constant('<policy/>'),
  );

  it('equals the node reading on generated groups', () => {
    fc.assert(
      fc.property(fc.array(child, { maxLength: 6 }), (children) => {
        const text = `<root>\n  <group name="g">${children.join('\n    ')}</group>\n</root>\n`;
        const decoded = decodeClpConfText(text);
        expect(decoded.ok).toBe(true);
        if (decoded.ok) {
          expectSameReading(groupsOf(rootOf(decoded.value))[0] as XmlElement);
        }
      }),
      { numRuns: 500 },
    );
  });
});
