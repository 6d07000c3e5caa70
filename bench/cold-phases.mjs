#!/usr/bin/env node
// One cold pass, as `clpbuilder check` makes it, timed phase by phase in a fresh process: the
// rules benchmark runs this a few times to show where the whole process's time goes (issue 3:
// the process goal). Prints one JSON line: milliseconds per phase, garbage collection included.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.argv[2];
const started = performance.now();
const core = await import('../dist/core.js');
const loaded = performance.now();
const bytes = new Uint8Array(readFileSync(file));
const read = performance.now();
const conf = core.decodeClpConf(bytes).value;
const parsed = performance.now();
core.readModel(conf);
const modelled = performance.now();
core.checkEveryRule({
  conf,
  scripts: new Map(),
  meta: { ...core.defaultProjectMeta(), topology: 'plain' },
});
const checked = performance.now();
console.log(
  JSON.stringify({
    boot: started,
    load: loaded - started,
    read: read - loaded,
    parse: parsed - read,
    model: modelled - parsed,
    rules: checked - modelled,
  }),
);
