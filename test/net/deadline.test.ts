/**
 * Every request has an overall deadline (headers and the whole body, over all attempts) and a
 * bounded answer size: a server that trickles, stays silent, or sends without end cannot keep
 * espace waiting or make it grow. Against servers on 127.0.0.1 that misbehave on purpose.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/api/http.js';
import { DeadlineError, ResponseTooLargeError } from '../../src/api/request-limits.js';
import { runCli } from '../helpers/cli.js';
import { type HostileServer, hostileServer, trickle } from '../helpers/hostile-server.js';
import { cliEnv } from '../helpers/env.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function serve(make: (self: () => HostileServer) => Parameters<typeof hostileServer>[0]): Promise<HostileServer> {
  // The server's handlers reach it through `self`, called only once it is listening.
  const server: HostileServer = await hostileServer(make(() => server));
  cleanups.push(() => server.close());
  return server;
}

const silent = () => () => {
  /* reads the request, never answers */
};

async function configDir(config?: object): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'espace-deadline-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  if (config) await writeFile(join(dir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
  return dir;
}

const cli = (args: string[], url: string, env: Record<string, string> = {}, dir?: string) =>
  runCli(args, { env: cliEnv({ url, token: 'token', extra: { ...env, ESPACE_CONFIG_DIR: dir ?? '/nonexistent/espace-test' } }) });

describe('the request deadline', () => {
  it('ends a body trickled one byte at a time, though every chunk arrives in time', async () => {
    const server = await serve((self) => trickle(self, 50));
    const http = new HttpClient({ baseUrl: server.url, userAgent: 'test', timeoutMs: 600 });
    cleanups.push(() => http.close());
    const error = await http.get('/tmf-api/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeadlineError);
    // The deadline is shared by the attempts: a spent budget leaves none for a retry.
    expect(server.seen).toHaveLength(1);
  });

  it('bill list against a trickling server fails with the deadline error naming method, path and deadline', async () => {
    const server = await serve((self) => trickle(self, 100));
    const result = await cli(['bill', 'list', '--timeout', '2'], server.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/GET \/tmf-api\/\S+ did not complete within its 2 s deadline/);
    expect(result.stderr).toContain('--timeout');
    expect(result.stderr).toContain('ESPACE_TIMEOUT');
  });

  it('a silent server fails at the deadline, in French too', async () => {
    const server = await serve(silent);
    const result = await cli(['--lang', 'fr', 'bill', 'list', '--timeout', '1'], server.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/GET \/tmf-api\/\S+ ne s’est pas terminée dans son délai de 1 s/);
  });

  it('takes the deadline from the flag, then ESPACE_TIMEOUT, then the context', async () => {
    const server = await serve(silent);
    const dir = await configDir({ currentContext: 'slow', contexts: { slow: { apiUrl: server.url, timeout: 0.5 } } });
    const run = (args: string[], env: Record<string, string>) => runCli(args, { env: cliEnv({ token: 'token', extra: { ...env, ESPACE_CONFIG_DIR: dir } }) });
    expect((await run(['bill', 'list'], {})).stderr).toContain('within its 0.5 s deadline');
    expect((await run(['bill', 'list'], { ESPACE_TIMEOUT: '0.7' })).stderr).toContain('within its 0.7 s deadline');
    expect((await run(['bill', 'list', '--timeout', '0.9'], { ESPACE_TIMEOUT: '0.7' })).stderr).toContain('within its 0.9 s deadline');
  });

  it('context add --timeout keeps the deadline in the context', async () => {
    const server = await serve(silent);
    const dir = await configDir();
    const added = await runCli(['context', 'add', 'slow', '--url', server.url, '--use', '--timeout', '0.6'], {
      env: cliEnv({ extra: { ESPACE_CONFIG_DIR: dir } }),
    });
    expect(added.code).toBe(0);
    const result = await runCli(['bill', 'list'], { env: cliEnv({ token: 'token', extra: { ESPACE_CONFIG_DIR: dir } }) });
    expect(result.stderr).toContain('within its 0.6 s deadline');
  });

  it('refuses a deadline that is not a positive number of seconds, naming where it came from', async () => {
    const server = await serve(silent);
    const flag = await cli(['bill', 'list', '--timeout', 'soon'], server.url);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--timeout');
    const env = await cli(['bill', 'list'], server.url, { ESPACE_TIMEOUT: '0' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('ESPACE_TIMEOUT');
    expect(server.seen).toHaveLength(0);
  });
});

describe('the answer size bound', () => {
  it('refuses an answer whose Content-Length is over the bound without reading it', async () => {
    const server = await serve(() => (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024) });
      response.write('[');
    });
    const http = new HttpClient({ baseUrl: server.url, userAgent: 'test', maxResponseBytes: 1024 * 1024 });
    cleanups.push(() => http.close());
    await expect(http.get('/big')).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('stops reading an endless body at the bound, and the error names the URL', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const server = await serve(() => (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[');
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const result = await cli(['bill', 'list'], server.url, { ESPACE_MAX_RESPONSE_MB: '2' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`the answer to GET ${server.url}/tmf-api/\\S+ is larger than 2 MB`));
    expect(result.stderr).toContain('ESPACE_MAX_RESPONSE_MB');
  });
});

describe('a Retry-After longer than espace waits', () => {
  it('says when to try again, in the user’s locale, and in seconds', async () => {
    const server = await serve(() => (_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600' });
      response.end(JSON.stringify({ code: '429', reason: 'Too Many Requests' }));
    });
    // 10:00 local time, so that an hour later is the same day.
    const now = new Date(2026, 11, 7, 10, 0, 0);
    const later = new Date(now.getTime() + 3600_000);
    for (const [lang, locale, words] of [
      ['en', 'en-CA', 'try again at'],
      ['fr', 'fr-CA', 'réessayez à'],
    ] as const) {
      const result = await runCli(['--lang', lang, 'bill', 'list', '--account', 'BA-1001'], {
        env: cliEnv({ url: server.url, token: 'token' }),
        clock: () => now,
      });
      expect(result.code).toBe(1);
      const at = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(later);
      expect(result.stderr).toContain(`${words} ${at}`);
      expect(result.stderr).toContain('3600 s');
    }
    // Not retried: waiting an hour is the user's decision (one request a run, the account named).
    expect(server.seen).toHaveLength(2);
  });
});

describe('a Retry-After longer than espace waits, in a bulk run', () => {
  it('does not hold every worker for the hour: the run stops with the server’s refusal', async () => {
    const server = await serve(() => (_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600' });
      response.end(JSON.stringify({ code: '429', reason: 'Too Many Requests' }));
    });
    const dir = await configDir();
    const list = join(dir, 'accounts.txt');
    await writeFile(list, Array.from({ length: 40 }, (_, index) => `BA-${100001 + index}`).join('\n'));
    const result = await cli(
      ['bill', 'show', '--accounts-from', list, '--concurrency', '2', '--batch-size', '1'],
      server.url,
      { ESPACE_DATA_DIR: join(dir, 'data') },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HTTP 429/);
    // Stopped by the circuit breaker well before the end of the list.
    expect(server.seen.length).toBeLessThan(40);
  });
});
