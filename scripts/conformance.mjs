#!/usr/bin/env node
// TMF conformance: a sandbox, one Prism validating proxy per TMF spec (`prism proxy --errors`),
// and a small router in front that sends each path to the proxy of its API. The built CLI and
// direct requests then go through the router, so every request and answer is checked against the
// official spec; a violation fails the run and is printed.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, scratch } from './prism-harness.mjs';
import { checkDocument, loadSpecs } from './document-conformance.mjs';

const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
const shared = resolve(arg('--shared'));
const prism = resolve(arg('--prism'));
const root = fileURLToPath(new URL('..', import.meta.url));

const SPECS = [
  { prefix: '/tmf-api/customerBillManagement/v4/', file: 'TMF678-Customer_Bill-v4.0.0.swagger.json' },
  { prefix: '/tmf-api/accountManagement/v4/', file: 'TMF666-Account-v4.1.0.swagger.json' },
  { prefix: '/tmf-api/openid/v4/', file: 'TMF691-FederatedID-v4.0.swagger.json' },
  { prefix: '/paymentManagement/v4/', file: 'TMF676-Payment-v4.0.0.swagger.json' },
  { prefix: '/tmf-api/paymentMethod/v4/', file: 'TMF670-PaymentMethod-v4.0.0.swagger.json' },
  { prefix: '/tmf-api/troubleTicket/v4/', file: 'TMF621-TroubleTicket-v4.0.0.swagger.json' },
  { prefix: '/tmf-api/serviceProblemManagement/v4/', file: 'TMF656-ServiceProblem-v4.0.0.swagger.json' },
];

const { dir: dataDir, children } = scratch('espace-conformance-');

/**
 * Polls `check` until it holds. The ceiling is for something that hangs, never a wait: on a machine
 * busy with a test suite, the sandbox and a dozen Prism processes all starting at once on two cores
 * took more than a minute.
 */
async function waitFor(check, what, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// 1. The sandbox.
const sandboxPort = await freePort();
const sandbox = spawn(process.execPath, [join(root, 'dist/sandbox/main.js'), '--data', dataDir, '--port', String(sandboxPort)], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
children.add(sandbox);
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
await waitFor(async () => (await fetch(`${sandboxUrl}/health`)).ok, 'the sandbox');

/**
 * A copy of an official file that Prism can serve as a proxy, in the temporary directory:
 * - Prism matches request paths without the Swagger 2.0 `basePath`, so the copy moves the base
 *   path into every path (`/customerBill` → `/tmf-api/customerBillManagement/v4/customerBill`);
 * - some files refer to definitions they do not contain (TMF691's Userinfo points at a missing
 *   `Identification`), which Prism refuses to load: the copy gets an open object for each, and
 *   the run says which.
 */
function loadableSpec(file) {
  const spec = JSON.parse(readFileSync(join(shared, 'tmf', file), 'utf8'));
  const base = (spec.basePath ?? '/').replace(/\/+$/, '');
  spec.paths = Object.fromEntries(Object.entries(spec.paths).map(([path, item]) => [`${base}${path}`, item]));
  spec.basePath = '/';
  const missing = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/definitions/') && !(ref.slice(14) in spec.definitions)) missing.add(ref.slice(14));
    Object.values(node).forEach(walk);
  };
  walk(spec);
  for (const name of missing) spec.definitions[name] = { type: 'object' };
  if (missing.size > 0) console.log(`note: ${file} refers to undefined ${[...missing].join(', ')}; checked with those as open objects`);
  const copy = join(dataDir, file);
  writeFileSync(copy, JSON.stringify(spec));
  return copy;
}

// 2. One Prism proxy per spec; their logs are kept to report violations.
/**
 * Resolves once Prism says it listens; rejects if it cannot load its file, exits first, or has
 * not started within the ceiling (for a Prism that hangs: they all start at once, so on a loaded
 * machine each may take minutes).
 */
function listening(child, log, file, timeoutMs = 600_000) {
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`prism for ${file} did not start within ${timeoutMs / 1000} s:\n${log.join('')}`)), timeoutMs);
    const watch = () => {
      const text = log.join('');
      if (/fatal/.test(text)) fail(new Error(`prism cannot load ${file}:\n${text}`));
      else if (text.includes('Prism is listening')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.once('exit', (code) => fail(new Error(`prism for ${file} exited ${code} before listening:\n${log.join('')}`)));
  });
}

