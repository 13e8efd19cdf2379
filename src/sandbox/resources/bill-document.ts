/** TMF678 `billDocument`: the reference a bill carries to its PDF, served by routes/bill-document.ts. */
import type { BillRow } from '../store/bills.js';
import { billHref } from './paths.js';

export const BILL_DOCUMENT_MIME_TYPE = 'application/pdf';

/** An AttachmentRefOrValue by reference: where to GET the PDF (same authorization as the bill). */
export interface BillDocumentRef {
  id: string;
  href: string;
  url: string;
  name: string;
  mimeType: typeof BILL_DOCUMENT_MIME_TYPE;
  attachmentType: 'bill';
  '@type': 'AttachmentRef';
  '@referredType': 'Attachment';
}

export function billDocumentUrl(origin: string, billId: string): string {
  return `${billHref(origin, billId)}/document`;
}

export function billDocumentRef(origin: string, row: BillRow): BillDocumentRef {
  const url = billDocumentUrl(origin, row.id);
  return {
    id: `${row.id}-PDF`,
    href: url,
    url,
    name: `${row.billNo}.pdf`,
    mimeType: BILL_DOCUMENT_MIME_TYPE,
    attachmentType: 'bill',
    '@type': 'AttachmentRef',
    '@referredType': 'Attachment',
  };
}
