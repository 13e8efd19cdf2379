import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ACCOUNTS, BILLS, get, send } from './client.js';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

const tmfError = (status: number) => ({
  code: String(status),
  status: String(status),
  reason: expect.any(String),
  message: expect.any(String),
  '@type': 'Error',
});

const patch = (body: string, contentType = 'application/merge-patch+json', token = sandbox.tokens.marie) =>
  send(sandbox.url, 'PATCH', `${ACCOUNTS}/BA-1001`, { token, contentType, body });

describe('errors', () => {
  it('answers unknown routes with a TMF 404', async () => {
    for (const path of ['/nothing', '/tmf-api/customerBillManagement/v4/billCycle', '/tmf-api/paymentManagement/v4/payment']) {
      const res = await get(sandbox.url, path, sandbox.tokens.marie);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(tmfError(404));
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('answers a known path with an unsupported method with 405 and Allow', async () => {
    const res = await send(sandbox.url, 'DELETE', `${ACCOUNTS}/BA-1001`, { token: sandbox.tokens.marie });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, PATCH');
    expect(res.body).toEqual(tmfError(405));
    const post = await send(sandbox.url, 'POST', BILLS, { token: sandbox.tokens.marie, contentType: 'application/json', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('answers malformed JSON, wrong content types and unpatchable fields with TMF errors', async () => {
    const malformed = await patch('{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual(tmfError(400));
    const empty = await patch('', 'application/json');
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual(tmfError(400));
    const text = await patch('name=x', 'text/plain');
    expect(text.status).toBe(415);
    expect(text.body).toEqual(tmfError(415));
    for (const body of [
      { id: 'BA-9' },
      { state: 'closed' },
      { name: '' },
      { name: 42 },
      { billStructure: { presentationMedia: [{ name: 'fax' }] } },
      { billStructure: { presentationMedia: [] } },
      { billStructure: { cycleSpecification: { name: 'weekly' } } },
      [{ name: 'x' }],
    ]) {
      const res = await patch(JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual(tmfError(400));
    }
    expect((await get(sandbox.url, `${ACCOUNTS}/BA-1001`, sandbox.tokens.marie)).body.name).toBe('Marie Tremblay');
  });

  it('echoes a client X-Request-Id and generates one otherwise, on every response', async () => {
    const echoed = await get(sandbox.url, `${BILLS}?limit=1`, sandbox.tokens.marie, { 'x-request-id': 'test-run-42' });
    expect(echoed.headers.get('x-request-id')).toBe('test-run-42');
    const generated = await get(sandbox.url, '/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    for (const res of [
      await get(sandbox.url, '/nothing', undefined, { 'x-request-id': 'abc' }),
      await get(sandbox.url, BILLS, undefined, { 'x-request-id': 'abc' }),
      await send(sandbox.url, 'POST', '/oauth/token', {
        body: 'grant_type=nope',
        contentType: 'application/x-www-form-urlencoded',
        headers: { 'x-request-id': 'abc' },
      }),
    ]) {
      expect(res.headers.get('x-request-id')).toBe('abc');
    }
    const tooLong = await get(sandbox.url, '/health', undefined, { 'x-request-id': 'x'.repeat(300) });
    expect(tooLong.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a malformed URL with a TMF 400 and a request id', async () => {
    const res = await new Promise<{ status: number; requestId: unknown; body: string }>((done, fail) => {
      const req = request(`${sandbox.url}/tmf-api/customerBillManagement/v4/customerBill/%E0%A4%A`, (r) => {
        let body = '';
        r.on('data', (chunk) => (body += chunk));
        r.on('end', () => done({ status: r.statusCode ?? 0, requestId: r.headers['x-request-id'], body }));
      });
      req.on('error', fail);
      req.end();
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual(tmfError(400));
    expect(res.requestId).toEqual(expect.any(String));
  });

  it('serves /health without authentication', async () => {
    const res = await get(sandbox.url, '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
