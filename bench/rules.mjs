#!/usr/bin/env node
// Rules benchmark (issue 3): full check of the 10,000-resource / 10,000-monitor project
// in process (goal 100 ms), an edit of one parameter and the re-check (goal 5 ms), and the whole
// `clpbuilder check` process against `xmllint --noout` (goal within 3x) and Pacemaker's
// `crm_verify -x` on a CIB with 10,000 primitives (goal: faster), measured side by side.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCib } from './cib.mjs';
import { scriptKeysOf } from './project-scripts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '.data/large');
const core = await import('../dist/core.js');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeProcess(command, args, runs = 5) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    spawnSync(command, args, { stdio: 'ignore' });
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** The generated project with a script for every exec resource and custom monitor, as a real one has. */
function loadProject() {
  if (!existsSync(join(dataDir, 'clp.conf'))) {
    spawnSync(process.execPath, [join(here, 'generate.mjs')], { stdio: 'inherit' });
  }
  const conf = core.decodeClpConf(new Uint8Array(readFileSync(join(dataDir, 'clp.conf')))).value;
  const model = core.readModel(conf);
  const script = { bytes: new TextEncoder().encode('#!/bin/sh\nexit 0\n'), executable: true };
  const scripts = new Map(scriptKeysOf(model).map((key) => [key, script]));
  return {
    conf,
    scripts,
    meta: { ...core.defaultProjectMeta(), topology: 'inter-host', productVersion: '4.1.0-1' },
  };
}

const project = loadProject();
const model = core.readModel(project.conf);

// A first check reads every entity's view (the CLI's case): timed on fresh decodes.
const colds = [];
for (let run = 0; run < 3; run += 1) {
  const fresh = {
    ...project,
    conf: core.decodeClpConf(new Uint8Array(readFileSync(join(dataDir, 'clp.conf')))).value,
  };
  const start = performance.now();
  core.checkEveryRule(fresh);
  colds.push(performance.now() - start);
}
const cold = median(colds);

// Full check: every rule from scratch (nothing remembered from a previous check) on the model.
const full = [];
for (let run = 0; run < 7; run += 1) {
  const start = performance.now();
  core.checkEveryRule(project);
  full.push(performance.now() - start);
}

// Re-check: a real edit (one parameter of a monitor, a resource or a group, in turn), then the
// incremental check of the edited project, model re-read included; timed together.
const EDITS = [
  (run) => ['monitor/genw@genw1/polling/interval', String(30 + run)],
  (run) => ['resource/exec@exec-app0001/act/timeout', String(780 + run)],
  (run) => ['group@failover-app0001/comment', `edited ${run}`],
];
const checker = core.createChecker();
checker.check(project, model);
const edits = { all: [], byKind: EDITS.map(() => []) };
let current = project;
let findings = [];
for (let run = 0; run < 60; run += 1) {
  const [path, value] = EDITS[run % EDITS.length](run);
  const start = performance.now();
  current = { ...current, conf: core.setValue(current.conf, path, value).value };
  findings = checker.check(current);
  const took = performance.now() - start;
  if (run >= EDITS.length) {
    edits.all.push(took);
    edits.byKind[run % EDITS.length].push(took);
  }
}
const same = JSON.stringify(findings) === JSON.stringify(core.checkEveryRule(current));
const kinds = edits.byKind
  .map(
    (samples, index) => `${['monitor', 'resource', 'group'][index]} ${median(samples).toFixed(1)}`,
  )
  .join(', ');
console.log(
  `project: ${model.resources.length} resources, ${model.monitors.length} monitors, ${project.scripts.size} scripts; ${findings.length} findings`,
);
console.log(
  `full check (in process, model read)   ${median(full.slice(2)).toFixed(1)} ms (goal 100 ms); first check of a fresh decode ${cold.toFixed(0)} ms`,
);
console.log(
  `edit + re-check (incremental)         ${median(edits.all).toFixed(1)} ms (goal 5 ms; ${kinds} ms; same findings as a full check: ${same})`,
);

// Fix all, as `clpbuilder fix` does it: every disk resource's file system misspelt (xf for
// xfs), about 1,250 CF011 findings, each with its quick fix; timed once (it is seconds).
const misspelt = {
  ...project,
  conf: core.decodeClpConfText(
    core.serializeClpConf(project.conf).replaceAll('<fs>xfs</fs>', '<fs>xf</fs>'),
  ).value,
};
const fixStart = performance.now();
const fixedAll = core.applyAllQuickFixes(misspelt).value;
const fixTook = performance.now() - fixStart;
console.log(
  `fix all (in process)                  ${fixedAll.applied.length} quick fixes in ${(fixTook / 1000).toFixed(2)} s, ${fixedAll.remaining.length} left (no goal; each fix used to read the whole model)`,
);

const cibFile = join(here, '.data/cib-10000.xml');
mkdirSync(dirname(cibFile), { recursive: true });
if (!existsSync(cibFile)) {
  writeFileSync(cibFile, generateCib(10000));
}
const has = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const clp = timeProcess(process.execPath, [
  join(here, '../bin/clpbuilder.js'),
  'check',
  join(dataDir, 'clp.conf'),
  '--topology',
  'plain',
  '--json',
]);
console.log(`clpbuilder check (whole process)      ${clp.toFixed(0)} ms`);
// Where the whole process goes: Node itself, then clpbuilder's start-up (the same command
// module loaded, the rule catalogue printed), the rest is reading and checking the file.
const nodeAlone = timeProcess(process.execPath, ['-e', '0']);
const startUp = timeProcess(process.execPath, [
  join(here, '../bin/clpbuilder.js'),
  'rules',
  '--json',
]);
console.log(
  `  of which: node itself ${nodeAlone.toFixed(0)} ms, clpbuilder start-up ${(startUp - nodeAlone).toFixed(0)} ms, reading and checking the file ${(clp - startUp).toFixed(0)} ms`,
);
// The same split inside one cold process: Node's start, loading the core, then each phase.
const phases = Array.from({ length: 3 }, () =>
  JSON.parse(
    spawnSync(process.execPath, [join(here, 'cold-phases.mjs'), join(dataDir, 'clp.conf')], {
      encoding: 'utf8',
    }).stdout,
  ),
);
console.log(
  `  cold, phase by phase (median of 3): ${Object.keys(phases[0])
    .map((phase) => `${phase} ${median(phases.map((run) => run[phase])).toFixed(0)}`)
    .join(', ')} ms`,
);
if (has('xmllint')) {
  const xmllint = timeProcess('xmllint', ['--noout', join(dataDir, 'clp.conf')]);
  console.log(
    `xmllint --noout (same clp.conf)       ${xmllint.toFixed(0)} ms -> ratio ${(clp / xmllint).toFixed(2)}x (goal <= 3x)`,
  );
} else {
  console.log('xmllint: not installed (apt-get install libxml2-utils)');
}
if (has('crm_verify')) {
  const crm = timeProcess('crm_verify', ['-x', cibFile], 3);
  console.log(
    `crm_verify -x (10,000 primitives)     ${crm.toFixed(0)} ms -> clpbuilder is ${(crm / clp).toFixed(1)}x faster`,
  );
} else {
  console.log('crm_verify: not installed (apt-get install pacemaker-cli-utils)');
}
