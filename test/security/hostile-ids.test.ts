/**
 * Ids are server strings too. A proxy in front of the sandbox adds line breaks and a fake line to
 * every `id` in the answers to changes (POST, PATCH, DELETE): the confirmations that name the new
 * payment, ticket or card ("Paid … payment ID", "Ticket ID opened", "Saved … as ID") must keep it
 * on their line, so that a server cannot print a line of its own under espace's. A second proxy
 * does it to every answer, reads included: the headings and messages that name an account or a
 * ticket ("No bills for account ID", "Account ID") keep it on their line too, whatever the
 * command then makes of such ids. (The hostile proxy of hostile-server.test.ts leaves ids alone,
 * since commands send them back.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_LINE } from '../helpers/hostile-proxy.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

const BREAKS = `\n${FAKE_LINE} \r\n${FAKE_LINE} \u2028${FAKE_LINE}`;

function poisonIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(poisonIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, key === 'id' && typeof item === 'string' ? `${item}${BREAKS}` : poisonIds(item)]),
    );
  }
  return value;
}

let sandbox: TestSandbox;
let changes: IdProxy;
let everything: IdProxy;
let dir: string;

interface IdProxy {
  url: string;
  close(): Promise<void>;
}

/** A proxy that poisons the ids of the answers to changes, or (`reads`) of every answer. */
async function idProxy(target: string, reads: boolean): Promise<IdProxy> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = { ...req.headers };
      delete headers['accept-encoding'];
      const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => body.push(chunk));
        answer.on('end', () => {
          let reply = Buffer.concat(body);
          if ((reads || req.method !== 'GET') && /json/.test(String(answer.headers['content-type'] ?? '')) && reply.length > 0) {
            reply = Buffer.from(JSON.stringify(poisonIds(JSON.parse(reply.toString('utf8')))));
          }
          const replyHeaders = { ...answer.headers, 'content-length': String(reply.length) };
          delete replyHeaders['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, replyHeaders);
          res.end(reply);
        });
      });
      out.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'espace-hostile-ids-'));
  sandbox = await startTestSandbox();
  changes = await idProxy(sandbox.url, false);
  everything = await idProxy(sandbox.url, true);
}, 300_000);

afterAll(async () => {
  await changes?.close();
  await everything?.close();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const run = (url: string, args: string[], stdin?: string) => runCli(args, { env: cliEnv({ url, token: sandbox.tokens.marie, home: dir }), stdin });

/** The server's words are shown, folded onto espace's lines: no line of the server's own. */
function expectNoAddedLine(text: string): void {
  const added = text.split('\n').find((line) => /^[\s│|┌└├─]*@@FAKE-LINE@@/.test(line));
  expect(added, text.slice(0, 3000)).toBeUndefined();
  expect(text).not.toMatch(/[\r\u2028\u2029]/);
}

const CASES: Array<{ args: string[]; stdin?: string; code?: number }> = [
  // The answer names another bill (the poisoned id), so it proves no charge of this payment: the
  // outcome is unknown (exit 5), and the message that says so keeps the server's words on its line.
  { args: ['pay', '--amount', '1', '--yes'], code: 5 },
  { args: ['ticket', 'open', '--subject', 'No TV', '--description', 'Black screen'] },
  { args: ['ticket', 'comment', 'TT-1001', '-m', 'Still down'] },
  { args: ['ticket', 'escalate', 'TT-1001', '--reason', 'Every evening'] },
  { args: ['ticket', 'close', 'TT-1001'] },
  { args: ['bill', 'dispute', '--reason', 'Never rented'] },
  { args: ['payment-method', 'add'], stdin: '4242424242424242\n08/29\n123\n' },
];

describe('ids with line breaks in the answers to changes', () => {
  it.each(CASES.map((test) => [test.args.join(' '), test] as const))('%s: the confirmation stays on its line', async (_name, test) => {
    const result = await run(changes.url, test.args, test.stdin);
    expect(result.code, result.stderr).toBe(test.code ?? 0);
    const text = `${result.stdout}${result.stderr}`;
    expect(text).toContain(FAKE_LINE);
    expectNoAddedLine(text);
  });
});

/** Commands that name an account or a ticket read from the server in a heading or a message. */
const READS = [
  ['bill', 'list'],
  ['payment', 'list'],
  ['payment-method', 'list'],
  ['order', 'list'],
  ['plan', 'show'],
  ['ticket', 'show', 'TT-1001'],
];

describe('ids with line breaks in every answer', () => {
  it.each(READS.map((args) => [args.join(' '), args] as const))('%s: headings and messages stay on their line', async (_name, args) => {
    const result = await run(everything.url, args);
    const text = `${result.stdout}${result.stderr}`;
    expect(text).toContain(FAKE_LINE);
    expectNoAddedLine(text);
  });
});
