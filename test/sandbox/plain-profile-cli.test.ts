/**
 * The read commands, as the built CLI runs them, against the default sandbox and against the plain
 * profile (a minimal conformant TMF v4 server) over the same seed: each must give the same answer
 * (exit 0, the same JSON on stdout), leaving aside only what the plain server cannot provide
 * because it exists only as an espace extension (each case's `notProvided`), and never a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type SeedTokens, type TestSandbox } from '../helpers/sandbox.js';
import { espace, type SpawnResult } from '../helpers/spawn.js';

let plain: TestSandbox;
let standard: TestSandbox;

beforeAll(async () => {
  [plain, standard] = await Promise.all([
    startTestSandbox({ seedAnchor: '2026-11-01', profile: 'plain' }),
    startTestSandbox({ seedAnchor: '2026-11-01' }),
  ]);
});
afterAll(async () => {
  await Promise.all([plain?.close(), standard?.close()]);
});

function run(sandbox: TestSandbox, who: keyof SeedTokens, args: string[], input?: string): Promise<SpawnResult> {
  return espace([...args, '--json'], {
    env: { ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens[who], ESPACE_CONFIG_DIR: '/nonexistent/espace', ESPACE_DATA_DIR: '/nonexistent/espace' },
    ...(input !== undefined ? { input } : {}),
  });
}

/** stdout as JSON (one document, or NDJSON lines), or the raw text when it is neither. */
function parsed(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    const lines = stdout.trim().split('\n').filter((line) => line !== '');
    try {
      return lines.map((line) => JSON.parse(line) as unknown).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    } catch {
      return stdout;
    }
  }
}

/**
 * Parts of an answer that come only from espace's extensions, so the plain server cannot give them:
 * a bill's previous balance and payments received (EspaceCustomerBill), an add-on's required service
 * and compatible plans (EspaceProductOffering). Dotted paths; `[]` stands for every item of a list.
 */
const BILL_SECTION_4 = 'sections.previousBalanceAndPayments';
const ADD_ON_RULES = ['[].requiresService', '[].compatibleWith'];

const CASES: [name: string, who: keyof SeedTokens, args: string[], notProvided: string[], input?: string][] = [
  ['bill show (the customer’s latest bill)', 'marie', ['bill', 'show'], [BILL_SECTION_4]],
  ['bill show --account (an agent)', 'agent', ['bill', 'show', '--account', 'BA-3001'], [BILL_SECTION_4]],
  ['bill list --account', 'agent', ['bill', 'list', '--account', 'BA-2001'], []],
  ['bill list --state settled', 'marie', ['bill', 'list', '--state', 'settled'], []],
  ['bill show --accounts-from - (bulk)', 'agent', ['bill', 'show', '--accounts-from', '-'], [`[].data.${BILL_SECTION_4}`], 'BA-1001\nBA-2001\nBA-3001\n'],
  ['account show', 'marie', ['account', 'show'], []],
  ['account show --account (an agent)', 'agent', ['account', 'show', '--account', 'BA-3001'], []],
  ['ticket list', 'marie', ['ticket', 'list'], []],
  ['ticket list --account (an agent)', 'agent', ['ticket', 'list', '--account', 'BA-3001'], []],
  ['plan catalog', 'marie', ['plan', 'catalog'], ADD_ON_RULES],
  ['plan catalog --service mobile', 'marie', ['plan', 'catalog', '--service', 'mobile'], []],
  ['usage show', 'marie', ['usage', 'show'], []],
  ['outage (the customer’s area)', 'marie', ['outage'], []],
  ['outage --postal-code', 'agent', ['outage', '--postal-code', 'H2X 1Y4'], []],
];

/** A copy of `value` without the attributes at `path` (dotted, `[]` for every item of a list). */
function without(value: unknown, path: string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (head === '[]') return Array.isArray(value) ? value.map((item) => without(item, rest)) : value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0) delete copy[head];
  else if (head in copy) copy[head] = without(copy[head], rest);
  return copy;
}

function comparable(stdout: string, notProvided: readonly string[]): unknown {
  return notProvided.reduce((value, path) => without(value, path.replace(/\[\]/g, '.[]').split('.').filter(Boolean)), parsed(stdout));
}

describe('read commands against the default and the plain profile', () => {
  it.each(CASES)('%s gives the same answer', async (_name, who, args, notProvided, input) => {
    const [fromPlain, fromStandard] = await Promise.all([run(plain, who, args, input), run(standard, who, args, input)]);
    expect(fromStandard.code, fromStandard.stderr).toBe(0);
    // The comparison is not vacuous: what is left aside is there in the default profile's answer.
    if (notProvided.length > 0) expect(comparable(fromStandard.stdout, notProvided)).not.toEqual(parsed(fromStandard.stdout));
    expect(fromPlain.stderr).not.toMatch(/unexpected|\n\s+at /i);
    expect({ code: fromPlain.code, stdout: comparable(fromPlain.stdout, notProvided) }, fromPlain.stderr).toEqual({
      code: 0,
      stdout: comparable(fromStandard.stdout, notProvided),
    });
  });
});
