/**
 * `espace api --paginate` is bounded: a server that always says "there is more" (or repeats one
 * page forever) cannot make it send requests or hold items without end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type HostileServer, hostileServer } from '../helpers/hostile-server.js';
import { cliEnv } from '../helpers/env.js';

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Full pages of new items at every offset, and a total that is never reached. */
async function endlessList(options: { ignoreOffset?: boolean } = {}): Promise<HostileServer> {
  const server = await hostileServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://x').searchParams;
    const limit = Number(query.get('limit') ?? 100);
    const offset = options.ignoreOffset ? 0 : Number(query.get('offset') ?? 0);
    const page = Array.from({ length: limit }, (_, index) => ({ id: `item-${offset + index}` }));
    response.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '999999999' });
    response.end(JSON.stringify(page));
  });
  servers.push(server);
  return server;
}

const api = (server: HostileServer, args: string[]) =>
  runCli(['api', 'GET', '/tmf-api/accountManagement/v4/billingAccount', '--paginate', ...args], {
    env: cliEnv({ url: server.url, token: 'token' }),
  });

const ids = (stdout: string) => (JSON.parse(stdout) as Array<{ id: string }>).map((item) => item.id);

describe('api --paginate against a server that never ends', () => {
  it('stops at --max-pages, prints what it read, and warns that the output is incomplete', async () => {
    const server = await endlessList();
    const result = await api(server, ['-F', 'limit=10', '--max-pages', '5']);
    expect(result.code, result.stderr).toBe(0);
    expect(server.seen).toHaveLength(5);
    const read = ids(result.stdout);
    expect(read).toHaveLength(50);
    expect(new Set(read).size).toBe(50);
    expect(result.stderr).toMatch(/Warning: --paginate stopped after 5 pages \(50 items\).*incomplete.*--field offset=50/);
  });

  it('stops at --max-items, keeping exactly that many', async () => {
    const server = await endlessList();
    const result = await api(server, ['-F', 'limit=10', '--max-items', '25']);
    expect(result.code, result.stderr).toBe(0);
    expect(ids(result.stdout)).toEqual(Array.from({ length: 25 }, (_, index) => `item-${index}`));
    expect(server.seen).toHaveLength(3);
    expect(result.stderr).toMatch(/--paginate stopped at 25 items \(3 pages\).*--field offset=25/);
  });

  it('stops when the pages together pass the bound of one answer (ESPACE_MAX_RESPONSE_MB)', async () => {
    const server = await endlessList();
    const result = await runCli(['api', 'GET', '/tmf-api/accountManagement/v4/billingAccount', '--paginate', '-F', 'limit=100'], {
      env: cliEnv({ url: server.url, token: 'token', extra: { ESPACE_MAX_RESPONSE_MB: '0.05' } }),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/--paginate stopped after \d+ pages \(\d+ items\): the pages together passed 0.05 MB.*--field offset=\d+/);
    expect(server.seen.length).toBeGreaterThan(1);
    expect(server.seen.length).toBeLessThan(1000);
    const read = ids(result.stdout);
    expect(read).toEqual(Array.from({ length: read.length }, (_, index) => `item-${index}`));
    expect(Buffer.byteLength(result.stdout)).toBeLessThanOrEqual(0.05 * 1024 * 1024);
  });

  it('is bounded by default (1000 pages)', async () => {
    const server = await endlessList();
    const result = await api(server, ['-F', 'limit=2']);
    expect(result.code, result.stderr).toBe(0);
    expect(server.seen).toHaveLength(1000);
    expect(ids(result.stdout)).toHaveLength(2000);
    expect(result.stderr).toContain('--paginate stopped after 1000 pages');
  });

  it('stops with an error at a page that repeats the one before (a server ignoring offset)', async () => {
    const server = await endlessList({ ignoreOffset: true });
    const result = await api(server, ['-F', 'limit=10']);
    expect(result.code).toBe(1);
    expect(server.seen).toHaveLength(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the server repeats itself: the');
  });

  it('refuses bounds that are not whole numbers of at least 1, before sending anything', async () => {
    const server = await endlessList();
    for (const [flag, value] of [
      ['--max-pages', '0'],
      ['--max-items', 'lots'],
      ['--max-pages', '-3'],
    ]) {
      const result = await api(server, [flag!, value!]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(flag);
    }
    expect(server.seen).toHaveLength(0);
  });
});
