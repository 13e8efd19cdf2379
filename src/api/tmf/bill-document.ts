/**
 * TMF678 `billDocument`: the PDF of a bill. The bill names where its document is (an Attachment
 * by reference, or by value with base64 `content`); the CLI fetches it only from the API it is
 * connected to, so the bearer token never goes to another site.
 */
import * as z from 'zod';
import { GeneralError } from '../../errors.js';
import type { HttpClient } from '../http.js';
import { parseResource } from './common.js';
import { TMF } from './paths.js';

const PDF = 'application/pdf';

const Attachment = z.looseObject({
  url: z.string().optional(),
  href: z.string().optional(),
  mimeType: z.string().optional(),
  name: z.string().optional(),
  content: z.string().optional(),
});

const BillWithDocument = z.looseObject({
  id: z.string(),
  billNo: z.string().optional(),
  billDocument: z.array(Attachment).optional(),
});

export interface BillDocument {
  billId: string;
  billNumber: string;
  bytes: Buffer;
}

/** The path below the API base URL of a document URL on the API's own origin, else undefined. */
function pathOnApi(client: HttpClient, url: string): string | undefined {
  const target = new URL(url, client.baseUrl);
  const base = client.baseUrl.pathname.replace(/\/+$/, '');
  if (target.origin !== client.baseUrl.origin || !target.pathname.startsWith(`${base}/`)) return undefined;
  return target.pathname.slice(base.length) + target.search;
}

/** Downloads the PDF of a bill; `lang` asks the server for the document in that language. */
export async function fetchBillDocument(client: HttpClient, billId: string, lang: string): Promise<BillDocument> {
  const path = `${TMF.customerBill}/${encodeURIComponent(billId)}`;
  const response = await client.request({ method: 'GET', path, query: { fields: 'billNo,billDocument' } });
  const bill = parseResource(BillWithDocument, response, 'CustomerBill', path);
  const billNumber = bill.billNo ?? bill.id;
  const documents = bill.billDocument ?? [];
  const pdf = documents.find((document) => document.mimeType === PDF) ?? documents.find((document) => document.mimeType === undefined);
  if (!pdf) throw new GeneralError('bill.download.noDocument', { params: { bill: billId } });
  if (pdf.content) return { billId: bill.id, billNumber, bytes: Buffer.from(pdf.content, 'base64') };

  const url = pdf.url ?? pdf.href;
  if (!url) throw new GeneralError('bill.download.noDocument', { params: { bill: billId } });
  const documentPath = pathOnApi(client, url);
  if (!documentPath) throw new GeneralError('bill.download.foreignDocument', { params: { bill: billId, url } });
  const [pathname, search] = documentPath.split('?', 2) as [string, string | undefined];
  const answer = await client.request({
    method: 'GET',
    path: pathname,
    query: Object.fromEntries(new URLSearchParams(search ?? '')),
    headers: { accept: PDF, 'accept-language': lang },
    binary: true,
  });
  const type = answer.headers['content-type'] ?? '';
  if (!Buffer.isBuffer(answer.body) || !/^application\/pdf\b/i.test(type)) {
    throw new GeneralError('bill.download.notPdf', { params: { bill: billId, type: type || '?' } });
  }
  return { billId: bill.id, billNumber, bytes: answer.body };
}
