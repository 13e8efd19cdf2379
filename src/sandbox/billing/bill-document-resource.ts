/** TMF678 `billDocument`: the reference a bill carries to its PDF, served by bill-document-routes.ts. */
import type { z } from 'zod';
import { billDocumentName } from './document/bill-document.js';
import type { DocumentLang } from './document/bill-labels.js';
import type { BillRow } from './bill-store.js';
import { billHref } from '../resources/paths.js';
import { BILL_DOCUMENT_MIME_TYPE, type BillDocumentRefModel } from './contract.js';

/** An AttachmentRefOrValue by reference: where to GET the PDF (same authorization as the bill). */
type BillDocumentRef = z.infer<typeof BillDocumentRefModel>;

export function billDocumentUrl(origin: string, billId: string): string {
  return `${billHref(origin, billId)}/document`;
}

/** `lang` is the language the document route would serve to the same request, so the names agree. */
export function billDocumentRef(origin: string, row: BillRow, lang: DocumentLang): BillDocumentRef {
  const url = billDocumentUrl(origin, row.id);
  return {
    id: `${row.id}-PDF`,
    href: url,
    url,
    name: billDocumentName(row.billNo, lang),
    mimeType: BILL_DOCUMENT_MIME_TYPE,
    attachmentType: 'bill',
    '@type': 'AttachmentRef',
    '@referredType': 'Attachment',
  };
}
