/** OpenAPI description of the bill document (TMF678 `billDocument` and the PDF route), spread into openapi.ts. */
import { CUSTOMER_BILL_API } from '../resources/paths.js';

type Json = Record<string, unknown>;

const errors = Object.fromEntries(
  (
    [
      ['400', 'BadRequest'],
      ['401', 'Unauthorized'],
      ['404', 'NotFound'],
      ['405', 'MethodNotAllowed'],
      ['500', 'InternalError'],
    ] as const
  ).map(([status, name]) => [status, { $ref: `#/components/responses/${name}` }]),
);

export const billDocumentSchemas: Record<string, Json> = {
  BillDocumentRef: {
    type: 'object',
    description: 'TMF678 AttachmentRefOrValue (by reference): the PDF of the bill. GET its url with the same bearer token as the bill.',
    required: ['id', 'url', 'mimeType', 'name'],
    properties: {
      id: { type: 'string', description: 'Identifier, e.g. CB-1001-202611-PDF' },
      href: { type: 'string', format: 'uri', description: 'Same as url' },
      url: { type: 'string', format: 'uri', description: 'Where the PDF is served (…/customerBill/{id}/document)' },
      name: { type: 'string', description: 'File name, the one the document is served under, e.g. facture-2026-11-1001.pdf (or bill-…)' },
      mimeType: { type: 'string', enum: ['application/pdf'] },
      attachmentType: { type: 'string', enum: ['bill'] },
      '@type': { type: 'string', enum: ['AttachmentRef'] },
      '@referredType': { type: 'string', enum: ['Attachment'] },
    },
  },
};

/** The property the CustomerBill schema gains. */
export const billDocumentProperty: Json = {
  type: 'array',
  description: 'The bill as a PDF document (one entry)',
  items: { $ref: '#/components/schemas/BillDocumentRef' },
};

export const billDocumentPaths: Record<string, Json> = {
  [`${CUSTOMER_BILL_API}/customerBill/{id}/document`]: {
    get: {
      operationId: 'retrieveCustomerBillDocument',
      tags: ['customerBill'],
      summary: 'The bill as a PDF (the billDocument of the bill)',
      description:
        'Generated on request from the stored bill; the same bill and language always give the same bytes. It shows the ' +
        'account, the bill and due dates, the billing period, the five sections with their line items, and the totals. ' +
        'Language: the first of fr or en in Accept-Language, else French for Quebec accounts and English otherwise. ' +
        'Authorization as for the bill: a bill the caller may not see answers 404.',
      security: [{ bearerAuth: [] }],
      parameters: [{ $ref: '#/components/parameters/id' }],
      responses: {
        '200': {
          description: 'The PDF',
          headers: {
            'Content-Disposition': { description: 'attachment; filename="facture-2026-11-1001.pdf" (or bill-…)', schema: { type: 'string' } },
            'Content-Language': { description: 'fr or en', schema: { type: 'string' } },
          },
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
        ...errors,
      },
    },
  },
};
