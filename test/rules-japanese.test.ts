/**
 * Every rule, and every finding the rules give on real and made-up projects, reads in
 * Japanese too (the UI in Japanese), keeping the names, paths and numbers of the English.
 */
import { describe, expect, it } from 'vitest';
import {
  type Project,
  RULES,
  TopologySchema,
  checkProject,
  decodeClpConf,
  defaultProjectMeta,
} from '../schemas/index.js';
import { TEMPLATE_RULES, withTemplateRules } from '../templates/index.js';
import { realFixtures } from './support/fixtures.js';
import { expectJapaneseFinding, expectJapaneseOf } from './support/japanese.js';
import { interHostProject, plainProject, vmwareHaProject } from './support/rule-projects.js';

const TOPOLOGIES = TopologySchema.options;

function fixtureProjects(): Array<[string, Project]> {
  return realFixtures().flatMap(([name, bytes]) => {
    const decoded = decodeClpConf(bytes);
    return decoded.ok
      ? [[name, { conf: decoded.value, scripts: new Map(), meta: defaultProjectMeta() }] as [string, Project]]
      : [];
  });
}

describe('the rules in Japanese', () => {
  it.each([...RULES, ...TEMPLATE_RULES].map((rule) => [rule.id, rule] as const))('%s has its text and fix in Japanese', (_id, rule) => {
    expectJapaneseOf(rule.text, rule.ja.text, `${rule.id} text`);
    expectJapaneseOf(rule.fix, rule.ja.fix, `${rule.id} fix`);
  });

  it('says every finding on the real files in Japanese, in every topology, with and without scripts', () => {
    let findings = 0;
    for (const [, project] of fixtureProjects()) {
      for (const topology of TOPOLOGIES) {
        for (const scriptsGiven of [true, false]) {
          for (const finding of checkProject(project, withTemplateRules({ topology, scriptsGiven }))) {
            expectJapaneseFinding(finding);
            findings += 1;
          }
        }
      }
    }
    expect(findings).toBeGreaterThan(100);
  });

  it('says every finding on the rule-test projects in Japanese, in every topology', () => {
    const rules = new Set<string>();
    for (const project of [plainProject(), interHostProject(), vmwareHaProject()]) {
      for (const topology of TOPOLOGIES) {
        for (const finding of checkProject(project, withTemplateRules({ topology, scriptsGiven: false }))) {
          expectJapaneseFinding(finding);
          rules.add(finding.rule);
        }
      }
    }
    expect(rules.size).toBeGreaterThan(10);
  });
});
