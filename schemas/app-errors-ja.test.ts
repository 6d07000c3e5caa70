/**
 * Every error the core's codec, paths, edits and project checks build carries its message in
 * Japanese (`AppError.ja`), keeping the names, paths and numbers the English names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addEntity,
  removeEntity,
  renameEntity as renameEntityAt,
} from '../renderer/features/entities/entity-commands.js';
import { malformedFixturesDir } from '../test/support/fixtures.js';
import { expectJapaneseOf } from '../test/support/japanese.js';
import { unwrap } from '../test/support/project.js';
import { interHostProject } from '../test/support/rule-projects.js';
import {
  type AppError,
  type Finding,
  type Project,
  type Result,
  addGroup,
  addHeartbeat,
  addMonitor,
  addNetworkPartition,
  addResource,
  addServer,
  applyQuickFix,
  checkParameterValue,
  checkRelativePath,
  decodeClpConf,
  decodeClpConfText,
  duplicateEntity,
  encodeText,
  entityParameterCheck,
  getParameter,
  parseHostAddress,
  parseProjectMeta,
  removeGroup,
  removeMonitor,
  removePrioritised,
  removeResource,
  renameGroup,
  renameMonitor,
  renamePrioritised,
  renameResource,
  renameServer,
  setParameter,
} from './index.js';
import { MAX_DEPTH } from './codec/parse.js';

/** The error of a result that must have failed. */
function errorOf(result: Result<unknown>): AppError {
  if (result.ok) {
    throw new Error('expected an error, got a value');
  }
  return result.error;
}

/** The error decoding a text gives. */
function decodeError(text: string): AppError {
  return errorOf(decodeClpConf(new TextEncoder().encode(text)));
}

// interHostProject: servers esx1, esx2, heartbeat lankhb1, group failover-vm with sd-vm and
// exec-vm, monitor genw-vm (target exec-vm, recovery target the group) and userw.
const base = interHostProject();
const withDependency: Project = unwrap(
  setParameter(base, 'resource/exec@exec-vm/depend@sd-vm', ''),
);

const staleFinding: Finding = {
  rule: 'CF002',
  severity: 'error',
  path: 'monitor/genw@genw-vm/target',
  message: 'no longer reported',
  fix: '',
  source: '',
  hasQuickFix: true,
  ja: { message: '', fix: '' },
};

