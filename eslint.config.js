// Lint rules, with durable-code hygiene for workflow code: workflows must be deterministic,
// so no Node built-ins, activities imported as types only, and no floating promises. The layers
// (README, "Map of the code") are enforced here: a folder imports only from the layers below it,
// and no module imports itself back through a cycle.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Folders from the bottom up: each may import the ones before it, never the ones after. */
const LAYERS = ['domain', 'db', 'logging', 'security', 'channels', 'application', 'outbox', 'activities', 'api', 'runtime'];
/** Outside the tree: tools and tests import the product, never the other way round. */
const TOOLS = ['scripts', 'bench', 'drills', 'tests'];
const ENV_MESSAGE = 'Configuration is read once in runtime/ (config.ts, secret-key.ts) and passed in: take it as a parameter.';
const ENV_IMPORTS = ['process', 'node:process'].map((name) => ({ name, importNames: ['env'], message: ENV_MESSAGE }));
/** The workflows' public contract (ids, inputs, signals, updates, queries): what a Temporal client needs. */
const WORKFLOW_CONTRACT = ['./ids.ts', './enrollment/messages.ts', './enrollment/input.ts', './webhooks/messages.ts', './handoff/messages.ts'];

const layerZones = LAYERS.flatMap((layer, i) => [
  ...[...LAYERS.slice(i + 1), ...TOOLS].map((above) => ({
    target: `./${layer}`,
    from: `./${above}`,
    message: `${layer}/ is below ${above}/: move what both need down a layer, or pass it in from runtime/.`,
  })),
  // Workflow code is imported by the worker's bundle only; other layers use its contract.
  ...(['domain', 'db', 'logging', 'security', 'channels'].includes(layer)
    ? [{ target: `./${layer}`, from: './workflows', message: `${layer}/ is below workflows/.` }]
    : [{ target: `./${layer}`, from: './workflows', except: WORKFLOW_CONTRACT, message: 'Outside workflows/, import only its contract (ids, inputs, messages).' }]),
]);
/** Inside api/: routes use services and middleware; services and middleware never use routes. */
const apiZones = [
  { target: './api/services', from: './api/routes', message: 'api/services/ is below api/routes/.' },
  { target: './api/middleware', from: './api/routes', message: 'api/middleware/ is below api/routes/.' },
  { target: './api/middleware', from: './api/services', message: 'api/middleware/ is below api/services/.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'db/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...apiZones] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Configuration is read once, by the entries in runtime/ (runtime/config.ts, runtime/secret-key.ts),
    // and passed in: nothing below runtime/ reads the environment. Tools and tests are entries too.
    files: [...LAYERS.filter((l) => l !== 'runtime'), 'workflows', 'console'].map((dir) => `${dir}/**/*.{ts,tsx}`),
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: ENV_MESSAGE }],
      'no-restricted-imports': ['error', { paths: ENV_IMPORTS }],
    },
  },
  {
    // Every workflow patch is declared in one table, beside its old branch and removal plan.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/enrollment/legacy/patches.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...ENV_IMPORTS,
            { name: '@temporalio/workflow', importNames: ['patched', 'deprecatePatch'], message: 'Declare the patch in workflows/enrollment/legacy/patches.ts (with its removal plan) and ask since(id).' },
          ],
        },
      ],
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
              group: ['**/activities', '**/activities/**', '../../application/*', '../application/*', '../../outbox/*', '../outbox/*', '**/db/**', '**/channels/**', '**/api/**', '**/runtime/**'],
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
