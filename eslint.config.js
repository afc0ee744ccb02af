// ESLint (flat config): typescript-eslint's type-checked rules with the project's tsconfigs
// (tsconfig.node.json, tsconfig.web.json, tsconfig.scripts.json, found through tsconfig.json),
// the React hooks rules for the renderer, and eslint-config-prettier last so that no rule
// argues with the formatter. `npm run lint` runs it, then `prettier --check`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'coverage/', 'test-artifacts/', 'firmware-notes/host-test/build/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a parameter or binding that is unused on purpose (an
      // interface's parameter, a property dropped from a rest copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `async` on a function that implements a Promise-returning contract without awaiting
      // anything is deliberate: a throw inside it becomes a rejection, as callers expect.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Props and hook results declare their callbacks with method syntax (`onBack(): void`);
      // they are plain functions that React never calls with a `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['test/**/*.test.{ts,tsx}'],
    rules: {
      // vitest's asymmetric matchers (expect.stringMatching, expect.closeTo, …) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    rules: {
      // The scripts' types come from JSDoc: a JSDoc cast `/** @type {T} */ (x)` lives on the
      // parentheses, which ESLint's syntax tree drops, so this rule would still see `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['test/e2e/**/*.ts'],
    rules: {
      // Callbacks passed to page.evaluate run in the browser on DOM types, which the Node
      // project (tsconfig.node.json) has no lib for: they come out unresolved here.
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  prettier,
);
