// Bundles the command line and the pure core to plain JavaScript so that
// `clpbuilder` starts without a TypeScript loader (issue 2: start-up must be quick).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Keep the core's dependencies external: they are installed beside us.
  packages: 'external',
};

await build({ ...common, entryPoints: { cli: 'electron/cli.ts', core: 'schemas/index.ts' }, outdir: 'dist' });
