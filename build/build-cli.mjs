// Bundles the command line, the pure core and the desktop shell to plain JavaScript, so that
// `clpbuilder` starts without a TypeScript loader (issue 2: start-up must be quick).
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
};

// The CLI and the core keep their npm dependencies external: they are installed beside us.
// Except zod, which every command needs: loading its hundred-odd files took longer than
// reading a large clp.conf's model, and bundled it is one chunk (issue 3 benchmark).
// Split into chunks, so that a command loads its own code and dependencies only (electron/cli.ts
// imports each command group on demand; `check` must not load ssh2).
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys(dependencies)
  .filter((name) => name !== 'zod')
  .flatMap((name) => [name, `${name}/*`]);
const cli = await build({
  ...node,
  format: 'esm',
  external,
  splitting: true,
  metafile: true,
  entryPoints: { cli: 'electron/cli.ts', core: 'schemas/index.ts' },
  outdir: 'dist',
});
removeOldChunks('dist', new Set(Object.keys(cli.metafile.outputs).map((path) => join(path))));

if (!process.argv.includes('--cli-only')) {
  // Electron loads its main process and sandboxed preload as CommonJS.
  await build({
    ...node,
    format: 'cjs',
    // ssh2 (via the hosts handlers) loads native addons; it ships in node_modules beside us.
    external: ['electron', 'ssh2'],
    entryPoints: { main: 'electron/main.ts' },
    outfile: 'dist/electron/main.cjs',
  });
  await build({
    ...node,
    format: 'cjs',
    external: ['electron'],
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
  });
  // The renderer: React and Monaco through Vite, into dist/renderer.
  await import('./build-renderer.mjs');
}

/**
 * Chunks are named by content hash, so every change leaves the previous ones behind. Those
 * older than an hour go: a build or test run in progress (several may share this folder) may
 * still load newer ones.
 */
function removeOldChunks(folder, current) {
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (
      /-[A-Z0-9]{8}\.js(\.map)?$/.test(name) &&
      !current.has(path) &&
      statSync(path).mtimeMs < hourAgo
    ) {
      rmSync(path, { force: true });
    }
  }
}
