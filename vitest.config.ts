import { defineConfig } from 'vitest/config';

// CI asks for a JSON report too (ESPACE_TEST_REPORT=path), to print one summary over two Node versions.
const report = process.env.ESPACE_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temporary directory per run, removed at its end (test/helpers/global-setup.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
    // Real servers, real keychain, real processes: give them room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
