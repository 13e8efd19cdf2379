import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/helpers/sequencer.js';

// CI asks for a JSON report too (ESPACE_TEST_REPORT=path), to print one summary over two Node versions.
const report = process.env.ESPACE_TEST_REPORT;

const TESTS = 'test/**/*.test.ts';

/**
 * Test files that replace a module (`vi.mock`): they get a module registry of their own, since a
 * module another file already loaded in the same worker would not be replaced, and their stand-in
 * must not reach the files after them. Found by reading the files, so a new one is never missed.
 */
const REPLACING_MODULES = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `test/${file.replaceAll('\\', '/')}`)
  .filter((file) => /\bvi\.(?:mock|doMock)\(/.test(readFileSync(file, 'utf8')))
  .sort();

export default defineConfig({
  test: {
    // Which files run where: the two projects below (a root `include` would add to theirs).
    // One temporary directory per run, removed at its end (test/helpers/global-setup.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
    // Real servers, real keychain, real processes: give them room. These are ceilings for a test
    // that hangs, never waits: on a machine running another suite beside this one a test can take
    // several times as long as on a quiet one (tests that spawn heavy runs say 300 s themselves).
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Processes, not threads: tests change the working directory and the umask, which a worker
    // thread cannot.
    pool: 'forks',
    // Twice the cores of the 2-core machines the suite runs on: much of a test's time is spent
    // waiting (for a child process, a server, a terminal), and two more workers fill it. Measured
    // on a quiet 2-core machine: 144 s with 2 workers, 120 s with 4, 116 s with 6.
    maxWorkers: 4,
    // The longest files first, also in a fresh clone, where vitest has no previous run to go by.
    sequence: { sequencer: LongestFirstSequencer },
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
    projects: [
      {
        extends: true,
        // Not isolated: a worker imports the sources once and keeps its seeded sandbox templates for
        // the files that follow, instead of a fresh process per file (which doubled the suite's CPU).
        // Tests restore what they change in the process (environment variables, working directory,
        // umask), so no file depends on which ran before it in the same worker.
        test: { name: 'shared', include: [TESTS], exclude: REPLACING_MODULES, isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: REPLACING_MODULES, isolate: true } },
    ],
  },
});
