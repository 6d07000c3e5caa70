import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'schemas/**/*.test.ts',
      'templates/**/*.test.ts',
      'electron/**/*.test.ts',
      'test/**/*.test.ts',
      'renderer/**/*.test.ts',
    ],
    testTimeout: 30000,
    globalSetup: ['test/global-setup.ts'],
  },
});
