// Builds the renderer (React + Monaco, bundled locally with its worker) into dist/renderer,
// which the Electron window loads and `clpbuilder serve` serves.
import react from '@vitejs/plugin-react';
import { build } from 'vite';

// Always the production build (React's production runtime): Vite keeps a NODE_ENV it finds,
// and under vitest (global-setup builds this) it finds `test`, which gave a development build.
process.env.NODE_ENV = 'production';

await build({
  configFile: false,
  mode: 'production',
  root: 'renderer',
  // Relative asset URLs: the same files load from file:// in Electron and over HTTP.
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Monaco alone is several MB; it is loaded lazily, so a large chunk is expected.
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    // Readable names in a CPU profile (bench/ui.mjs investigations): CLPBUILDER_NO_MINIFY=1.
    minify: process.env.CLPBUILDER_NO_MINIFY !== '1',
  },
});
