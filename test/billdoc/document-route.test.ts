/**
 * The bill document route against a real sandbox over HTTP: a PDF that pdftotext reads back with
 * the account, the five sections and the totals of the bill; accents intact; the bill's own
 * authorization (others' bills are 404); deterministic bytes.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const BILLS = '/tmf-api/customerBillManagement/v4/customerBill';
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

async function get(path: string, token: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

async function latestBill(token: string, account: string): Promise<{ id: string; billNo: string; billDocument: Array<Record<string, string>> }> {
  const list = await get(`${BILLS}?billingAccount.id=${account}&limit=1`, token);
  return JSON.parse(list.body.toString())[0];
}

describe('GET customerBill/{id}/document', () => {
  it('is referenced from the bill as its billDocument', async () => {
    const bill = await latestBill(sandbox.tokens.marie, 'BA-1001');
    expect(bill.billDocument).toEqual([
      expect.objectContaining({ mimeType: 'application/pdf', name: `facture-${bill.billNo}.pdf`, url: `${sandbox.url}${BILLS}/${bill.id}/document` }),
    ]);
  });

  it('names the billDocument as the document route names the file, in the same language', async () => {
    for (const [token, account, acceptLanguage] of [
      [sandbox.tokens.james, 'BA-2001', undefined],
      [sandbox.tokens.james, 'BA-2001', 'fr-CA'],
      [sandbox.tokens.marie, 'BA-1001', 'en'],
    ] as const) {
      const headers: Record<string, string> = acceptLanguage ? { 'accept-language': acceptLanguage } : {};
      const list = await get(`${BILLS}?billingAccount.id=${account}&limit=1`, token, headers);
      const bill = JSON.parse(list.body.toString())[0] as { id: string; billDocument: Array<Record<string, string>> };
      const document = await get(new URL(bill.billDocument[0]!.url!).pathname, token, headers);
      expect(document.headers.get('content-disposition')).toBe(`attachment; filename="${bill.billDocument[0]!.name}"`);
      const one = JSON.parse((await get(`${BILLS}/${bill.id}`, token, headers)).body.toString()) as typeof bill;
      expect(one.billDocument[0]!.name).toBe(bill.billDocument[0]!.name);
    }
  });

  it('serves a PDF with the account, the sections and the totals, accents intact', async () => {
    const bill = await latestBill(sandbox.tokens.marie, 'BA-1001');
    const response = await get(new URL(bill.billDocument[0]!.url!).pathname, sandbox.tokens.marie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="facture-${bill.billNo}.pdf"`);
    expect(response.body.subarray(0, 8).toString()).toBe('%PDF-1.4');
    const text = pdfText(response.body);
    for (const expected of [
      'Marie Tremblay',
      'BA-1001',
      'Frais de services',
      'Options et fonctionnalités',
      'Taxes et frais',
      'Solde précédent et paiements',
      'Frais courants et total à payer',
      'Télé – Base + 10 chaînes',
      'Super Écran',
      'Total à payer',
      'TVQ',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('speaks the language the client asks for', async () => {
    const bill = await latestBill(sandbox.tokens.marie, 'BA-1001');
    const response = await get(`${BILLS}/${bill.id}/document`, sandbox.tokens.marie, { 'accept-language': 'en-CA,en;q=0.8' });
    expect(response.headers.get('content-language')).toBe('en');
    const text = pdfText(response.body);
    expect(text).toContain('Service charges');
    expect(text).toContain('GST');
  });

  it('gives the same bytes for the same bill', async () => {
    const path = `${BILLS}/CB-2001-${(await latestBill(sandbox.tokens.james, 'BA-2001')).id.slice(-6)}/document`;
    const [first, second] = [await get(path, sandbox.tokens.james), await get(path, sandbox.tokens.james)];
    expect(first.status).toBe(200);
    expect(first.body.equals(second.body)).toBe(true);
  });

  it("answers 404 for another customer's bill and lets agents read any", async () => {
    const bill = await latestBill(sandbox.tokens.james, 'BA-2001');
    const stranger = await get(`${BILLS}/${bill.id}/document`, sandbox.tokens.marie);
    expect(stranger.status).toBe(404);
    expect(JSON.parse(stranger.body.toString())).toMatchObject({ code: '404' });
    expect((await get(`${BILLS}/${bill.id}/document`, sandbox.tokens.agent)).status).toBe(200);
    expect((await get(`${BILLS}/CB-NOPE/document`, sandbox.tokens.agent)).status).toBe(404);
  });
});
