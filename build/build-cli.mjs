// Bundles the command line, the pure core and the desktop shell to plain JavaScript, so that
// `clpbuilder` starts without a TypeScript loader (issue 2: start-up must be quick).
import { build } from 'esbuild';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
};

// The CLI and the core keep their npm dependencies external: they are installed beside us.
await build({
  ...node,
  format: 'esm',
  packages: 'external',
  entryPoints: { cli: 'electron/cli.ts', core: 'schemas/index.ts' },
  outdir: 'dist',
});

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
