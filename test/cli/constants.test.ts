/** Facts the CLI repeats from elsewhere, kept in step with their source. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_CLIENT_ID } from '../../src/api/oauth.js';
import { DEMO_CUSTOMER } from '../../src/cli/commands/demo/run.js';
import { DEFAULT_SANDBOX_PORT, allContexts, sandboxPort } from '../../src/config/contexts.js';
import { UsageError } from '../../src/errors.js';
import { DEFAULT_PORT } from '../../src/sandbox/server.js';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { VERSION } from '../../src/version.js';

describe('what the CLI shares with the rest of the project', () => {
  it('reports the version package.json gives', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('signs the demo in as the seeded demo customer, as the client the sandbox knows', () => {
    expect(DEMO_CUSTOMER).toEqual({ username: SEED_CREDENTIALS.marie.username, password: SEED_CREDENTIALS.marie.password });
    expect(CLI_CLIENT_ID).toBe(SEED_CREDENTIALS.cliClientId);
  });

  it('points the built-in sandbox context at the port the sandbox listens on', () => {
    expect(DEFAULT_SANDBOX_PORT).toBe(DEFAULT_PORT);
  });
});

describe('the sandbox port', () => {
  const sandboxUrl = (env: Record<string, string>) => allContexts({ contexts: {} }, env).find((context) => context.name === 'sandbox')?.apiUrl;

  it('is 8642 unless ESPACE_SANDBOX_PORT says otherwise, and the built-in context follows it', () => {
    expect(sandboxPort({})).toBe(8642);
    expect(sandboxUrl({})).toBe('http://127.0.0.1:8642');
    expect(sandboxPort({ ESPACE_SANDBOX_PORT: '9000' })).toBe(9000);
    expect(sandboxUrl({ ESPACE_SANDBOX_PORT: '9000' })).toBe('http://127.0.0.1:9000');
  });

  it('refuses a value that is not a port, naming the variable', () => {
    for (const value of ['abc', '0', '70000', '80.5']) {
      expect(() => sandboxPort({ ESPACE_SANDBOX_PORT: value }), value).toThrow(UsageError);
    }
  });
});
