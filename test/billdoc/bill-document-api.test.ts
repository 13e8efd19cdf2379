/**
 * The CLI's billDocument adapter against a stand-in TMF server, for what the sandbox never does:
 * a document hosted on another site (the token must not follow it), a document embedded as
 * base64, a bill without a document, an answer that is not a PDF.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/api/http.js';
import { fetchBillDocument } from '../../src/api/tmf/bill-document.js';
import { EspaceError } from '../../src/errors.js';

const BILL = '/tmf-api/customerBillManagement/v4/customerBill';
const bills: Record<string, unknown> = {};
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let server: Server;
let client: HttpClient;

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path.endsWith('/document')) {
      const html = path.includes('CB-HTML');
      response.writeHead(200, { 'content-type': html ? 'text/html' : 'application/pdf' });
      response.end(html ? '<html>login</html>' : Buffer.from([0x25, 0x50, 0x44, 0x46, 0xe2, 0xe3, 0xcf, 0xd3]));
      return;
    }
    const bill = bills[decodeURIComponent(path.slice(BILL.length + 1))];
    response.writeHead(bill ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(bill ?? { code: '404', reason: 'Not Found' }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new HttpClient({ baseUrl: origin, userAgent: 'test', retries: 0 });
  bills['CB-BIN'] = { id: 'CB-BIN', billNo: 'N1', billDocument: [{ url: `${origin}${BILL}/CB-BIN/document`, mimeType: 'application/pdf' }] };
  bills['CB-REL'] = { id: 'CB-REL', billNo: 'N2', billDocument: [{ href: `${BILL}/CB-REL/document?format=pdf`, mimeType: 'application/pdf' }] };
  bills['CB-FOREIGN'] = { id: 'CB-FOREIGN', billDocument: [{ url: 'https://cdn.example.com/bills/x.pdf', mimeType: 'application/pdf' }] };
  bills['CB-EMBED'] = { id: 'CB-EMBED', billDocument: [{ content: Buffer.from('%PDF-1.7 embedded').toString('base64'), mimeType: 'application/pdf' }] };
  bills['CB-NONE'] = { id: 'CB-NONE' };
  bills['CB-HTML'] = { id: 'CB-HTML', billDocument: [{ url: `${origin}${BILL}/CB-HTML/document`, mimeType: 'application/pdf' }] };
});
afterAll(async () => {
  await client?.close();
  await new Promise((done) => server?.close(done));
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as EspaceError,
  );

describe('fetchBillDocument', () => {
  it('keeps the bytes of a binary PDF intact and asks for the user’s language', async () => {
    const document = await fetchBillDocument(client, 'CB-BIN', 'fr');
    expect([...document.bytes]).toEqual([0x25, 0x50, 0x44, 0x46, 0xe2, 0xe3, 0xcf, 0xd3]);
    expect(document.billNumber).toBe('N1');
    const request = seen.find((entry) => entry.url.startsWith(`${BILL}/CB-BIN/document`));
    expect(request?.headers['accept-language']).toBe('fr');
    expect(request?.headers.accept).toBe('application/pdf');
  });

  it('follows a relative reference, query included', async () => {
    await fetchBillDocument(client, 'CB-REL', 'en');
    expect(seen.some((entry) => entry.url === `${BILL}/CB-REL/document?format=pdf`)).toBe(true);
  });

  it('decodes a document embedded as base64', async () => {
    expect((await fetchBillDocument(client, 'CB-EMBED', 'en')).bytes.toString()).toBe('%PDF-1.7 embedded');
  });

  it('refuses a document on another site rather than send it the token', async () => {
    const error = await failure(fetchBillDocument(client, 'CB-FOREIGN', 'en'));
    expect(error?.key).toBe('bill.download.foreignDocument');
  });

  it('says when a bill has no document, or the answer is not a PDF', async () => {
    expect((await failure(fetchBillDocument(client, 'CB-NONE', 'en')))?.key).toBe('bill.download.noDocument');
    const html = await failure(fetchBillDocument(client, 'CB-HTML', 'en'));
    expect(html?.key).toBe('bill.download.notPdf');
    expect(html?.params).toMatchObject({ type: 'text/html' });
  });
});
