import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // The files of a worker share its modules: the server's modules are loaded once per worker
    // instead of once per file, which took more than half of the suite's time. Each file still
    // builds its own app and database; test/each-file.ts gives the clock back after each file.
    isolate: false,
    setupFiles: ['test/each-file.ts'],
    // For the memory tests, which collect garbage before they measure what stays.
    execArgv: ['--expose-gc'],
    // Keeps every log line of the run and fails it when one holds personal data (test/log-scan.ts).
    globalSetup: ['test/global-setup.ts'],
  },
});
