/**
 * `profile show` and `profile set` against a real sandbox (TMF632 individual, TMF673 address
 * validation), and the promise that invalid values are refused before any request: those runs
 * point at a server that records every request it receives, and it must receive none.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/prompt.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let recorder: Server;
let recorderUrl: string;
const received: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  recorder = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => recorder?.close(resolve));
  await sandbox?.close();
});

const env = (token: string) => cliEnv({ url: sandbox.url, token });

describe('profile set: invalid values never reach the server', () => {
  const cases: [string, string[], RegExp][] = [
    ['email', ['--email', 'marie@@example'], /--email: "marie@@example" is not a valid email address/],
    ['email without domain dot', ['--email', 'marie@localhost'], /--email/],
    ['phone', ['--phone', '555-1234'], /--phone: "555-1234" is not a valid Canadian phone number/],
    ['foreign phone', ['--phone', '+33 1 23 45 67 89'], /--phone/],
    ['postal code', ['--postal-code', 'H2X 1Y'], /--postal-code: "H2X 1Y" is not a Canadian postal code/],
    ['postal code letters', ['--postal-code', 'D2X 1Y4'], /--postal-code/],
    ['province', ['--province', 'XX'], /--province: "XX" is not a Canadian province or territory code \(.*QC.*\)/],
    ['postal code of another province', ['--province', 'ON', '--postal-code', 'H2X 1Y4'], /--postal-code: H2X 1Y4 is not a postal code of ON/],
    ['language', ['--language', 'de'], /--language/],
    ['name', ['--given-name', '1234'], /--given-name/],
  ];
  for (const [what, args, message] of cases) {
    it(`refuses a bad ${what} with a message naming the field`, async () => {
      const before = received.length;
      const result = await runCli(['profile', 'set', ...args, '--yes'], {
        env: cliEnv({ url: recorderUrl, token: 'esp_at_never-sent' }),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(received.length - before).toBe(0);
    });
  }

  it('and the recorder does see requests when the values are valid (the proof can fail)', async () => {
    const before = received.length;
    const result = await runCli(['profile', 'set', '--phone', '514 555-0199', '--yes'], {
      env: cliEnv({ url: recorderUrl, token: 'esp_at_never-sent' }),
    });
    expect(result.code).not.toBe(0);
    expect(received.length - before).toBeGreaterThan(0);
  });
});

describe('profile against the sandbox', () => {
  it('shows the holder, in a table or as JSON', async () => {
    const text = await runCli(['profile', 'show'], { env: env(sandbox.tokens.marie) });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Name\s+Marie Tremblay/);
    expect(text.stdout).toMatch(/Mailing address\s+1234, rue Saint-Denis, Apt 5, Montréal \(QC\) H2X 1Y4/);
    const json = JSON.parse((await runCli(['profile', 'show', '--json'], { env: env(sandbox.tokens.marie) })).stdout);
    expect(json).toMatchObject({ id: 'IND-1001', email: 'marie.tremblay@example.com', phone: '+1 514-555-0142', language: 'fr' });
  });

  it('lets a customer see only themselves, and an agent anyone', async () => {
    const other = await runCli(['profile', 'show', '--user', 'IND-2001'], { env: env(sandbox.tokens.marie) });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/not found|404/i);
    const agent = await runCli(['profile', 'show', '--user', 'IND-2001', '--json'], { env: env(sandbox.tokens.agent) });
    expect(JSON.parse(agent.stdout)).toMatchObject({ givenName: 'James', address: { province: 'ON' } });
  });

  it('saves checked values, normalized, showing before and after', async () => {
    const result = await runCli(
      [
        'profile',
        'set',
        '--phone',
        '(613) 555-0199',
        '--street',
        '150 Wellington Street',
        '--city',
        'ottawa',
        '--postal-code',
        'k1a0a9',
        '--language',
        'fr',
        '--yes',
        '--json',
      ],
      { env: env(sandbox.tokens.james) },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Phone\s+\+1 613-555-0177\s+→\s+\+1 613-555-0199/);
    // The unit stays with the new street (it is shown the reader's way).
    expect(result.stderr).toMatch(
      /Mailing address\s+150 Elgin Street, Apt 1204, Ottawa \(ON\) K1P 5G4\s+→\s+150 Wellington Street, Apt 1204, Ottawa \(ON\) K1A 0A9/,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({
      phone: '+1 613-555-0199',
      language: 'fr',
      address: { street1: '150 Wellington Street', city: 'Ottawa', province: 'ON', postalCode: 'K1A 0A9' },
    });
    // The billing account's mailing address follows.
    const account = await fetch(`${sandbox.url}/tmf-api/accountManagement/v4/billingAccount/BA-2001`, {
      headers: { authorization: `Bearer ${sandbox.tokens.james}` },
    });
    expect(JSON.stringify(await account.json())).toContain('K1A 0A9');
  });

  it('keeps the apartment when the street changes, sets it with --unit, removes it with --no-unit; App. in French, Apt in English', async () => {
    const set = async (...args: string[]) => {
      const result = await runCli(['profile', 'set', ...args, '--yes', '--json'], { env: env(sandbox.tokens.marie) });
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout).address as { street1: string; street2?: string };
    };
    const show = async (lang: string) => (await runCli(['--lang', lang, 'profile', 'show'], { env: env(sandbox.tokens.marie) })).stdout;

    expect(await show('fr')).toMatch(/1234, rue Saint-Denis, App\. 5, Montréal/);
    expect(await show('en')).toMatch(/1234, rue Saint-Denis, Apt 5, Montréal/);
    // A new street: the apartment is kept, not dropped.
    expect(await set('--street', '1200, rue Sherbrooke Est', '--postal-code', 'H2L 1L9')).toMatchObject({
      street1: '1200, rue Sherbrooke Est',
      street2: 'App. 5',
    });
    // Set explicitly (stored in the customer's language, French for Marie), shown in the reader's.
    expect(await set('--unit', '12B')).toMatchObject({ street2: 'App. 12B' });
    expect(await show('en')).toMatch(/1200, rue Sherbrooke Est, Apt 12B, Montréal/);
    expect(await set('--unit', 'apt 7')).toMatchObject({ street2: 'App. 7' });
    // Removed.
    const none = await set('--no-unit');
    expect(none.street2).toBeUndefined();
    expect(await show('fr')).toMatch(/1200, rue Sherbrooke Est, Montréal/);
    // A bad unit is refused before anything is sent.
    const bad = await runCli(['profile', 'set', '--unit', '5; DROP', '--yes'], { env: env(sandbox.tokens.marie) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--unit: "5; DROP" is not an apartment or unit number/);
    // Put back as it was for the other tests.
    await set('--street', '1234, rue Saint-Denis', '--postal-code', 'H2X 1Y4', '--unit', '5');
  });

  it('offers the operator’s spelling of a near-miss city on a terminal, and names it in scripts', async () => {
    const script = await runCli(['profile', 'set', '--city', 'Montreal', '--yes'], { env: env(sandbox.tokens.luc) });
    expect(script.code).toBe(2);
    expect(script.stderr).toMatch(/not known in QC.*Did you mean .*Montréal/);

    const prompt = scriptedPrompter([true, true]);
    const terminal = await runCli(['profile', 'set', '--street', '10, rue Sainte-Catherine Ouest', '--city', 'Montreal', '--postal-code', 'H3B 1A1'], {
      env: env(sandbox.tokens.luc),
      prompt,
      tty: true,
    });
    expect(terminal.code, terminal.stderr).toBe(0);
    expect(prompt.asked[0]).toMatch(/^Use 10, rue Sainte-Catherine Ouest, Montréal \(QC\) H3B 1A1 instead\?$/);
    expect(prompt.asked[1]).toBe('Save these changes?');
    const json = JSON.parse((await runCli(['profile', 'show', '--json'], { env: env(sandbox.tokens.luc) })).stdout);
    expect(json.address).toMatchObject({ city: 'Montréal', postalCode: 'H3B 1A1' });
  });

  it('refuses an address the operator cannot validate, and saves nothing when not confirmed', async () => {
    const unknown = await runCli(['profile', 'set', '--city', 'Springfield', '--yes'], { env: env(sandbox.tokens.marie) });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/could not validate the address: city "Springfield" is not known in QC/);

    const declined = await runCli(['profile', 'set', '--email', 'marie.t@example.org'], {
      env: env(sandbox.tokens.marie),
      prompt: scriptedPrompter([false]),
      tty: true,
    });
    expect(declined.code).toBe(130);
    const noTerminal = await runCli(['profile', 'set', '--email', 'marie.t@example.org'], { env: env(sandbox.tokens.marie) });
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toMatch(/--yes/);
    const json = JSON.parse((await runCli(['profile', 'show', '--json'], { env: env(sandbox.tokens.marie) })).stdout);
    expect(json.email).toBe('marie.tremblay@example.com');
  });

  it('asks for each field on a terminal when none is given, the current value as default', async () => {
    const answers = [
      'Marie',
      'Tremblay-Roy',
      'marie.tremblay@example.com',
      '+1 514-555-0142',
      '1234, rue Saint-Denis',
      '5',
      'Montréal',
      'QC',
      'H2X 1Y4',
      'fr',
      true,
    ];
    const prompt = scriptedPrompter(answers);
    const result = await runCli(['profile', 'set'], { env: env(sandbox.tokens.marie), prompt, tty: true });
    expect(result.code, result.stderr).toBe(0);
    expect(prompt.asked.slice(0, 3)).toEqual(['Given name', 'Family name', 'Email']);
    expect(result.stderr).toMatch(/Name\s+Marie Tremblay\s+→\s+Marie Tremblay-Roy/);
    expect(result.stderr).not.toMatch(/Email\s.*→/);
  });

  it('the sandbox itself refuses invalid values (a client that skips the checks)', async () => {
    const patch = (body: unknown) =>
      fetch(`${sandbox.url}/tmf-api/party/v4/individual/IND-3001`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${sandbox.tokens.luc}`, 'content-type': 'application/merge-patch+json' },
        body: JSON.stringify(body),
      });
    expect((await patch({ contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: 'nope' } }] })).status).toBe(400);
    expect((await patch({ contactMedium: [{ mediumType: 'phone', characteristic: { phoneNumber: '123' } }] })).status).toBe(400);
    const address = { street1: '1 rue X', city: 'Laval', stateOrProvince: 'ON', postCode: 'H7M 1Y8' };
    const wrongProvince = await patch({ contactMedium: [{ mediumType: 'postalAddress', characteristic: address }] });
    expect(wrongProvince.status).toBe(400);
    expect(((await wrongProvince.json()) as { message: string }).message).toMatch(/not in ON/);
    expect((await patch({ birthDate: '1990-01-01' })).status).toBe(400);
  });

  it('the sandbox refuses a valid address outside the provinces it bills, and changes nothing', async () => {
    const account = async () => {
      const response = await fetch(`${sandbox.url}/tmf-api/accountManagement/v4/billingAccount/BA-3001`, {
        headers: { authorization: `Bearer ${sandbox.tokens.luc}` },
      });
      const { contact, lastModified } = (await response.json()) as { contact: unknown; lastModified: string };
      return { contact, lastModified };
    };
    const before = await account();
    const response = await fetch(`${sandbox.url}/tmf-api/party/v4/individual/IND-3001`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${sandbox.tokens.luc}`, 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({
        givenName: 'Lucien',
        contactMedium: [
          { mediumType: 'postalAddress', characteristic: { street1: '800 Robson Street', city: 'Vancouver', stateOrProvince: 'BC', postCode: 'V6Z 2E7' } },
        ],
      }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toMatch(/province the operator serves \(QC, ON\); BC/);
    expect(await account()).toEqual(before);
    const individual = (await (
      await fetch(`${sandbox.url}/tmf-api/party/v4/individual/IND-3001`, { headers: { authorization: `Bearer ${sandbox.tokens.luc}` } })
    ).json()) as { givenName: string };
    expect(individual.givenName).not.toBe('Lucien');
  });
});
