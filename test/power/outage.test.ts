/**
 * Outages end to end: the sandbox's TMF656 serviceProblem API over HTTP, and `espace outage`
 * in-process against it (the customer's service address by default, a postal code, every area).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

const env = (token: string) => cliEnv({ url: sandbox.url, token });
const PROBLEMS = '/tmf-api/serviceProblemManagement/v4/serviceProblem';

type OutageJson = {
  id: string;
  category: string;
  status: string;
  areas: string[];
  services: string[];
  estimatedRestoration: string | null;
  resolvedAt: string | null;
};

describe('sandbox serviceProblem (TMF656)', () => {
  it('lists outages by postal code, with restoration dates relative to the sandbox clock', async () => {
    const response = await fetch(`${sandbox.url}${PROBLEMS}?affectedLocation.postCode=${encodeURIComponent('H2X 1Y4')}`, {
      headers: { authorization: `Bearer ${sandbox.tokens.marie}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-total-count')).toBe('1');
    const [problem] = (await response.json()) as Array<Record<string, unknown>>;
    expect(problem).toMatchObject({ id: 'SP-1001', status: 'inProgress', '@type': 'EspaceServiceProblem' });
    const restoration = Date.parse(String(problem!.estimatedRestorationDate));
    expect(restoration).toBeGreaterThan(Date.now());
    expect(restoration - Date.now()).toBeLessThan(4 * 3_600_000);
  });

  it('requires a token, refuses a malformed postal code and answers 404 for an unknown id', async () => {
    expect((await fetch(`${sandbox.url}${PROBLEMS}`)).status).toBe(401);
    const auth = { headers: { authorization: `Bearer ${sandbox.tokens.ci}` } };
    const bad = await fetch(`${sandbox.url}${PROBLEMS}?affectedLocation.postCode=12345`, auth);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/postal code/);
    expect((await fetch(`${sandbox.url}${PROBLEMS}/SP-9999`, auth)).status).toBe(404);
    const one = await fetch(`${sandbox.url}${PROBLEMS}/SP-1002`, auth);
    expect(((await one.json()) as { category: string }).category).toBe('plannedMaintenance');
  });
});

describe('espace outage', () => {
  it("shows the outage at the customer's service address by default", async () => {
    const result = await runCli(['outage', '--json'], { env: env(sandbox.tokens.marie) });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { postalCode: string; outages: OutageJson[] };
    expect(report.postalCode).toBe('H2X 1Y4');
    expect(report.outages.map((outage) => outage.id)).toEqual(['SP-1001']);
    expect(report.outages[0]!.services).toEqual(['internet', 'tv']);
  });

  it('shows planned maintenance for Luc (Laval) and a resolved outage for James (Ottawa), as TSV when piped', async () => {
    const luc = await runCli(['outage'], { env: env(sandbox.tokens.luc) });
    expect(luc.code, luc.stderr).toBe(0);
    expect(luc.stdout.split('\t').slice(0, 3)).toEqual(['SP-1002', 'plannedMaintenance', 'acknowledged']);
    const james = await runCli(['--lang', 'fr', 'outage', '--json'], { env: env(sandbox.tokens.james) });
    const report = JSON.parse(james.stdout) as { outages: OutageJson[] };
    expect(report.outages[0]).toMatchObject({ id: 'SP-1003', status: 'resolved' });
    expect(report.outages[0]!.resolvedAt).not.toBeNull();
  });

  it('looks up a postal code, says so when there is nothing, and lists every area with --all', async () => {
    const quiet = await runCli(['outage', '--postal-code', 'j8y'], { env: env(sandbox.tokens.marie) });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toMatch(/No outage or planned maintenance reported for J8Y/);
    const all = await runCli(['outage', '--all', '--json'], { env: env(sandbox.tokens.agent) });
    const ids = (JSON.parse(all.stdout) as { outages: OutageJson[] }).outages.map((outage) => outage.id);
    expect(ids).toHaveLength(5);
    expect(ids.at(-1)).toBe('SP-1003'); // resolved last
  });

  it('refuses a malformed postal code with a usage error, in French too', async () => {
    const result = await runCli(['--lang', 'fr', 'outage', '--postal-code', '90210'], { env: env(sandbox.tokens.marie) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/«\s90210\s» n’est pas un code postal canadien/);
  });

  it('renders a table with translated labels on a terminal', async () => {
    // Wide enough for the whole row on one line (fitting narrower terminals: test/e2e/layout-terminal.test.ts).
    const result = await runCli(['--lang', 'fr', 'outage'], { env: { ...env(sandbox.tokens.marie), COLUMNS: '200' }, tty: true });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/panne.*en cours.*Internet, Télé/);
    expect(result.stderr).toMatch(/Pannes et entretiens planifiés pour H2X 1Y4/);
  });
});

describe('espace support contact', () => {
  it('lists the channels with hours and the mail-in address, in the user’s language', async () => {
    const json = await runCli(['support', 'contact', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const contact = JSON.parse(json.stdout) as { channels: Array<{ id: string; value: string; hours: string }>; mailInPayment: { lines: string[] } };
    expect(contact.channels.map((channel) => channel.id)).toEqual(['phone', 'phoneBilling', 'email', 'chat']);
    expect(contact.mailInPayment.lines.join(' ')).toMatch(/Montréal/);
    const french = await runCli(['--lang', 'fr', 'support', 'contact'], { tty: true });
    expect(french.stdout).toMatch(/Clavardage/);
    expect(french.stdout).toMatch(/Payer par la poste/);
    expect(french.stdout).toMatch(/Espace Télécom inc\./);
  });
});
