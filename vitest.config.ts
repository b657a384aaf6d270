import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Keeps every log line of the run and fails it when one holds personal data (test/log-scan.ts).
    globalSetup: ['test/global-setup.ts'],
  },
});
