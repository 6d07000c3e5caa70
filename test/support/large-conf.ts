/**
 * A large clp.conf for tree tests: `groups` failover groups of `perGroup` exec resources each
 * (`g<i>-r<j>`), nothing else. Built as text and decoded, because adding 20,000 resources one
 * edit at a time would time the edits, not the tree.
 */
import { type ClpDocument, decodeClpConfText } from '../../schemas/index.js';

/** The decoded document; throws if the text does not decode (a bug in this helper). */
export function largeConf(groups: number, perGroup: number): ClpDocument {
  const lines = [
    '<?xml version="1.0" encoding="ASCII"?>',
    '<root>',
    '  <cluster><name>big</name></cluster>',
  ];
  const resources = ['  <resource>', '    <types name="exec"/>'];
  for (let group = 1; group <= groups; group += 1) {
    lines.push(`  <group name="g${group}">`);
    for (let resource = 1; resource <= perGroup; resource += 1) {
      lines.push(`    <resource name="exec@g${group}-r${resource}"/>`);
      resources.push(`    <exec name="g${group}-r${resource}"><comment/></exec>`);
    }
    lines.push('  </group>');
  }
  const text = [...lines, ...resources, '  </resource>', '</root>', ''].join('\n');
  const decoded = decodeClpConfText(text);
  if (!decoded.ok) {
    throw new Error(decoded.error.message);
  }
  return decoded.value;
}
