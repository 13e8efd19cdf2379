#!/usr/bin/env node
// The read commands against a server nobody on this project wrote: a Prism mock of the official
// TMF v4 specifications (../shared/tmf), once with the specs' static examples and once with
// dynamic data from a fixed seed. Every command runs with --json and without, plus a bulk run; a
// run passes when it exits 0, or 1/3 with a clear error (not "unexpected failure", no stack
// trace, a bad answer naming its field), or 2 with a usage error naming the flag to give, prints
// no escape sequence (ESC, C1) on stdout or stderr, and (--json) names no other account than the
// one asked for. A table of results ends the run; any failure fails it.
//
// All the specs are served by one Prism per mode: they are merged into one Swagger document, each
// API under its mount point, each spec's definitions under its own prefix (they share names such
// as Money and RelatedParty with different shapes). Two APIs are mounted where real gateways put
// them rather than at the spec's base path, and the CLI reaches them through its context's API map.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, scratch } from './prism-harness.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const shared = resolve(arg('--shared', '../shared'));
const prismDir = resolve(arg('--prism-dir', '.ci-prism'));
const modes = (arg('--modes', 'static,dynamic') ?? '').split(',').filter(Boolean);
const root = fileURLToPath(new URL('..', import.meta.url));
const prism = join(prismDir, 'node_modules/.bin/prism');
const yaml = createRequire(join(prismDir, 'node_modules/'))('js-yaml');

/** The API names of espace's API map (src/api/api-map.ts), with their specification files. */
const SPECS = [
  { api: 'customerBill', file: 'TMF678-Customer_Bill-v4.0.0.swagger.json' },
  { api: 'account', file: 'TMF666-Account-v4.1.0.swagger.json' },
  { api: 'payment', file: 'TMF676-Payment-v4.0.0.swagger.json' },
  { api: 'paymentMethod', file: 'TMF670-PaymentMethod-v4.0.0.swagger.json' },
  { api: 'productCatalog', file: 'TMF620-ProductCatalog-v4.0.0.swagger.yaml' },
  { api: 'productInventory', file: 'TMF637-ProductInventory-v4.0.0.swagger.json' },
  { api: 'productOrdering', file: 'TMF622-ProductOrdering-v4.0.0.swagger.json' },
  { api: 'party', file: 'TMF632-Party-v4.0.0.swagger.json' },
  { api: 'troubleTicket', file: 'TMF621-TroubleTicket-v4.0.0.swagger.json' },
  { api: 'usage', file: 'TMF635-Usage-v4.0.0.swagger.json' },
  { api: 'serviceProblem', file: 'TMF656-ServiceProblem-v4.0.0.swagger.json' },
  { api: 'geographicAddress', file: 'TMF673-GeographicAddress-v4.0.1.swagger.json' },
  { api: 'openid', file: 'TMF691-FederatedID-v4.0.swagger.json' },
];
/** Where gateways seen in the field mount these APIs (not the specs' base paths). */
const MOUNTED = {
  serviceProblem: '/tmf-api/serviceProblem/v4',
  productCatalog: '/r1-productcatalogmanagement/tmf-api/productCatalogManagement/v4',
};

const ACCOUNT = 'BA-1001';
const OTHER_ACCOUNTS = ['BA-1002', 'BA-2001'];
const CONCURRENCY = 2;
/** A run still going after this is killed, and fails: a command must not hang on a slow server. */
const RUN_TIMEOUT_MS = 120_000;

const { dir: work, children } = scratch('espace-mock-conformance-');

