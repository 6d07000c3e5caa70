/**
 * Simulated package query, `rpm -q --qf <format> <name>...`, for the product's packages only:
 * the simulated host has the product installed at the version in <host>/product-version
 * (package `expresscls`), and no other package. Format tags other than VERSION and RELEASE
 * are left as written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environment, fail, recordCall } from './sim-state.mjs';

const args = process.argv.slice(2);
const { host } = environment();
recordCall(host, 'rpm', args);
const formatAt = args.indexOf('--qf');
if (args[0] !== '-q' || formatAt < 0 || !args[formatAt + 1]) {
  fail(2, 'rpm (simulated): only "rpm -q --qf <format> <name>..." is supported');
}
const format = args[formatAt + 1];
const names = args
  .slice(1)
  .filter((_arg, index) => index + 1 !== formatAt && index + 1 !== formatAt + 1);
const versionFile = join(host, 'product-version');
const [version, release] = existsSync(versionFile)
  ? readFileSync(versionFile, 'utf8').trim().split('-')
  : [];
let status = 0;
for (const name of names) {
  if (name === 'expresscls' && version) {
    process.stdout.write(
      format
        .replaceAll('%{VERSION}', version)
        .replaceAll('%{RELEASE}', release ?? '')
        .replaceAll('\\n', '\n'),
    );
  } else {
    process.stdout.write(`package ${name} is not installed\n`);
    status = 1;
  }
}
process.exit(status);
