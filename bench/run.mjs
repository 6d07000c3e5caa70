#!/usr/bin/env node
// `npm run bench`: codec speed on a generated 16-server, 2,500-group, 10,000-resource,
// 10,000-monitor clp.conf (issue 2), with `xmllint --noout` on the same file in the same run.
// Goal: decode + encode within 2x of xmllint's wall time. Prints both and the ratio.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const dataFile = join(here, '.data/large/clp.conf');
const RUNS = 7;

async function ensureData() {
  if (!existsSync(dataFile)) {
    const { generateClpConf } = await import('./generate.mjs');
    mkdirSync(dirname(dataFile), { recursive: true });
    writeFileSync(
      dataFile,
      generateClpConf({ servers: 16, groups: 2500, resourcesPerGroup: 4, monitors: 10000 }),
    );
  }
  return new Uint8Array(readFileSync(dataFile));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeProcess(command, args) {
  const samples = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    samples.push(performance.now() - start);
    if (result.status !== 0) {
      throw new Error(`${command} failed: ${result.stderr}`);
    }
  }
  return median(samples);
}

function timeInProcess(core, bytes) {
  const samples = [];
  for (let run = 0; run < RUNS + 2; run += 1) {
    const start = performance.now();
    const decoded = core.decodeClpConf(bytes);
    if (!decoded.ok) {
      throw new Error(decoded.error.message);
    }
    // Force the tree path: an unchanged document would hand back its source bytes.
    const encoded = core.encodeClpConf({ ...decoded.value, source: undefined });
    samples.push(performance.now() - start);
    if (!encoded.ok || Buffer.compare(Buffer.from(encoded.value), Buffer.from(bytes)) !== 0) {
      throw new Error('round trip is not byte-exact');
    }
  }
  return median(samples.slice(2));
}

const bytes = await ensureData();
const core = await import('../dist/core.js');
const model = core.readModel(core.decodeClpConf(bytes).value);
console.log(
  `file: ${dataFile} (${(bytes.length / 1e6).toFixed(1)} MB, ${model.servers.length} servers, ${model.groups.length} groups, ${model.resources.length} resources, ${model.monitors.length} monitors)`,
);
const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint'], { stdio: 'ignore' }).status === 0;
const xmllint = hasXmllint ? timeProcess('xmllint', ['--noout', dataFile]) : undefined;
const codec = timeInProcess(core, bytes);
const readStart = performance.now();
core.readModel(core.decodeClpConf(bytes).value);
const withModel = performance.now() - readStart;
const cli = timeProcess(process.execPath, [
  join(here, '../bin/clpbuilder.js'),
  'get',
  dataFile,
  'cluster/name',
]);
console.log(
  `xmllint --noout (whole process)      ${xmllint === undefined ? 'not installed (apt-get install libxml2-utils)' : `${xmllint.toFixed(0)} ms`}`,
);
console.log(`decode + encode (in process)         ${codec.toFixed(0)} ms`);
console.log(`decode + typed model (in process)    ${withModel.toFixed(0)} ms`);
console.log(`clpbuilder get (whole process)       ${cli.toFixed(0)} ms`);
if (xmllint !== undefined) {
  const ratio = codec / xmllint;
  console.log(
    `ratio decode+encode / xmllint        ${ratio.toFixed(2)}x (goal: <= 2x) ${ratio <= 2 ? 'MET' : 'NOT MET'}`,
  );
}
