import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'schemas/**/*.test.ts',
      'templates/**/*.test.ts',
      'electron/**/*.test.ts',
      'test/**/*.test.ts',
      'renderer/**/*.test.ts',
      'renderer/**/*.test.tsx',
    ],
    // Generous: a slow or loaded machine must not fail a test that is merely slow (the SSH
    // host tests run many real round trips); hangs still end.
    testTimeout: 120000,
    hookTimeout: 120000,
    globalSetup: ['test/global-setup.ts'],
  },
});
