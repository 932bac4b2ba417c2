import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One PostgreSQL cluster and one Temporal dev server per run, shared by every test file.
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    // Two cores: more parallel files only fight over the CPU with Temporal and Postgres.
    maxWorkers: 2,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
