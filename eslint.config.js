// typescript-eslint recommended plus the rules of STYLE.md §8: curly, eqeqeq, and imports
// that keep the core pure and Electron out of the renderer.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_ONLY = ['node:*', 'fs', 'path', 'os', 'child_process', 'electron', 'react', 'react-dom'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'bench/.data/',
      '.tmp_run.mjs*',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      curly: 'error',
      eqeqeq: 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['schemas/**/*.ts', 'templates/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...NODE_ONLY, '**/electron/**', '**/renderer/**'] },
      ],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', '**/electron/services/**'] },
            // STYLE.md §3: the renderer imports the contract's types only; calls go through api.ts.
            { group: ['electron', '**/electron/**'], allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // api.ts is the transport: it builds the call functions with electron/api-shape.ts, the
    // pure list of call names it shares with the preload.
    files: ['renderer/api.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', '**/electron/services/**'] }] },
      ],
    },
  },
  { files: ['**/*.test.ts', 'test/**/*.ts'], rules: { 'no-control-regex': 'off' } },
);
