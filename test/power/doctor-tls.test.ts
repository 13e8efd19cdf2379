/**
 * `espace doctor` against an HTTPS server with a self-signed certificate (made by openssl): the
 * certificate is reported untrusted, with the NODE_EXTRA_CA_CERTS fix; trusted through that
 * variable, it is reported valid with its end date. The built CLI runs, since Node reads
 * NODE_EXTRA_CA_CERTS only at start-up.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { espace } from '../helpers/spawn.js';
import { cliEnv } from '../helpers/env.js';

type Check = { id: string; status: string; detail: string; fix: string | null };

let dir: string;
let server: Server;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'espace-doctor-tls-'));
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '365',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (request, response) => {
    response.writeHead(request.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
    response.end(request.url === '/health' ? '{"status":"ok"}' : '{"code":"404","reason":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function doctor(extraEnv: Record<string, string | undefined>): Promise<{ code: number; checks: Check[] }> {
  const result = await espace(['doctor', '--json'], {
    env: cliEnv({ url, token: 'esp_at_test', home: dir, extra: { ...extraEnv } }),
  });
  return { code: result.code, checks: (JSON.parse(result.stdout) as { checks: Check[] }).checks };
}

describe('espace doctor over TLS', () => {
  it('reports an untrusted certificate and how to trust a private CA', async () => {
    const { code, checks } = await doctor({ NODE_EXTRA_CA_CERTS: undefined });
    expect(code).toBe(1);
    const tls = checks.find((check) => check.id === 'tls')!;
    expect(tls).toMatchObject({ status: 'fail', detail: expect.stringMatching(/certificate is not trusted: .*self.signed/i) });
    expect(tls.fix).toMatch(/NODE_EXTRA_CA_CERTS/);
    expect(checks.find((check) => check.id === 'api')!.fix).toMatch(/NODE_EXTRA_CA_CERTS/);
  });

  it('reports a trusted certificate with its end date once its CA is trusted', async () => {
    const { checks } = await doctor({ NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') });
    expect(checks.find((check) => check.id === 'api')!.status).toBe('ok');
    expect(checks.find((check) => check.id === 'tls')).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/certificate trusted, valid until \w+ \d+, \d{4}/),
    });
  });
});
