/**
 * Secrets never leak: the payment flows run with canary card number, CVV, bank account number,
 * password and token, and every byte the CLI wrote — stdout, stderr, the payment journal, every
 * file of its config and data directories, the sandbox's database — is searched for them.
 */
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryVault, runCli, type CliResult } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startTestSandbox, TEST_PASSWORD_COST, type TestSandbox } from '../helpers/sandbox.js';
import { runProgram, waitForFile } from '../helpers/program.js';
import { espace, SANDBOX_PROGRAM } from '../helpers/spawn.js';
import { passwordToken } from '../helpers/tokens.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

const CANARY = {
  cardNumber: '4917731209584360',
  cardNumberTyped: '4917 7312 0958 4360',
  cvv: '7193',
  bankAccount: '481516234299',
  password: 'Canary-Passw0rd-Zq8!',
};

let sandbox: TestSandbox;
let proxy: FaultProxy;
let home: string;
const outputs: CliResult[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  proxy = await startFaultProxy(sandbox.url, (method, path) => method === 'POST' && path.startsWith('/paymentManagement/'));
  home = await mkdtemp(join(tmpdir(), 'espace-canary-'));
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else found.push(path);
  }
  return found;
}

describe('canary secrets', () => {
  it('appear nowhere the payment flows write', async () => {
    const env = cliEnv({ url: proxy.url, token: sandbox.tokens.marie, home });
    const run = async (argv: string[], options: { stdin?: string } = {}) => {
      const result = await runCli(['--verbose', ...argv], { env, ...options });
      outputs.push(result);
      return result;
    };

    // A card and a bank account, from stdin; a bad CVV and a bad number first (the errors must not echo them).
    await run(['payment-method', 'add'], { stdin: `${CANARY.cardNumberTyped}\n12/31\n${CANARY.cvv}0\n` });
    await run(['payment-method', 'add'], { stdin: `${CANARY.cardNumber.slice(0, -1)}1\n12/31\n${CANARY.cvv}\n` });
    const card = JSON.parse((await run(['payment-method', 'add', '--json'], { stdin: `${CANARY.cardNumberTyped}\n12/31\n${CANARY.cvv}\n` })).stdout);
    expect(card.lastFour).toBe('4360');
    await run(['payment-method', 'add', '--bank', '--default'], { stdin: `001\n00011\n${CANARY.bankAccount}\n` });
    await run(['payment-method', 'list']);
    await run(['payment-method', 'list', '--json']);

    // Payments: one that works, one whose outcome is unknown and is then reconciled.
    expect((await run(['pay', '--yes', '--amount', '5', '--method', card.id])).code).toBe(0);
    proxy.plan('loseResponse', 'loseResponse', 'loseResponse');
    expect((await run(['pay', '--yes', '--amount', '5', '--method', card.id])).code).toBe(5);
    await run(['payment', 'reconcile']);
    await run(['payment', 'list']);
    await run(['autopay', 'enable', '--accept-terms']);
    await run(['autopay', 'status', '--json']);

    // A login with a wrong canary password (through stdin).
    const login = await runCli(['--verbose', 'auth', 'login', '--username', 'marie.tremblay', '--password-stdin'], {
      env: { ...env, ESPACE_TOKEN: undefined, ESPACE_API_URL: sandbox.url },
      stdin: `${CANARY.password}\n`,
      vault: new MemoryVault(),
    });
    outputs.push(login);
    expect(login.code).not.toBe(0);

    const written = await Promise.all(
      [...(await filesUnder(join(home, 'config'))), ...(await filesUnder(join(home, 'data'))), ...(await filesUnder(sandbox.dataDir))].map(async (path) => ({
        path,
        text: (await readFile(path)).toString('latin1'),
      })),
    );
    expect(written.some((file) => file.path.includes('payment-journal'))).toBe(false); // reconciled, so empty
    const haystacks = [
      ...outputs.flatMap((result, index) => [
        { where: `stdout #${index}`, text: result.stdout },
        { where: `stderr #${index}`, text: result.stderr },
      ]),
      ...written.map((file) => ({ where: file.path, text: file.text })),
    ];
    expect(haystacks.length).toBeGreaterThan(20);
    const needles = [CANARY.cardNumber, CANARY.cardNumberTyped, CANARY.bankAccount, CANARY.password, sandbox.tokens.marie];
    for (const { where, text } of haystacks) {
      for (const needle of needles) expect(text.includes(needle), `${needle} in ${where}`).toBe(false);
      expect(new RegExp(`(?<![0-9a-f])${CANARY.cvv}(?![0-9a-f])`).test(text), `CVV in ${where}`).toBe(false);
    }
  });
});

describe('canary secrets and the sandbox program', () => {
  it('never reach its request log, even when the built CLI sends them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'espace-canary-sandbox-'));
    const server = runProgram(SANDBOX_PROGRAM, ['--data', dir, '--port', '0', '--log', '--password-cost', String(TEST_PASSWORD_COST)]);
    const log = () => server.stdout() + server.stderr();
    try {
      await waitForFile(dir, 'sandbox.json', server);
      const state = join(dir, 'sandbox.json');
      const { url } = JSON.parse(await readFile(state, 'utf8')) as { url: string };
      const token = (await passwordToken(url, 'marie.tremblay', DEMO_PASSWORD)).access_token;
      const env = cliEnv({ url, token, extra: { ESPACE_CONFIG_DIR: join(dir, 'cli-config'), ESPACE_DATA_DIR: join(dir, 'cli-data') } });
      const cli = async (args: string[], input: string, extraEnv: Record<string, string | undefined> = {}) => {
        const result = await espace(['--verbose', ...args], { env: { ...env, ...extraEnv }, input });
        return result.stdout + result.stderr;
      };
      const outputs = [
        await cli(['payment-method', 'add', '--json'], `${CANARY.cardNumber}\n12/31\n${CANARY.cvv}\n`),
        await cli(['payment-method', 'add', '--bank'], `002\n00022\n${CANARY.bankAccount}\n`),
        await cli(['pay', '--yes', '--amount', '3'], ''),
        await cli(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin', '--insecure-storage'], `${CANARY.password}\n`, {
          ESPACE_TOKEN: undefined,
        }),
      ];
      expect(outputs[0]).toContain('4360');
      expect(log()).toMatch(/paymentMethod/); // the log is on and saw the requests
      for (const text of [log(), ...outputs]) {
        for (const needle of [CANARY.cardNumber, CANARY.bankAccount, CANARY.password, token]) expect(text.includes(needle), needle).toBe(false);
        expect(new RegExp(`(?<![0-9a-f])${CANARY.cvv}(?![0-9a-f])`).test(text)).toBe(false);
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exit;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
