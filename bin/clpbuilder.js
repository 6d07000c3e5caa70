#!/usr/bin/env node
// Launcher for the built command line (dist/cli.js, made by `npm run build:cli`), so that
// `npx clpbuilder` starts plain JavaScript without a TypeScript loader.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'clpbuilder: dist/cli.js is missing; run npm install (or npm run build:cli) first\n',
  );
  process.exit(2);
}
await import(cli.href);