const proxies = [];
for (const spec of SPECS) {
  const port = await freePort();
  const log = [];
  const child = spawn(prism, ['proxy', '--errors', '-h', '127.0.0.1', '-p', String(port), loadableSpec(spec.file), sandboxUrl], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => log.push(chunk.toString()));
  child.stderr.on('data', (chunk) => log.push(chunk.toString()));
  children.add(child);
  proxies.push({ ...spec, port, log, started: listening(child, log, spec.file) });
}
await Promise.all(proxies.map((proxy) => proxy.started)).catch((error) => {
  console.error(error.message);
  process.exit(1);
});

// 3. The router: each TMF path to its proxy, the rest (OAuth) straight to the sandbox.
const router = createServer((req, res) => {
  const proxy = proxies.find((candidate) => req.url.startsWith(candidate.prefix));
  const port = proxy ? proxy.port : sandboxPort;
  const upstream = httpRequest({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (error) => {
    res.writeHead(502);
    res.end(String(error));
  });
  req.pipe(upstream);
});
const routerPort = await freePort();
await new Promise((r) => router.listen(routerPort, '127.0.0.1', r));
const base = `http://127.0.0.1:${routerPort}`;

// 4. The checks.
async function token(form) {
  const response = await fetch(`${sandboxUrl}/oauth/token`, { method: 'POST', body: new URLSearchParams(form) });
  if (!response.ok) throw new Error(`token: ${response.status}`);
  return (await response.json()).access_token;
}
const marie = await token({ grant_type: 'password', username: 'marie.tremblay', password: 'Espace-Demo-2026!', client_id: 'espace-cli' });
const agent = await token({ grant_type: 'password', username: 'agent.roy', password: 'Espace-Agent-2026!', client_id: 'espace-cli' });
const ci = await token({ grant_type: 'client_credentials', client_id: 'espace-ci', client_secret: 'espace-ci-sandbox-secret' });

const results = [];
const violations = () =>
  proxies.flatMap((proxy) =>
    proxy.log
      .join('')
      .split('\n')
      .filter((line) => /violation|✖/i.test(line))
      .map((line) => `${proxy.file}: ${line.trim()}`),
  );

async function check(name, run) {
  const before = violations().length;
  let failure;
  try {
    await run();
  } catch (error) {
    failure = error.message;
  }
  const found = violations().slice(before);
  const ok = failure === undefined && found.length === 0;
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${failure ? `: ${failure}` : ''}`);
  for (const line of found) console.log(`     ${line}`);
}

async function get(path, bearer, expected = 200, init = {}) {
  const response = await fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${bearer}`, accept: 'application/json', ...init.headers } });
  const body = await response.text();
  if (response.status !== expected) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} (expected ${expected}) ${body.slice(0, 300)}`);
  return body ? JSON.parse(body) : undefined;
}

function cli(args, env) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/espace.js'), '--api-url', base, ...args], {
      env: { ...process.env, ...env, NO_COLOR: '1', ESPACE_CONFIG_DIR: join(dataDir, 'cli-config') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => (code === 0 ? resolveRun(stdout) : reject(new Error(`espace ${args.join(' ')} exited ${code}: ${stderr.trim()}`))));
  });
}

const BILL = '/tmf-api/customerBillManagement/v4';
const ACCOUNT = '/tmf-api/accountManagement/v4';
let billId;

await check('CLI bill list (TMF666 billingAccount list, TMF678 customerBill list)', async () => {
  const bills = JSON.parse(await cli(['bill', 'list', '--json'], { ESPACE_TOKEN: marie }));
  if (bills.length !== 12) throw new Error(`expected 12 bills, got ${bills.length}`);
  billId = bills[0].id;
});
await check('CLI bill show latest (customerBill by id, appliedCustomerBillingRate by bill.id)', async () => {
  const bill = JSON.parse(await cli(['bill', 'show', 'latest', '--json'], { ESPACE_TOKEN: marie }));
  if (bill.discrepancy.amount !== 0) throw new Error('the sections do not add up');
});
await check('CLI auth status (TMF691 userinfo)', () => cli(['auth', 'status', '--json'], { ESPACE_TOKEN: marie }));
await check('CLI agent bill show --account BA-3001', () => cli(['bill', 'show', '--account', 'BA-3001', '--json'], { ESPACE_TOKEN: agent }));
await check('CLI client credentials bill list --account BA-2001', () =>
  cli(['bill', 'list', '--account', 'BA-2001', '--json'], { ESPACE_CLIENT_ID: 'espace-ci', ESPACE_CLIENT_SECRET: 'espace-ci-sandbox-secret' }),
);
await check('customerBill list with filters, paging and sort', () =>
  get(`${BILL}/customerBill?billingAccount.id=BA-1001&state=settled&offset=1&limit=3&sort=-billDate`, marie),
);
await check('customerBill list with a bill date range', () => get(`${BILL}/customerBill?billDate.gte=2000-01-01&billDate.lt=2999-01-01&limit=5`, marie));
await check('customerBill list with fields', () => get(`${BILL}/customerBill?fields=billNo,billDate,amountDue`, marie));
await check('appliedCustomerBillingRate list by bill.id', () => get(`${BILL}/appliedCustomerBillingRate?bill.id=${encodeURIComponent(billId)}`, marie));
await check('appliedCustomerBillingRate by id', async () => {
  const [rate] = await get(`${BILL}/appliedCustomerBillingRate?bill.id=${encodeURIComponent(billId)}&limit=1`, marie);
  await get(`${BILL}/appliedCustomerBillingRate/${encodeURIComponent(rate.id)}`, marie);
});
await check('customerBill of another customer: 404 with a TMF Error body', () =>
  get(`${BILL}/customerBill/${encodeURIComponent(billId)}`, agent, 200).then(() =>
    get(`${BILL}/customerBill/${encodeURIComponent(billId.replace('1001', '2001'))}`, marie, 404),
  ),
);
await check('billingAccount list and by id (agent)', async () => {
  await get(`${ACCOUNT}/billingAccount?limit=10`, agent);
  await get(`${ACCOUNT}/billingAccount/BA-3001`, agent);
});
// TMF666's BillingAccount_Update requires name and relatedParty: send the current ones.
const account = await get(`${ACCOUNT}/billingAccount/BA-1001`, marie);
const patch = (changes) => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json;charset=utf-8' },
  body: JSON.stringify({ name: account.name, relatedParty: account.relatedParty, ...changes }),
});
await check('billingAccount PATCH (customer, own account)', () =>
  get(`${ACCOUNT}/billingAccount/BA-1001`, marie, 200, patch({ billStructure: { presentationMedia: [{ name: 'paper' }] } })),
);
await check('billingAccount PATCH by the read-only CI client: 403', () => get(`${ACCOUNT}/billingAccount/BA-1001`, ci, 403, patch({ name: 'x' })));
await check('CLI outage (TMF666 billingAccount contact, TMF656 serviceProblem by postal code)', async () => {
  const report = JSON.parse(await cli(['outage', '--json'], { ESPACE_TOKEN: marie }));
  if (report.outages.length !== 1) throw new Error(`expected 1 outage at ${report.postalCode}, got ${report.outages.length}`);
});
await check('serviceProblem list with filters and paging, and by id', async () => {
  await get('/tmf-api/serviceProblemManagement/v4/serviceProblem?status=inProgress,acknowledged&category=outage&offset=0&limit=2', ci);
  await get('/tmf-api/serviceProblemManagement/v4/serviceProblem/SP-1002', ci);
});
await check('missing token: 401 with a TMF Error body', () => get(`${BILL}/customerBill`, 'not-a-token', 401));
await check('CLI payment-method list (TMF670 paymentMethod list)', () => cli(['payment-method', 'list', '--json'], { ESPACE_TOKEN: marie }));
await check('paymentMethod create (bankCard in, tokenizedCard out)', () =>
  get('/tmf-api/paymentMethod/v4/paymentMethod', marie, 201, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      '@type': 'bankCard',
      name: 'Test card',
      account: [{ id: 'BA-1001' }],
      cardNumber: '4242424242424242',
      expirationDate: '2031-08-31T23:59:59Z',
      cvv: '123',
    }),
  }),
);
await check('CLI pay (TMF676 payment create with Idempotency-Key) and payment list', async () => {
  const payment = JSON.parse(await cli(['pay', '--yes', '--amount', '1', '--json'], { ESPACE_TOKEN: marie, ESPACE_DATA_DIR: join(dataDir, 'cli-data') }));
  await get(`/paymentManagement/v4/payment/${encodeURIComponent(payment.id)}`, marie);
  await cli(['payment', 'list', '--json'], { ESPACE_TOKEN: marie });
});
await check('CLI autopay enable and disable (TMF666 defaultPaymentMethod, autopay characteristic)', async () => {
  await cli(['autopay', 'enable', '--accept-terms', '--json'], { ESPACE_TOKEN: marie });
  await cli(['autopay', 'disable', '--json'], { ESPACE_TOKEN: marie });
});

const TICKET = '/tmf-api/troubleTicket/v4/troubleTicket';
let disputeId;
await check('CLI bill dispute (TMF621 troubleTicket create with related bill and line)', async () => {
  const ticket = JSON.parse(
    await cli(['bill', 'dispute', 'latest', '--item', 'Internet Giga', '--reason', 'Charged twice', '--json'], { ESPACE_TOKEN: marie }),
  );
  disputeId = ticket.id;
});
await check('CLI ticket show and list (troubleTicket by id, list with status filter)', async () => {
  await cli(['ticket', 'show', disputeId, '--json'], { ESPACE_TOKEN: marie });
  await cli(['ticket', 'list', '--status', 'open', '--json'], { ESPACE_TOKEN: agent });
});
await check('CLI ticket comment and close (troubleTicket PATCH)', async () => {
  await cli(['ticket', 'comment', disputeId, '--message', 'Any news?'], { ESPACE_TOKEN: marie });
  await cli(['ticket', 'close', disputeId], { ESPACE_TOKEN: marie });
});
await check('troubleTicket list with fields, paging and filters', () => get(`${TICKET}?fields=id&offset=1&limit=2&ticketType=billing`, agent));
await check('troubleTicket of another customer: 404', () => get(`${TICKET}/TT-1003`, marie, 404));

// The generated document itself, against the same specifications (document-conformance.mjs).
await check('the generated /openapi.json agrees with the TMF specifications', async () => {
  const document = await (await fetch(`${sandboxUrl}/openapi.json`)).json();
  const { problems, operations, extensions } = checkDocument(document, loadSpecs(join(shared, 'tmf')));
  console.log(`     ${operations} TMF operations and ${extensions} espace extensions checked`);
  if (problems.length) throw new Error(`${problems.length} disagreements:\n     ${problems.join('\n     ')}`);
});

router.closeAllConnections();
router.close();
const failed = results.filter((result) => !result.ok).length;
console.log(`\nconformance: ${results.length - failed} passed, ${failed} failed`);
// The sandbox and the proxies would keep this process alive: stop them (see cleanup) and go.
process.exit(failed ? 1 : 0);
