/** The plain profile and the default one over the same seed, for the tests that compare their answers. */
import { afterAll, beforeAll } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

export interface ProfilePair {
  /** The sandbox as a minimal conformant TMF v4 server. */
  plain: TestSandbox;
  /** The default profile. */
  standard: TestSandbox;
}

/** Starts both before the calling file's tests and closes them after; the fields are set once started. */
export function useProfilePair(): ProfilePair {
  const pair = {} as ProfilePair;
  beforeAll(async () => {
    [pair.plain, pair.standard] = await Promise.all([
      startTestSandbox({ seedAnchor: '2026-11-01', profile: 'plain' }),
      startTestSandbox({ seedAnchor: '2026-11-01' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([pair.plain?.close(), pair.standard?.close()]);
  });
  return pair;
}
