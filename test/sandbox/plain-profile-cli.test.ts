/**
 * The read commands, as the built CLI runs them, against the default sandbox and against the plain
 * profile (a minimal conformant TMF v4 server) over the same seed: each must give the same answer
 * (exit 0, the same JSON on stdout), leaving aside only what the plain server cannot provide
 * because it exists only as an espace extension (each case's `notProvided`), and never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import type { SeedTokens, TestSandbox } from '../helpers/sandbox.js';
import { espace, type SpawnResult } from '../helpers/spawn.js';
import { useProfilePair } from './profile-pair.js';
import { cliEnv } from '../helpers/env.js';

const pair = useProfilePair();

function run(sandbox: TestSandbox, who: keyof SeedTokens, args: string[], input?: string): Promise<SpawnResult> {
  return espace([...args, '--json'], {
    env: cliEnv({ url: sandbox.url, token: sandbox.tokens[who] }),
    ...(input !== undefined ? { input } : {}),
  });
}

/** stdout as JSON (one document, or NDJSON lines), or the raw text when it is neither. */
function parsed(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    const lines = stdout
      .trim()
      .split('\n')
      .filter((line) => line !== '');
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
 * and compatible plans (EspaceProductOffering), an outage's estimated restoration time
 * (EspaceServiceProblem). Dotted paths; `[]` stands for every item of a list.
 */
const BILL_SECTION_4 = 'sections.previousBalanceAndPayments';
const ADD_ON_RULES = ['[].requiresService', '[].compatibleWith'];
const RESTORATION = 'outages.[].estimatedRestoration';

/**
 * Which section a fee charged per product (a 9-1-1 fee) is in comes only from the `billSection`
 * characteristic: without it such a fee is a recurring charge of its product. Both answers get
 * those fees put with the service charges (subtotals moved by their amount, `formatted` left
 * out), so every line, amount and total is still compared; penalties stay fees in both.
 */
interface BillJson {
  sections: {
    serviceCharges: { lines: { id: string; kind: string; amount: { amount: number } }[]; subtotal: Record<string, unknown> & { amount: number } };
    taxesAndFees: { fees: { id: string; kind: string; amount: { amount: number } }[]; subtotal: Record<string, unknown> & { amount: number } };
  };
}
const ID_ORDER = new Intl.Collator('en', { numeric: true });
const perProductFees = (bill: BillJson) => bill.sections.taxesAndFees.fees.filter((line) => line.kind !== 'penalty');
function feesWithServiceCharges(value: unknown): unknown {
  const bill = structuredClone(value) as BillJson;
  const { serviceCharges, taxesAndFees } = bill.sections;
  const moved = perProductFees(bill);
  const total = moved.reduce((sum, line) => sum + line.amount.amount, 0);
  serviceCharges.lines = [...serviceCharges.lines, ...moved].sort((a, b) => ID_ORDER.compare(a.id, b.id));
  taxesAndFees.fees = taxesAndFees.fees.filter((line) => !moved.includes(line));
  serviceCharges.subtotal = { amount: serviceCharges.subtotal.amount + total, currency: serviceCharges.subtotal.currency };
  taxesAndFees.subtotal = { amount: taxesAndFees.subtotal.amount - total, currency: taxesAndFees.subtotal.currency };
  return bill;
}

/** What the plain server's answer must say on stderr about what it does not provide. */
const NO_SECTIONS = /this server does not provide bill sections/;
const NO_ESTIMATES = /this server does not provide estimated restoration times/;

interface LeftAside {
  /** Attributes only an extension gives (see `without`). */
  paths?: string[];
  /** Where a bill is in the answer ('' for the whole answer, or a dotted path): its per-product fees are compared with the service charges. */
  bills?: string;
  /** The notice the plain run prints about it. */
  says?: RegExp[];
}

const CASES: [name: string, who: keyof SeedTokens, args: string[], leftAside: LeftAside, input?: string][] = [
  ['bill show (the customer’s latest bill)', 'marie', ['bill', 'show'], { paths: [BILL_SECTION_4], bills: '', says: [NO_SECTIONS] }],
  ['bill show --account (an agent)', 'agent', ['bill', 'show', '--account', 'BA-3001'], { paths: [BILL_SECTION_4], bills: '', says: [NO_SECTIONS] }],
  ['bill list --account', 'agent', ['bill', 'list', '--account', 'BA-2001'], {}],
  ['bill list --state settled', 'marie', ['bill', 'list', '--state', 'settled'], {}],
  [
    'bill show --accounts-from - (bulk)',
    'agent',
    ['bill', 'show', '--accounts-from', '-'],
    { paths: [`[].data.${BILL_SECTION_4}`], bills: '[].data', says: [NO_SECTIONS] },
    'BA-1001\nBA-2001\nBA-3001\n',
  ],
  ['account show', 'marie', ['account', 'show'], {}],
  ['account show --account (an agent)', 'agent', ['account', 'show', '--account', 'BA-3001'], {}],
  ['ticket list', 'marie', ['ticket', 'list'], {}],
  ['ticket list --account (an agent)', 'agent', ['ticket', 'list', '--account', 'BA-3001'], {}],
  ['plan catalog', 'marie', ['plan', 'catalog'], { paths: ADD_ON_RULES }],
  ['plan catalog --service mobile', 'marie', ['plan', 'catalog', '--service', 'mobile'], {}],
  ['usage show', 'marie', ['usage', 'show'], {}],
  ['outage (the customer’s area)', 'marie', ['outage'], { paths: [RESTORATION], says: [NO_ESTIMATES] }],
  ['outage --postal-code', 'agent', ['outage', '--postal-code', 'H2X 1Y4'], { paths: [RESTORATION], says: [NO_ESTIMATES] }],
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

const steps = (path: string) => path.replace(/\[\]/g, '.[]').split('.').filter(Boolean);

/** `value` with `change` applied at `path` (dotted, `[]` for every item of a list). */
function at(value: unknown, path: string[], change: (found: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return change(value);
  if (head === '[]') return Array.isArray(value) ? value.map((item) => at(item, rest, change)) : value;
  if (typeof value !== 'object' || value === null || !(head in value)) return value;
  return { ...(value as Record<string, unknown>), [head]: at((value as Record<string, unknown>)[head], rest, change) };
}

function comparable(stdout: string, leftAside: LeftAside): unknown {
  const kept = (leftAside.paths ?? []).reduce((value, path) => without(value, steps(path)), parsed(stdout));
  return leftAside.bills === undefined ? kept : at(kept, steps(leftAside.bills), feesWithServiceCharges);
}

/** Every bill at `path` in an answer. */
function billsIn(value: unknown, path: string): BillJson[] {
  const found: BillJson[] = [];
  at(value, steps(path), (bill) => found.push(bill as BillJson));
  return found;
}

describe('read commands against the default and the plain profile', () => {
  it.each(CASES)('%s gives the same answer', async (_name, who, args, leftAside, input) => {
    const [fromPlain, fromStandard] = await Promise.all([run(pair.plain, who, args, input), run(pair.standard, who, args, input)]);
    expect(fromStandard.code, fromStandard.stderr).toBe(0);
    // The comparison is not vacuous: what is left aside is there in the default profile's answer.
    for (const path of leftAside.paths ?? []) expect(without(parsed(fromStandard.stdout), steps(path))).not.toEqual(parsed(fromStandard.stdout));
    expect(fromPlain.stderr).not.toMatch(/unexpected|\n\s+at /i);
    expect({ code: fromPlain.code, stdout: comparable(fromPlain.stdout, leftAside) }, fromPlain.stderr).toEqual({
      code: 0,
      stdout: comparable(fromStandard.stdout, leftAside),
    });
    // What the plain server cannot give is said, not guessed: a notice, and nothing in its place.
    for (const notice of leftAside.says ?? []) {
      expect(fromPlain.stderr).toMatch(notice);
      expect(fromStandard.stderr).not.toMatch(notice);
    }
    if (leftAside.bills !== undefined) {
      for (const bill of billsIn(parsed(fromPlain.stdout), leftAside.bills)) {
        expect(bill.sections).toMatchObject({ previousBalanceAndPayments: { previousBalance: null, payments: [] } });
        expect(perProductFees(bill)).toEqual([]);
      }
    }
    if (leftAside.paths?.includes(RESTORATION)) {
      for (const outage of (parsed(fromPlain.stdout) as { outages: { estimatedRestoration: unknown }[] }).outages)
        expect(outage.estimatedRestoration).toBeNull();
    }
  });

  it('the per-product fees the plain server cannot place are there in the default answer', async () => {
    const fromStandard = await run(pair.standard, 'marie', ['bill', 'show']);
    expect(perProductFees(parsed(fromStandard.stdout) as BillJson).length).toBeGreaterThan(0);
  });
});
