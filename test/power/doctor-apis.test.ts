/**
 * `espace doctor` lists each TMF API with what it answered: all reachable on the sandbox; behind a
 * gateway that hides one API (404), refuses one (403) and mounts one elsewhere (the context's API
 * map), each is named with its resolved URL, and the missing one with how to point the context at it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_NAMES } from '../../src/api/api-map.js';
import { startProxy, type Proxy } from '../bulk/proxy.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

type Probe = { api: string; status: string; url: string; httpStatus: number | null };
type Report = { ok: boolean; context: string; checks: { id: string; status: string; detail: string; fix: string | null }[]; apis: Probe[] };

const USAGE = '/tmf-api/usageManagement/v4';
const ORDERING = '/tmf-api/productOrderingManagement/v4';
const TICKETS = '/tmf-api/troubleTicket/v4';

let sandbox: TestSandbox;
let gateway: Proxy;
let configDir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  gateway = await startProxy(sandbox.url);
  gateway.setFault((request) => {
    const url = request.url ?? '';
    if (url.startsWith(`${USAGE}/`) || url.startsWith(`${TICKETS}/`)) return { status: 404 };
    if (url.startsWith(`${ORDERING}/`)) return { status: 403 };
    return undefined;
  });
  gateway.setRewrite((path) => (path.startsWith(`/gw/tt${TICKETS}/`) ? path.slice('/gw/tt'.length) : path));
  configDir = mkdtempSync(join(tmpdir(), 'espace-doctor-apis-'));
  const added = await runCli(['context', 'add', 'gw', '--url', gateway.url, '--api-path', `troubleTicket=/gw/tt${TICKETS}`], {
    env: cliEnv({ extra: { ESPACE_CONFIG_DIR: configDir } }),
  });
  if (added.code !== 0) throw new Error(added.stderr);
});
afterAll(async () => {
  await gateway?.close();
  await sandbox?.close();
  rmSync(configDir, { recursive: true, force: true });
});

const probe = (report: Report, api: string) => report.apis.find((item) => item.api === api)!;

describe('espace doctor, API by API', () => {
  it('finds every API reachable on the sandbox, at the URLs of the specifications', async () => {
    const result = await runCli(['doctor', '--json'], {
      env: cliEnv({ url: sandbox.url, token: sandbox.tokens.marie, extra: { ESPACE_CONFIG_DIR: configDir } }),
    });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.apis.map((item) => item.api)).toEqual([...API_NAMES]);
    for (const item of report.apis) expect(item.status, `${item.api} ${item.url}`).toBe('reachable');
    expect(report.checks.find((check) => check.id === 'apis')).toMatchObject({ status: 'ok', detail: '13 reachable.' });
    expect(probe(report, 'troubleTicket').url).toBe(`${sandbox.url}${TICKETS}/troubleTicket`);
    expect(probe(report, 'payment').url).toBe(`${sandbox.url}/paymentManagement/v4/payment`);
  });

  it('behind a gateway: missing, refused and mapped APIs, each with its URL, and the fix for the missing one', async () => {
    const result = await runCli(['--context', 'gw', 'doctor', '--json'], {
      env: cliEnv({ token: sandbox.tokens.marie, extra: { ESPACE_CONFIG_DIR: configDir } }),
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.context).toBe('gw');
    expect(probe(report, 'usage')).toMatchObject({ status: 'missing', httpStatus: 404, url: `${gateway.url}${USAGE}/usage` });
    expect(probe(report, 'productOrdering')).toMatchObject({ status: 'refused', httpStatus: 403, url: `${gateway.url}${ORDERING}/productOrder` });
    expect(probe(report, 'troubleTicket')).toMatchObject({ status: 'reachable', url: `${gateway.url}/gw/tt${TICKETS}/troubleTicket` });
    expect(report.apis.filter((item) => item.status === 'reachable')).toHaveLength(API_NAMES.length - 2);
    const check = report.checks.find((item) => item.id === 'apis')!;
    expect(check).toMatchObject({ status: 'fail', detail: '11 reachable, 1 missing, 1 refused.' });
    expect(check.fix).toMatch(/espace context set-api gw API PATH/);
    expect(check.fix).toMatch(/refused/);
  });

  it('prints one line per API under the check, with the mark, the answer and the URL', async () => {
    const result = await runCli(['--context', 'gw', 'doctor'], { env: cliEnv({ token: sandbox.tokens.marie, extra: { ESPACE_CONFIG_DIR: configDir } }) });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Context: gw$/m);
    expect(result.stdout).toMatch(/✗ APIs +11 reachable, 1 missing, 1 refused\./);
    expect(result.stdout).toMatch(new RegExp(`✗ usage +missing \\(HTTP 404\\) +${gateway.url}${USAGE}/usage\n`));
    expect(result.stdout).toMatch(new RegExp(`! productOrdering +refused \\(HTTP 403\\) +${gateway.url}${ORDERING}/productOrder\n`));
    expect(result.stdout).toMatch(new RegExp(`✓ troubleTicket +reachable +${gateway.url}/gw/tt${TICKETS}/troubleTicket`));
    expect(result.stdout).toMatch(/Fix: nothing answers at the path shown: .*espace context set-api gw API PATH/);
  });

  it('with a custom URL, the fix says the map belongs to a context', async () => {
    const result = await runCli(['doctor', '--json'], {
      env: cliEnv({ url: gateway.url, token: sandbox.tokens.marie, extra: { ESPACE_CONFIG_DIR: configDir } }),
    });
    const report = JSON.parse(result.stdout) as Report;
    // The custom URL uses the default paths: the tickets at the spec's path are hidden by the gateway.
    expect(probe(report, 'troubleTicket')).toMatchObject({ status: 'missing', url: `${gateway.url}${TICKETS}/troubleTicket` });
    expect(report.checks.find((item) => item.id === 'apis')!.fix).toMatch(/a custom URL uses the default paths: add a context .*--api-path API=PATH/);
  });
});