const cases: Array<[string, () => AppError]> = [
  // schemas/codec/parse.ts: every kind of syntax error.
  ['forbidden character', () => decodeError('<root>\u0001</root>')],
  ['never closed', () => decodeError('<root>\n  <cluster>')],
  ['no root element', () => decodeError('<!-- only a comment -->')],
  ['text outside the root', () => decodeError('<root/>\nhello')],
  ['bare ampersand', () => decodeError('<root><comment>a & b</comment></root>')],
  ['bad character reference', () => decodeError('<root><comment>&#0;</comment></root>')],
  ['comment never closed', () => decodeError('<root><!-- open</root>')],
  ['double dash in a comment', () => decodeError('<root><!-- a -- b --></root>')],
  ['CDATA outside the root', () => decodeError('<![CDATA[x]]><root/>')],
  ['CDATA never closed', () => decodeError('<root><![CDATA[x</root>')],
  ['unexpected <!', () => decodeError('<root><!ELEMENT x></root>')],
  ['DOCTYPE never closed', () => decodeError('<!DOCTYPE root [\n<root/>')],
  ['processing instruction never closed', () => decodeError('<root><?target </root>')],
  ['processing instruction without a name', () => decodeError('<root><? ?></root>')],
  ['declaration not first', () => decodeError('\n<?xml version="1.0"?>\n<root/>')],
  ['second root', () => decodeError('<root/><root/>')],
  ['bare <', () => decodeError('<root><comment>a < b</comment></root>')],
  [
    'nested too deep',
    () => decodeError(`<root>${'<a>'.repeat(MAX_DEPTH)}${'</a>'.repeat(MAX_DEPTH)}</root>`),
  ],
  ['attribute given twice', () => decodeError('<root><a name="x" name="y"/></root>')],
  [
    'attribute value not closed',
    () => decodeError('<root>\n  <group name="a>\n  </group>\n</root>'),
  ],
  ['attribute value not quoted', () => decodeError('<root><a name=x/></root>')],
  ['malformed tag', () => decodeError('<root><a !/></root>')],
  ['malformed closing tag', () => decodeError('<root></ ></root>')],
  ['closes nothing', () => decodeError('</root>')],
  ['mismatched close', () => decodeError('<root>\n  <cluster>\n  </clutser>\n</root>')],
  [
    'mismatched close in a fixture',
    () =>
      errorOf(
        decodeClpConf(
          new Uint8Array(readFileSync(join(malformedFixturesDir, 'mismatched-close-tag.conf'))),
        ),
      ),
  ],
  ['syntax error in editor text', () => errorOf(decodeClpConfText('<root><a></b></root>'))],
  // schemas/codec/document.ts
  ['malformed declaration', () => decodeError('<?xml version="2.0"?>\n<root/>')],
  ['wrong top element', () => decodeError('<cluster/>')],
  ['cannot read this file', () => errorOf(decodeClpConf(undefined as unknown as Uint8Array))],
  // schemas/codec/charset.ts
  ['unsupported encoding', () => decodeError('<?xml version="1.0" encoding="KOI8-R"?>\n<root/>')],
  [
    'invalid byte in SJIS',
    () =>
      errorOf(
        decodeClpConf(
          new Uint8Array(readFileSync(join(malformedFixturesDir, 'sjis-invalid-bytes.conf'))),
        ),
      ),
  ],
  [
    'invalid byte in ASCII',
    () =>
      errorOf(
        decodeClpConf(
          Uint8Array.from([
            ...new TextEncoder().encode('<?xml version="1.0" encoding="US-ASCII"?>\n<root>'),
            0xe9,
            ...new TextEncoder().encode('</root>'),
          ]),
        ),
      ),
  ],
  ['not writable in ASCII', () => errorOf(encodeText('<root>\n日本</root>', 'ascii'))],
  ['not writable in EUC-JP', () => errorOf(encodeText('<root>\u{1F600}</root>', 'euc-jp'))],
  // schemas/doc/path.ts
  ['empty path', () => errorOf(getParameter(base.conf, '/'))],
  ['bad path segment', () => errorOf(getParameter(base.conf, 'cluster/9name'))],
  // schemas/doc/edit.ts
  ['path not in clp.conf', () => errorOf(getParameter(base.conf, 'cluster/nothing'))],
  ['value on a section', () => errorOf(setParameter(base, 'cluster', 'x'))],
  ['element under a value', () => errorOf(setParameter(base, 'cluster/name/x', 'y'))],
  // schemas/edits/parameters.ts
  [
    'not a whole number',
    () => errorOf(setParameter(base, 'monitor/genw@genw-vm/polling/interval', 'often')),
  ],
  ['out of range', () => errorOf(setParameter(base, 'monitor/genw@genw-vm/polling/interval', '0'))],
  ['not a flag', () => errorOf(setParameter(base, 'monitor/genw@genw-vm/parameters/sync', '2'))],
  [
    'not a relation type',
    () => errorOf(setParameter(base, 'monitor/genw@genw-vm/relation/type', 'x')),
  ],
  [
    'not a final action',
    () => errorOf(setParameter(base, 'monitor/genw@genw-vm/emergency/action', '7')),
  ],
  [
    'checkParameterValue',
    () => errorOf(checkParameterValue('resource/exec@exec-vm/act/retry', '100')),
  ],
  [
    'entityParameterCheck',
    () => errorOf(entityParameterCheck('monitor/genw@genw-vm')('polling/timeout', '1000000')),
  ],
  [
    'parameter of a missing entity',
    () => errorOf(setParameter(base, 'resource/exec@exec9/parameters/act/path', 'x')),
  ],
  // schemas/project.ts
  ['unsafe name', () => errorOf(addServer(base, 'server/1'))],
  ['unsafe resource type', () => errorOf(addResource(base, 'failover-vm', '../exec', 'exec2'))],
  ['name with spaces', () => errorOf(addGroup(base, ' failover2'))],
  ['unsafe relative path', () => errorOf(checkRelativePath('failover1/../../etc/passwd'))],
  ['not a host', () => errorOf(parseHostAddress('10.0.0.1 22'))],
  ['bad port', () => errorOf(parseHostAddress('10.0.0.1:70000'))],
  ['project.json not JSON', () => errorOf(parseProjectMeta('{"version": 1,'))],
  ['project.json version', () => errorOf(parseProjectMeta('{"version": 2}'))],
  ['project.json topology', () => errorOf(parseProjectMeta('{"version": 1, "topology": "x"}'))],
  [
    'project.json product version',
    () => errorOf(parseProjectMeta('{"version": 1, "productVersion": "4.1"}')),
  ],
  [
    'project.json empty address',
    () => errorOf(parseProjectMeta('{"version": 1, "hosts": [{"address": ""}]}')),
  ],
  [
    'project.json port too big',
    () => errorOf(parseProjectMeta('{"version": 1, "hosts": [{"address": "a", "port": 70000}]}')),
  ],
  [
    'project.json port too small',
    () => errorOf(parseProjectMeta('{"version": 1, "hosts": [{"address": "a", "port": 0}]}')),
  ],
  [
    'project.json wrong type',
    () => errorOf(parseProjectMeta('{"version": 1, "vm": {"vmotion": "yes"}}')),
  ],
  ['project.json not an object', () => errorOf(parseProjectMeta('[1]'))],
  // schemas/edits/steps.ts and entities.ts
  ['server taken', () => errorOf(addServer(base, 'esx1'))],
  ['rename to a taken server', () => errorOf(renameServer(base, 'esx1', 'esx2'))],
  ['not a heartbeat kind', () => errorOf(addHeartbeat(base, 'pingnp'))],
  ['not a network partition kind', () => errorOf(addNetworkPartition(base, 'lankhb'))],
  ['heartbeat taken', () => errorOf(addHeartbeat(base, 'lankhb', { name: 'lankhb1' }))],
  ['missing heartbeat', () => errorOf(removePrioritised(base, 'heartbeat', 'lankhb9'))],
  [
    'missing network partition',
    () => errorOf(renamePrioritised(base, 'networkpartition', 'pingnp1', 'pingnp2')),
  ],
  ['group taken', () => errorOf(addGroup(base, 'failover-vm'))],
  ['group still referred to', () => errorOf(removeGroup(base, 'failover-vm'))],
  ['missing group', () => errorOf(removeGroup(base, 'failover9'))],
  ['rename a missing group', () => errorOf(renameGroup(base, 'failover9', 'failover10'))],
  ['resource into a missing group', () => errorOf(addResource(base, 'failover9', 'exec', 'x1'))],
  ['resource name taken', () => errorOf(addResource(base, 'failover-vm', 'disk', 'exec-vm'))],
  ['missing resource', () => errorOf(removeResource(base, 'exec9'))],
  ['resource still monitored', () => errorOf(removeResource(base, 'exec-vm'))],
  ['resource still depended on', () => errorOf(removeResource(withDependency, 'sd-vm'))],
  ['rename a missing resource', () => errorOf(renameResource(base, 'exec9', 'exec10'))],
  ['rename to a taken resource', () => errorOf(renameResource(base, 'exec-vm', 'sd-vm'))],
  ['monitor name taken', () => errorOf(addMonitor(base, 'userw', 'genw-vm'))],
  ['missing monitor', () => errorOf(removeMonitor(base, 'genw9'))],
  ['rename a missing monitor', () => errorOf(renameMonitor(base, 'genw9', 'genw10'))],
  // schemas/edits/duplicate.ts
  ['duplicate a non-entity', () => errorOf(duplicateEntity(base, 'cluster', 'c2'))],
  [
    'duplicate onto a taken resource',
    () => errorOf(duplicateEntity(base, 'resource/exec@exec-vm', 'sd-vm')),
  ],
  [
    'duplicate onto a taken monitor',
    () => errorOf(duplicateEntity(base, 'monitor/genw@genw-vm', 'userw')),
  ],
  [
    'duplicate onto a taken group',
    () => errorOf(duplicateEntity(base, 'group@failover-vm', 'failover-vm')),
  ],
  ['duplicate onto a taken server', () => errorOf(duplicateEntity(base, 'server@esx1', 'esx2'))],
  // schemas/rules/engine.ts
  ['no quick fix now', () => errorOf(applyQuickFix(base, staleFinding))],
  // renderer/features/entities/entity-commands.ts
  [
    'resource without a group',
    () => errorOf(addEntity(base, { kind: 'resource', type: 'exec', name: 'exec2' })),
  ],
  ['remove a non-entity', () => errorOf(removeEntity(base, 'cluster/heartbeat'))],
  ['rename a non-entity', () => errorOf(renameEntityAt(base, 'webmgr', 'x'))],
];

describe('errors in Japanese', () => {
  it.each(cases)('%s', (label, make) => {
    const error = make();
    expect(error.ja, `${label}: "${error.message}" has no Japanese`).toBeDefined();
    expectJapaneseOf(error.message, error.ja as string, label);
  });

  it('words the referrers of an entity in Japanese', () => {
    const error = errorOf(removeGroup(base, 'failover-vm'));
    expect(error.message).toContain('monitor genw-vm (recovery target)');
    expect(error.ja).toContain('モニタリソース genw-vm (回復対象)');
  });

  it('keeps the location of a syntax error', () => {
    const error = decodeError('<root>\n  <cluster>\n  </clutser>\n</root>');
    expect(error).toMatchObject({ kind: 'xml-syntax', line: 3, column: 3 });
    expect(error.ja).toBe(
      '</clutser> は 2 行目で開始した <cluster> と対応していません。</cluster> と書いてください',
    );
  });
});
