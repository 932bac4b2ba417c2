// Lint rules, with durable-code hygiene for workflow code: workflows must be deterministic,
// so no Node built-ins, activities imported as types only, and no floating promises.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'db/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read loosely typed JSON bodies (task prep, problem details).
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['workflows/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code is deterministic: no Node built-ins (use an activity).' })),
          patterns: [
            {
              group: ['**/activities', '**/activities/**', '**/db/**', '**/channels/**', '**/api/**', '**/runtime/**'],
              allowTypeImports: true,
              message: 'Workflows import activities and I/O modules as types only (import type).',
            },
            { group: ['postgres', 'drizzle-orm', 'drizzle-orm/**', 'nodemailer', 'googleapis', 'hono'], message: 'No I/O libraries in workflow code.' },
          ],
        },
      ],
    },
  },
);