/** One Swagger 2.0 document serving every spec at its mount point. */
function mergedSpec() {
  const merged = {
    swagger: '2.0',
    info: { title: 'TMF v4 APIs espace speaks (merged for a mock)', version: '4' },
    basePath: '/',
    schemes: ['http'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {},
    definitions: {},
    // Dynamic answers fake every optional field (Prism's setting); TMF637/TMF622 nest products in
    // products, so unbounded arrays make megabytes per answer. Two items per array keep lists
    // lists and answers small enough for a CI run.
    'x-json-schema-faker': { 'max-items': 2 },
  };
  const notes = [];
  for (const { api, file } of SPECS) {
    const text = readFileSync(join(shared, 'tmf', file), 'utf8');
    const spec = file.endsWith('.yaml') ? yaml.load(text) : JSON.parse(text);
    const prefix = `${file.split('-')[0]}_`;
    const mount = MOUNTED[api] ?? (spec.basePath ?? '/').replace(/\/+$/, '');
    const missing = new Set();
    const rewrite = (node) => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (node === null || typeof node !== 'object') return node;
      const out = {};
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')) {
          const name = value.slice('#/definitions/'.length);
          if (!(name in (spec.definitions ?? {}))) missing.add(name);
          out[key] = `#/definitions/${prefix}${name}`;
        } else {
          out[key] = rewrite(value);
        }
      }
      return out;
    };
    for (const [name, schema] of Object.entries(spec.definitions ?? {})) merged.definitions[`${prefix}${name}`] = rewrite(schema);
    // A file that refers to a definition it lacks (TMF691's Identification) gets an open object.
    for (const name of missing) merged.definitions[`${prefix}${name}`] = { type: 'object' };
    if (missing.size > 0) notes.push(`${file} refers to undefined ${[...missing].join(', ')} (served as open objects)`);
    for (const [path, item] of Object.entries(spec.paths)) {
      const copy = rewrite(item);
      for (const operation of Object.values(copy)) {
        if (operation === null || typeof operation !== 'object' || Array.isArray(operation)) continue;
        if (operation.operationId) operation.operationId = `${prefix}${operation.operationId}`;
        operation.produces ??= spec.produces;
        operation.consumes ??= spec.consumes;
      }
      merged.paths[`${mount}${path}`] = copy;
    }
  }
  return { merged, notes };
}

