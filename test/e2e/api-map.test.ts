/**
 * The API map end to end, the CLI run in process (nothing here is about the process itself): a
 * gateway in front of the sandbox that mounts the Trouble Ticket API under /gw/tt (and has nothing
 * at the specification's path). A context that says so lists tickets; one that does not gets a 404 naming the URL it tried. The context label
 * says when --api-url or ESPACE_API_URL replaces the context's URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type Proxy } from '../bulk/proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { runCli } from '../helpers/cli.js';
import { cliEnv } from '../helpers/env.js';

const DEFAULT_TT = '/tmf-api/troubleTicket/v4';
const GATEWAY_TT = `/gw/tt${DEFAULT_TT}`;

let sandbox: TestSandbox;
let gateway: Proxy;
let configDir: string;
const env = () => cliEnv({ url: undefined, token: sandbox.tokens.marie, extra: { ESPACE_CONFIG_DIR: configDir, ESPACE_CONTEXT: undefined } });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  gateway = await startProxy(sandbox.url);
  // The gateway's layout: tickets only under /gw/tt, everything else where the specs put it.
  gateway.setFault((request) => (request.url?.startsWith(`${DEFAULT_TT}/`) ? { status: 404 } : undefined));
  gateway.setRewrite((path) => (path.startsWith(`${GATEWAY_TT}/`) ? path.slice('/gw/tt'.length) : path));
  configDir = mkdtempSync(join(tmpdir(), 'espace-api-map-e2e-'));
});
afterAll(async () => {
  await gateway?.close();
  await sandbox?.close();
  rmSync(configDir, { recursive: true, force: true });
});

describe('a context whose Trouble Ticket API is mounted elsewhere', () => {
  it('lists tickets through the map, and gets a 404 naming the method and path without it', async () => {
    const direct = await runCli(['--api-url', sandbox.url, 'ticket', 'list', '--json'], { env: env() });
    expect(direct.code, direct.stderr).toBe(0);
    const expected = (JSON.parse(direct.stdout) as { id: string }[]).map((ticket) => ticket.id);
    expect(expected.length).toBeGreaterThan(0);

    const added = await runCli(['context', 'add', 'gw', '--url', gateway.url, '--api-path', `troubleTicket=${GATEWAY_TT}`], { env: env() });
    expect(added.code, added.stderr).toBe(0);
    const mapped = await runCli(['--context', 'gw', 'ticket', 'list', '--json'], { env: env() });
    expect(mapped.code, mapped.stderr).toBe(0);
    expect((JSON.parse(mapped.stdout) as { id: string }[]).map((ticket) => ticket.id)).toEqual(expected);
    expect(gateway.log.some((entry) => entry.url.startsWith(`${GATEWAY_TT}/troubleTicket?`))).toBe(true);
    // Raw requests under the default base path follow the map too.
    const raw = await runCli(['--context', 'gw', 'api', 'GET', `${DEFAULT_TT}/troubleTicket`], { env: env() });
    expect(raw.code, raw.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(raw.stdout))).toBe(true);

    expect((await runCli(['context', 'add', 'plain', '--url', gateway.url], { env: env() })).code).toBe(0);
    const unmapped = await runCli(['--context', 'plain', 'ticket', 'list'], { env: env() });
    expect(unmapped.code).toBe(1);
    expect(unmapped.stdout).toBe('');
    expect(unmapped.stderr).toMatch(/HTTP 404/);
    expect(unmapped.stderr).toContain(`GET ${DEFAULT_TT}/troubleTicket`);
  });

  it('set-api moves one API of a context, --reset moves it back, and show and list say where each API is', async () => {
    expect((await runCli(['context', 'add', 'later', '--url', gateway.url], { env: env() })).code).toBe(0);
    const set = await runCli(['context', 'set-api', 'later', 'troubleTicket', `${GATEWAY_TT}/`], { env: env() });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toContain(`troubleTicket is at ${gateway.url}${GATEWAY_TT}.`);
    expect((await runCli(['--context', 'later', 'ticket', 'list'], { env: env() })).code).toBe(0);

    const shown = JSON.parse((await runCli(['context', 'show', 'later', '--json'], { env: env() })).stdout) as {
      apis: { api: string; path: string; url: string; configured: boolean }[];
    };
    expect(shown.apis.find((api) => api.api === 'troubleTicket')).toEqual({
      api: 'troubleTicket',
      path: GATEWAY_TT,
      url: `${gateway.url}${GATEWAY_TT}`,
      configured: true,
    });
    expect(shown.apis.find((api) => api.api === 'payment')).toMatchObject({ path: '/paymentManagement/v4', configured: false });
    const listed = await runCli(['context', 'list'], { env: env() });
    expect(listed.stdout).toMatch(/later\t\S+\t1 mapped: troubleTicket/);

    expect((await runCli(['context', 'set-api', 'later', 'troubleTicket', '--reset'], { env: env() })).code).toBe(0);
    expect((await runCli(['--context', 'later', 'ticket', 'list'], { env: env() })).code).toBe(1);
  });

  it('refuses a bad path, an unknown API and the built-in context, writing nothing', async () => {
    const badPath = await runCli(['context', 'add', 'bad', '--url', gateway.url, '--api-path', 'troubleTicket=/tt?x=1'], { env: env() });
    expect(badPath.code).toBe(2);
    expect(badPath.stderr).toMatch(/'\/tt\?x=1' is not a base path for troubleTicket/);
    const unknown = await runCli(['context', 'add', 'bad', '--url', gateway.url, '--api-path', 'tickets=/tt'], { env: env() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/'tickets' is not an API espace speaks; use one of: customerBill/);
    expect((await runCli(['context', 'show', 'bad'], { env: env() })).code).toBe(2);
    const builtIn = await runCli(['context', 'set-api', 'sandbox', 'troubleTicket', '/tt'], { env: env() });
    expect(builtIn.code).toBe(2);
    expect(builtIn.stderr).toMatch(/built in/);
    const neither = await runCli(['context', 'set-api', 'gw', 'troubleTicket'], { env: env() });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/give the base path of troubleTicket, or --reset/);
  });
});

describe('the context label', () => {
  it('says a custom URL overrides the context, in auth status and context show, and not when the URL is the context’s', async () => {
    const flag = await runCli(['--context', 'gw', '--api-url', sandbox.url, 'auth', 'status'], { env: env() });
    expect(flag.code, flag.stderr).toBe(0);
    expect(flag.stdout).toContain(`custom URL from --api-url (overrides context gw) (${sandbox.url})`);
    const fromEnv = await runCli(['context', 'show'], { env: { ...env(), ESPACE_API_URL: sandbox.url } });
    expect(fromEnv.stdout).toContain('Context: custom URL from ESPACE_API_URL (overrides context sandbox)');
    const status = JSON.parse((await runCli(['--context', 'gw', '--api-url', sandbox.url, 'auth', 'status', '--json'], { env: env() })).stdout) as Record<
      string,
      unknown
    >;
    expect(status).toMatchObject({ context: 'gw', apiUrl: sandbox.url, apiUrlSource: 'flag' });

    // The context's own URL given again is the context, with its map: tickets still under /gw/tt.
    const same = await runCli(['--context', 'gw', '--api-url', gateway.url, 'context', 'show'], { env: env() });
    expect(same.stdout).toContain('Context: gw\n');
    expect((await runCli(['--context', 'gw', '--api-url', gateway.url, 'ticket', 'list'], { env: env() })).code).toBe(0);
  });
});
