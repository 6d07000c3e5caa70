#!/usr/bin/env node
// `npm test`: makes sure the system packages the tests need are there, then runs every check
// the project has: typecheck, lint, the CLI build, and all vitest suites.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Commands the tests call, and the Debian package that brings each. */
const SYSTEM_NEEDS = [
  // Real OpenSSH test hosts for upload/download (sshd), their keys and known_hosts (ssh-keygen).
  { command: 'sshd', pkg: 'openssh-server' },
  { command: 'ssh-keygen', pkg: 'openssh-client' },
  // xmllint is the benchmark's yardstick and the tests' second opinion on well-formedness.
  { command: 'xmllint', pkg: 'libxml2-utils' },
  // Info-ZIP's unzip checks that exported zips open in the tool hosts and users have.
  { command: 'unzip', pkg: 'unzip' },
  // Debian's Chromium, driven by playwright-core in the browser-host end-to-end test.
  { command: 'chromium', pkg: 'chromium' },
  // The generated VM scripts: Perl ones pass perl -c and run against the vmware-cmd
  // simulator (itself Perl); shell ones pass shellcheck.
  { command: 'perl', pkg: 'perl' },
  { command: 'shellcheck', pkg: 'shellcheck' },
];

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensureSystemPackages() {
  const missing = SYSTEM_NEEDS.filter((need) => !hasCommand(need.command)).map((need) => need.pkg);
  if (missing.length === 0) {
    return;
  }
  const install = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      `The tests need: ${missing.join(', ')}. Install them with:\n  sudo sh -c '${install}'`,
    );
    process.exit(2);
  }
  console.log(`Installing ${missing.join(', ')} ...`);
  run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${install} >/dev/null`]);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

ensureSystemPackages();
run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('npx', ['eslint', '--max-warnings=0', '.']);
run('node', ['build/build-cli.mjs']);
run('npx', ['vitest', 'run']);
