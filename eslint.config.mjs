import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint holds the layers: main/ never imports renderer/, renderer/ never imports main/ or Node,
 * preload/contract/ imports nothing environment-specific.
 */
export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      '.toolchain',
      'test-results',
      'playwright-report',
      'bench-results',
      'tests/fixtures/lint',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.main.json',
          './tsconfig.preload.json',
          './tsconfig.renderer.json',
          './tsconfig.node.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      // import-x must parse TypeScript to follow imports, and needs a resolver to know where an
      // import leads: without them no-restricted-paths and no-cycle silently pass everything.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['./tsconfig.node.json', './tsconfig.renderer.json', './tsconfig.preload.json'],
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Props and fixtures declare callbacks with method shorthand; none of them use `this`.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-duplicates': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './main', from: './renderer', message: 'main/ must not import renderer/.' },
            { target: './renderer', from: './main', message: 'renderer/ must not import main/.' },
            {
              // The reader, side by side, annotations and shared dialogs are the library's peers:
              // what both need lives in renderer/ui/.
              target: ['./renderer/reader', './renderer/parallel', './renderer/annotations', './renderer/ui'],
              from: './renderer/library',
              message: 'Only the library view imports renderer/library/; shared pieces belong in renderer/ui/.',
            },
            {
              target: './preload/contract',
              from: ['./main', './renderer', './tests'],
              message: 'The contract stands alone.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The React Compiler's rules too (refs during render, setState in effects, purity...).
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', { patterns: ['electron', 'better-sqlite3'] }],
    },
  },
  {
    files: ['preload/contract/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'electron/*', 'better-sqlite3', 'react', 'react-dom'] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['**/*.{mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