async function startPrism(mode, specFile) {
  const port = await freePort();
  const args = ['mock', '-h', '127.0.0.1', '-p', String(port), ...(mode === 'dynamic' ? ['--dynamic', '--seed', '1'] : []), specFile];
  const child = spawn(prism, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  await new Promise((ready, fail) => {
    // A ceiling for a Prism that hangs: on a machine busy with a test suite it starts slowly.
    const timer = setTimeout(() => fail(new Error(`prism (${mode}) did not start within 600 s:\n${log.slice(-2000)}`)), 600_000);
    const watch = () => {
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout.on('data', watch);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`prism (${mode}) exited ${code}:\n${log.slice(-2000)}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      children.delete(child);
      child.kill('SIGTERM');
    },
  };
}

function espace(args, env, input) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin/espace.js'), ...args], {
      env: { ...process.env, LANG: 'en_CA.UTF-8', NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      done({ code: code ?? (signal ? `killed (${signal})` : -1), stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const ESCAPES = /[\u001b\u0080-\u009f]/;
const STACK = /\n\s+at .+[:(]/;

/** Why a run fails the rule, or undefined when it passes. */
function verdict(run, result) {
  const { code, stdout, stderr } = result;
  if (ESCAPES.test(stdout)) return 'escape sequence on stdout';
  if (ESCAPES.test(stderr)) return 'escape sequence on stderr';
  if (STACK.test(stdout) || STACK.test(stderr)) {
    const text = STACK.test(stderr) ? stderr : stdout;
    const at = text.search(STACK);
    return `stack trace: ${text
      .slice(Math.max(0, at - 300), at + 200)
      .trim()
      .replace(/\n/g, '\n       ')}`;
  }
  if (/unexpected failure|échec inattendu/i.test(stderr)) return `unexpected failure: ${firstError(stderr)}`;
  // Exit 2 is a usage error: allowed only where the server's data leaves a value the user must give,
  // and the error names the flag to give it with (DESIGN: "a missing value is a usage error naming
  // the flag"), e.g. several accounts visible and no --account.
  const usageNamingFlag = code === 2 && /^error:.*\s--[a-z][a-z-]+/im.test(stderr);
  if (code !== 0 && code !== 1 && code !== 3 && !usageNamingFlag) return `exit ${code}: ${firstError(stderr) || '(no message)'}`;
  // A bulk run's records are its errors: one that is "unexpected" is the same failure, per account.
  const unexpectedRecord = stdout.split('\n').find((line) => /"code":\s*"unexpected"|unexpected failure/i.test(line));
  if (run.bulk && unexpectedRecord) return `unexpected failure in a record: ${unexpectedRecord.slice(0, 200)}`;
  if (code === 1 || code === 3) {
    if (code === 1 && !/^error:/im.test(stderr)) return 'exit 1 without an error message';
    const bad = stderr.match(/cannot use \(([^)]*)\)/);
    // A bad answer must say which field: zod's issues carry a path ("amountDue.value: …").
    if (bad && !/[A-Za-z@][\w@.[\]-]*\s*:/.test(bad[1].replace(/^[^:]+:/, ''))) return `bad answer without a field: ${firstError(stderr)}`;
  }
  if (run.json && stdout.trim() !== '') {
    const values = [];
    try {
      if (run.bulk) for (const line of stdout.trim().split('\n')) values.push(JSON.parse(line));
      else values.push(JSON.parse(stdout));
    } catch {
      return 'stdout is not JSON';
    }
    const foreign = otherAccount(run, values);
    if (foreign) return foreign;
  }
  return undefined;
}

/** The account ids an output names anywhere (`account`, `accountId`, `billingAccount` or its `id`). */
function accountsIn(node, found = new Set()) {
  if (Array.isArray(node)) node.forEach((item) => accountsIn(item, found));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (/^(account|accountId|billingAccount)$/.test(key) && typeof value === 'string') found.add(value);
      else if (key === 'billingAccount' && typeof value?.id === 'string') found.add(value.id);
      accountsIn(value, found);
    }
  }
  return found;
}

/** Another account's data where the run asked for one account (or a bulk record is for one). */
function otherAccount(run, values) {
  for (const value of values) {
    const asked = run.bulk ? value?.account : run.account;
    if (asked === undefined || (run.bulk && !value?.ok)) continue;
    const shown = [...accountsIn(run.bulk ? value.data : value)].filter((id) => id !== asked);
    if (shown.length > 0) return `asked for ${asked}, the output names ${shown.slice(0, 3).join(', ')}`;
  }
  return undefined;
}

function firstError(stderr) {
  const line = stderr.split('\n').find((text) => /^error:/i.test(text)) ?? stderr.split('\n').find((text) => text.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** The read commands (src/cli/program.ts); `account` marks the runs that asked for one account. */
function commands(accountsFile) {
  const a = ['--account', ACCOUNT];
  return [
    { args: ['auth', 'status'] },
    { args: ['doctor'] },
    { args: ['context', 'show'] },
    { args: ['account', 'show', ...a], account: ACCOUNT },
    { args: ['bill', 'list', ...a], account: ACCOUNT },
    { args: ['bill', 'list'] },
    { args: ['bill', 'show', ...a], account: ACCOUNT },
    { args: ['bill', 'show', 'latest'] },
    { args: ['bill', 'show', 'CB-1001', ...a], account: ACCOUNT },
    { args: ['bill', 'explain', ...a], account: ACCOUNT },
    { args: ['bill', 'diff', ...a], account: ACCOUNT },
    { args: ['plan', 'show', ...a], account: ACCOUNT },
    { args: ['plan', 'catalog'] },
    { args: ['addon', 'list', ...a], account: ACCOUNT },
    { args: ['usage', 'show', ...a], account: ACCOUNT },
    { args: ['profile', 'show'] },
    { args: ['ticket', 'list', ...a], account: ACCOUNT },
    { args: ['ticket', 'list'] },
    { args: ['ticket', 'show', 'TT-1001'] },
    { args: ['outage', ...a], account: ACCOUNT },
    { args: ['outage', '--postal-code', 'H2X'] },
    { args: ['outage', '--all'] },
    { args: ['payment', 'list', ...a], account: ACCOUNT },
    { args: ['payment', 'show', 'PAY-1001'] },
    { args: ['payment-method', 'list', ...a], account: ACCOUNT },
    { args: ['autopay', 'status', ...a], account: ACCOUNT },
    { args: ['order', 'list', ...a], account: ACCOUNT },
    { args: ['order', 'show', 'PO-1001'] },
    { args: ['bill', 'show', '--accounts-from', accountsFile], bulk: true },
  ].flatMap((run) => [
    { ...run, json: false },
    { ...run, json: true },
  ]);
}

/** Runs them CONCURRENCY at a time, reporting each as it ends; the results in the runs' order. */
async function runAll(runs, env, report) {
  const results = new Array(runs.length);
  let next = 0;
  const worker = async () => {
    while (next < runs.length) {
      const index = next++;
      const run = runs[index];
      const args = run.json ? ['--json', ...run.args] : run.args;
      const result = await espace(args, env);
      results[index] = { run, args, result, failure: verdict(run, result) };
      report(results[index]);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

const started = Date.now();
const { merged, notes } = mergedSpec();
const specFile = join(work, 'tmf-v4-merged.json');
writeFileSync(specFile, JSON.stringify(merged));
for (const note of notes) console.log(`note: ${note}`);
// `--write-spec FILE` keeps the merged document, to run `prism mock FILE` by hand.
if (arg('--write-spec')) {
  writeFileSync(resolve(arg('--write-spec')), JSON.stringify(merged, null, 1));
  process.exit(0);
}
const accountsFile = join(work, 'accounts.txt');
writeFileSync(accountsFile, `${[ACCOUNT, ...OTHER_ACCOUNTS].join('\n')}\n`);

const rows = [];
for (const mode of modes) {
  console.log(`\n==> prism mock (${mode === 'dynamic' ? 'dynamic, --seed 1' : 'static'})`);
  const mock = await startPrism(mode, specFile).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
  // A context for the mock, with the API map that reaches the APIs mounted elsewhere.
  const configDir = join(work, `config-${mode}`);
  const env = { ESPACE_CONFIG_DIR: configDir, ESPACE_DATA_DIR: join(work, `data-${mode}`), ESPACE_TOKEN: 'mock-token' };
  const mapping = Object.entries(MOUNTED).flatMap(([api, path]) => ['--api-path', `${api}=${path}`]);
  const added = await espace(['context', 'add', 'mock', '--url', mock.url, ...mapping, '--use'], env);
  if (added.code !== 0) {
    console.error(`cannot add the mock's context: ${added.stderr}`);
    process.exit(1);
  }
  const report = (entry) => {
    const status = entry.failure ? 'FAIL' : 'ok';
    // Every error is shown, passing or not: whether it is "clear" is for a reader to judge too.
    const why = entry.failure ?? (entry.result.code !== 0 ? firstError(entry.result.stderr) : undefined);
    console.log(
      `${status.padEnd(4)} exit ${String(entry.result.code).padEnd(2)} espace ${entry.args.join(' ').replace(work, '$TMP')}${why ? `\n     ${why}` : ''}`,
    );
  };
  for (const entry of await runAll(commands(accountsFile), env, report)) rows.push({ mode, ...entry });
  mock.stop();
}

// The table: one row per command, one column per mode and output.
const key = (row) => row.run.args.join(' ').replace(work, '$TMP');
const names = [...new Set(rows.map(key))];
const columns = modes.flatMap((mode) => [`${mode}`, `${mode} --json`]);
const cell = (name, column) => {
  const [mode, json] = column.split(' ');
  const row = rows.find((candidate) => key(candidate) === name && candidate.mode === mode && candidate.run.json === (json === '--json'));
  return row ? `${row.failure ? 'FAIL' : 'ok'} (${row.result.code})` : '';
};
const width = Math.max(...names.map((name) => name.length));
console.log(`\n${'command'.padEnd(width)}  ${columns.map((column) => column.padEnd(16)).join('')}`);
for (const name of names) console.log(`${name.padEnd(width)}  ${columns.map((column) => cell(name, column).padEnd(16)).join('')}`);
const failed = rows.filter((row) => row.failure).length;
console.log(`\nmock conformance: ${rows.length - failed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(failed > 0 ? 1 : 0);
