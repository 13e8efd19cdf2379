/**
 * TMF678 bill document: the PDF of a bill, generated on request. Authorization is the bill's:
 * a bill the caller may not see answers 404, like the bill itself.
 */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { documentLang } from './document/bill-labels.js';
import { billDocumentName, renderBillDocument } from './document/bill-document.js';
import { parseQuery } from '../paging.js';
import { CUSTOMER_BILL_API } from '../resources/paths.js';
import { sendTmfError } from '../tmf-errors.js';
import { BILL_DOCUMENT_MIME_TYPE, retrieveCustomerBillDocument } from './contract.js';

/** Every line item of one bill fits in one page of the store's query. */
const ALL_LINES = { offset: 0, limit: 10_000 };

export async function billDocumentRoutes(app: FastifyInstance, { ctx }: { ctx: SandboxContext }): Promise<void> {
  app.get<{ Params: { id: string } }>(`${CUSTOMER_BILL_API}/customerBill/:id/document`, { schema: retrieveCustomerBillDocument }, async (request, reply) => {
    const principal = principalOf(request);
    parseQuery(request.query, {});
    const bill = ctx.bills.bill(request.params.id);
    const account = bill ? ctx.accounts.account(bill.billingAccountId) : undefined;
    if (!bill || !account || !ctx.access.canSeeAccount(principal, bill.billingAccountId)) {
      return sendTmfError(reply, 404, `No customerBill with id "${request.params.id}"`);
    }
    const lang = documentLang(request.headers['accept-language'], account.province);
    const { rows } = ctx.bills.listRates({ conditions: ['r.bill_id = @bill'], params: { bill: bill.id } }, ALL_LINES);
    const pdf = renderBillDocument({
      bill,
      account,
      // One bill's lines come in bill order (by sequence), as the customer reads them.
      rates: rows,
      taxes: ctx.bills.taxItemsOf([bill.id]).get(bill.id) ?? [],
      received: ctx.bills.paymentsReceivedBy([bill.id]).get(bill.id) ?? [],
      lang,
    });
    return reply
      .header('content-type', BILL_DOCUMENT_MIME_TYPE)
      .header('content-disposition', `attachment; filename="${billDocumentName(bill.billNo, lang)}"`)
      .header('content-language', lang)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });
}
