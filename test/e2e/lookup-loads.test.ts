/**
 * What one lookup loads, through the CLI's main: every file is read, compiled and run by every
 * command, so a lookup loads only what its answer needs. The built CLI against a test sandbox in
 * its default profile (bill lines that declare their section) and in its plain one (lines that do
 * not: the products are read to tell add-ons), a preload listing the files the process loaded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliEnv } from '../helpers/env.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { loadedPreload, readLoaded } from '../helpers/loaded.js';

let standard: TestSandbox;
let plain: TestSandbox;
let home: string;
let reportingTo: ReturnType<typeof loadedPreload>;

beforeAll(async () => {
  [standard, plain] = await Promise.all([startTestSandbox(), startTestSandbox({ profile: 'plain' })]);
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-lookup-loads-'));
  reportingTo = loadedPreload(home);
}, 120_000);
afterAll(async () => {
  await Promise.all([standard?.close(), plain?.close()]);
  rmSync(home, { recursive: true, force: true });
});

let runs = 0;
async function lookup(sandbox: TestSandbox, args: string[]) {
  const loadedFile = join(home, `loaded-${++runs}.json`);
  const env = cliEnv({ url: sandbox.url, token: sandbox.tokens.agent, home, extra: reportingTo(loadedFile) });
  const result = await espace(args, { env });
  const { files, internals } = readLoaded(loadedFile);
  // The product catalog's adapter, found by its own text (chunk names change with every build).
  const catalogLoaded = files.some((file) => readFileSync(file, 'utf8').includes('/tmf-api/productCatalogManagement/v4/productOfferingPrice'));
  return { ...result, internals, catalogLoaded };
}

const BILL_SHOW = ['bill', 'show', '--account', 'BA-1001', '--json'];

it('bill show reads no product adapter when every line declares its section, nor node:crypto or node:fs/promises', async () => {
  const shown = await lookup(standard, BILL_SHOW);
  expect(shown.code, shown.stderr).toBe(0);
  expect(JSON.parse(shown.stdout)).toMatchObject({ id: expect.stringMatching(/^CB-1001-/) });
  expect(shown.catalogLoaded).toBe(false);
  // A token that needs no refresh takes no lock (fs/promises); request ids need no crypto.
  expect(shown.internals).not.toContain('NativeModule fs/promises');
  expect(shown.internals).not.toContain('NativeModule crypto');
});

it('bill show loads them, and sorts the add-ons, for a server whose lines do not say their section', async () => {
  const shown = await lookup(plain, BILL_SHOW);
  expect(shown.code, shown.stderr).toBe(0);
  expect(shown.catalogLoaded).toBe(true);
  const fromStandard = await lookup(standard, BILL_SHOW);
  const addOns = (stdout: string) => (JSON.parse(stdout) as { sections: { addOns: { lines: { id: string; kind: string }[] } } }).sections.addOns.lines;
  // The plain server's add-ons are worked out from the products: the recurring ones the default profile declares.
  const declared = addOns(fromStandard.stdout).filter((line) => line.kind === 'recurring');
  expect(declared.length).toBeGreaterThan(0);
  expect(addOns(shown.stdout).map((line) => line.id)).toEqual(expect.arrayContaining(declared.map((line) => line.id)));
});
