import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFixturesDir } from '../../test/support/fixtures.js';
import { unwrap } from '../../test/support/project.js';
import { decodeClpConf, decodeClpConfText } from '../codec/document.js';
import { readModel } from '../model/read.js';
import { setValue } from './edit.js';
import { placesOf } from './places.js';

const fixtures = readdirSync(realFixturesDir).filter((name) => name.endsWith('.xml'));

const decoded = (name: string) =>
  unwrap(decodeClpConf(new Uint8Array(readFileSync(join(realFixturesDir, name)))));

describe('placesOf', () => {
  it.each(fixtures)('%s: every parameter of every entity is placed at its own tag', (name) => {
    const document = decoded(name);
    const text = document.source?.text ?? '';
    const lines = text.split('\n');
    const placeOf = placesOf(document);
    const model = readModel(document);
    const entities = [
      ...model.servers,
      ...model.heartbeats,
      ...model.networkPartitions,
      ...model.groups,
      ...model.resources,
      ...model.monitors,
    ];
    let placed = 0;
    for (const entity of entities) {
      for (const sub of Object.keys(entity.parameters)) {
        const path = `${entity.path}/${sub}`;
        const place = placeOf(path);
        const tag = (path.split('/').pop() ?? '').split('@')[0] ?? '';
        expect(lines[(place?.line ?? 0) - 1]?.slice((place?.column ?? 0) - 1), path).toMatch(
          new RegExp(`^<${tag}[\\s/>]`),
        );
        placed += 1;
      }
    }
    expect(placed).toBeGreaterThan(10);
  });

  it('places a path the file lacks at the deepest part it has, and a section at its tag', () => {
    const document = decoded('EXPRESSCLUSTER_CreateClusterOnLinux_src-clp-ad2400f-linux.xml');
    const lines = (document.source?.text ?? '').split('\n');
    const placeOf = placesOf(document);
    const at = (path: string) => {
      const place = placeOf(path);
      return place && lines[place.line - 1]?.slice(place.column - 1, place.column + 30);
    };
    expect(at('monitor/fipw@fipw1/nothing/here')).toMatch(/^<fipw name="fipw1">/);
    expect(at('cluster')).toMatch(/^<cluster>/);
    expect(at('monitor/genw@no-such-monitor')).toMatch(/^<monitor>/);
    expect(placeOf('nothing-like-this/at-all')).toBeUndefined();
  });

  it('finds an entity in the second of two sections of a kind, as a hand-edited file writes them', () => {
    const text = [
      '<?xml version="1.0" encoding="ASCII"?>',
      '<root>',
      '  <resource>',
      '    <fip name="fip1"><parameters><ip>10.0.0.1</ip></parameters></fip>',
      '  </resource>',
      '  <resource>',
      '    <fip name="fip2">',
      '      <parameters><ip>10.0.0.2</ip></parameters>',
      '    </fip>',
      '  </resource>',
      '</root>',
      '',
    ].join('\n');
    const document = unwrap(decodeClpConf(new TextEncoder().encode(text)));
    const placeOf = placesOf(document);
    expect(placeOf('resource/fip@fip2/parameters/ip')).toEqual({ line: 8, column: 19 });
    expect(placeOf('resource/fip@fip1/parameters/ip')).toEqual({ line: 4, column: 34 });
    expect(placeOf('resource/fip@fip3')).toEqual({ line: 3, column: 3 });
  });

  it('knows no place in text it was not decoded from, nor in a document an edit changed', () => {
    const document = decoded('EXPRESSCLUSTER_CreateClusterOnLinux_src-clp-ad2400f-linux.xml');
    const text = document.source?.text ?? '';
    expect(placesOf(document)('monitor/fipw@fipw1/target')).toBeDefined();
    expect(placesOf(unwrap(decodeClpConfText(text)))('cluster')).toBeUndefined();
    // Lines move under an edit, and what it made sits in no text yet.
    const edited = unwrap(setValue(document, 'cluster/heartbeat/brandnew', '1'));
    expect(placesOf(edited)('cluster/heartbeat/brandnew')).toBeUndefined();
    expect(placesOf(edited)('monitor/fipw@fipw1/target')).toBeUndefined();
  });
});
