/** Contexts and the precedence of flag > environment > context > default. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveTarget } from '../../src/config/target.js';
import { MemoryVault, runCli } from '../helpers/cli.js';
import { cliEnv } from '../helpers/env.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'espace-context-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => cliEnv({ home: dir });

describe('espace context', () => {
  it('starts with the built-in sandbox context, active', async () => {
    const result = await runCli(['context', 'list', '--json'], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { name: 'sandbox', apiUrl: 'http://127.0.0.1:8642', description: 'embedded sandbox', apiPaths: {}, active: true },
    ]);
  });

  it('adds, uses and removes a context, writing the config file 0600', async () => {
    expect((await runCli(['context', 'add', 'staging', '--url', 'https://staging.example.com/'], { env: env() })).code).toBe(0);
    expect((await runCli(['context', 'use', 'staging'], { env: env() })).code).toBe(0);
    const listed = JSON.parse((await runCli(['context', 'list', '--json'], { env: env() })).stdout) as Array<{ name: string; active: boolean; apiUrl: string }>;
    expect(listed.find((context) => context.active)).toMatchObject({ name: 'staging', apiUrl: 'https://staging.example.com' });
    const file = join(dir, 'config', 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ currentContext: 'staging' });

    const vault = new MemoryVault();
    vault.entries.set('staging', { apiUrl: 'https://staging.example.com', accessToken: 't', savedAt: '' });
    const removed = await runCli(['context', 'remove', 'staging'], { env: env(), vault });
    expect(removed.code, removed.stderr).toBe(0);
    expect(vault.entries.has('staging')).toBe(false);
    const after = JSON.parse((await runCli(['context', 'list', '--json'], { env: env() })).stdout) as Array<{ name: string; active: boolean }>;
    expect(after).toEqual([expect.objectContaining({ name: 'sandbox', active: true })]);
  });

  it('refuses plain HTTP to another machine, bad names, unknown and built-in contexts', async () => {
    const insecure = await runCli(['context', 'add', 'prod', '--url', 'http://api.example.com'], { env: env() });
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toMatch(/plain HTTP/);
    expect((await runCli(['context', 'add', 'no spaces', '--url', 'https://a.example'], { env: env() })).code).toBe(2);
    const unknown = await runCli(['context', 'use', 'nope'], { env: env() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no context named 'nope'/);
    expect((await runCli(['context', 'remove', 'sandbox'], { env: env() })).stderr).toMatch(/built in/);
  });

  it('reports a broken config file instead of crashing', async () => {
    await runCli(['context', 'add', 'staging', '--url', 'https://staging.example.com'], { env: env() });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'config', 'config.json'), '{ not json');
    const result = await runCli(['context', 'list'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/config\.json is not valid JSON/);
  });
});

describe('resolveTarget precedence', () => {
  const config = {
    currentContext: 'staging',
    contexts: { staging: { apiUrl: 'https://staging.example.com' }, prod: { apiUrl: 'https://api.example.com' } },
  };
  it('flag > environment > config > default', () => {
    expect(resolveTarget({ contextFlag: 'prod', env: { ESPACE_CONTEXT: 'sandbox' }, config })).toMatchObject({
      contextName: 'prod',
      contextOrigin: 'flag',
      apiUrl: 'https://api.example.com',
    });
    expect(resolveTarget({ env: { ESPACE_CONTEXT: 'sandbox' }, config })).toMatchObject({
      contextName: 'sandbox',
      contextOrigin: 'env',
      apiUrl: 'http://127.0.0.1:8642',
    });
    expect(resolveTarget({ env: {}, config })).toMatchObject({ contextName: 'staging', contextOrigin: 'config' });
    expect(resolveTarget({ env: {}, config: { contexts: {} } })).toMatchObject({ contextName: 'sandbox', contextOrigin: 'default', apiUrlOrigin: 'default' });
    expect(resolveTarget({ apiUrlFlag: 'https://x.example', env: { ESPACE_API_URL: 'https://y.example' }, config })).toMatchObject({
      apiUrl: 'https://x.example',
      apiUrlOrigin: 'flag',
    });
    expect(resolveTarget({ env: { ESPACE_API_URL: 'https://y.example' }, config })).toMatchObject({ apiUrl: 'https://y.example', apiUrlOrigin: 'env' });
  });

  it('never sends a stored token to another API', async () => {
    const vault = new MemoryVault();
    vault.entries.set('sandbox', { apiUrl: 'http://127.0.0.1:8642', accessToken: 'secret-token', savedAt: '' });
    const result = await runCli(['bill', 'list'], { env: { ...env(), ESPACE_API_URL: 'http://127.0.0.1:1' }, vault });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/never sends a token to another API/);
  });
});
