import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'screenshots/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Tests read "now" through one clock (test/clock.ts, e2e/support/clock.ts), so a run at any
    // date or hour builds its times the way the server reads them.
    files: ['src/**/*.test.{ts,tsx}', 'test/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['test/clock.ts', 'e2e/support/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read now through the test clock (testNow() in test/clock.ts, e2eNow() in e2e/support/clock.ts).',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Build instants from the test clock: new Date(testNow()) or e2eNow().',
        },
      ],
    },
  },
  {
    // Modules meet only through each other's public face (modules/<noun>/index.ts); their tests
    // may reach inside to set up data. See docs/ARCHITECTURE.md, "Layers".
    files: ['src/server/modules/**/*.ts'],
    ignores: ['src/server/modules/**/*.test.ts', 'src/server/modules/**/*.testkit.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^./][^/]*/(?!index\\.js$)',
              message: "Import another module through its public face, '../<module>/index.js'.",
            },
          ],
        },
      ],
    },
  },
  {
    // The platform is what every module stands on: it imports db/ and common/, never a module.
    files: ['src/server/platform/**/*.ts', 'src/server/db/**/*.ts'],
    ignores: ['src/server/**/*.test.ts', 'src/server/**/*.testkit.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/modules/', message: 'The platform and the database layer never import a module.' }] },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
