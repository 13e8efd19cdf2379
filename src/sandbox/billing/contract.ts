/**
 * The wire contract of TMF678 customerBill, appliedCustomerBillingRate and the bill document, and of
 * TMF666 billingAccount, as the sandbox serves them (see ../contract/route-schema.ts).
 */
import * as z from 'zod';
import { MoneyModel, dateTime, filter, idParams, listQuery, retrieveQuery } from '../contract/tmf-common.js';
import { model, queryNames, routeSchema } from '../contract/route-schema.js';
import { AutopayCharacteristicPatch, DefaultPaymentMethodPatch } from '../payment/contract.js';

export const ESPACE_CUSTOMER_BILL = 'EspaceCustomerBill';
export const BILL_STATES = ['new', 'onHold', 'validated', 'sent', 'settled', 'partiallyPaid'] as const;
export const PRESENTATION_MEDIA = ['electronic', 'paper'] as const;
export const BILL_DOCUMENT_MIME_TYPE = 'application/pdf';

const uri = (description: string) => z.string().describe(description).meta({ format: 'uri' });

const timePeriod = (start: string, end: string) => z.object({ startDateTime: dateTime(start), endDateTime: dateTime(end) });
const BillingPeriod = timePeriod('First day', 'Last day (inclusive)').describe(
  'Date-only facts (bill periods) are given at 12:00 UTC, which is the same calendar day everywhere in Canada.',
);

const accountRef = z.object({
  id: z.string().describe('Billing account id'),
  href: uri('Absolute URL'),
  name: z.string().describe('Name of the account'),
  '@referredType': z.literal('BillingAccount'),
});
const paymentRef = z.object({ id: z.string().describe('Payment id'), name: z.string().describe('Payment name') });

const taxItem = z.object({
  taxCategory: z.string().describe('GST (5 %), QST (9.975 %, Quebec, not compounded on GST) or HST (13 %, Ontario)'),
  taxRate: z.number().meta({ examples: [0.09975] }),
  taxAmount: MoneyModel,
});

export const BillDocumentRefModel = model(
  'BillDocumentRef',
  z
    .object({
      id: z.string().describe('Identifier, e.g. CB-1001-202611-PDF'),
      href: uri('Same as url'),
      url: uri('Where the PDF is served (…/customerBill/{id}/document)'),
      name: z.string().describe('File name, the one the document is served under, e.g. facture-2026-11-1001.pdf (or bill-…)'),
      mimeType: z.literal(BILL_DOCUMENT_MIME_TYPE),
      attachmentType: z.literal('bill'),
      '@type': z.literal('AttachmentRef'),
      '@referredType': z.literal('Attachment'),
    })
    .describe('TMF678 AttachmentRefOrValue (by reference): the PDF of the bill. GET its url with the same bearer token as the bill.'),
);

const customerBillFields = {
  id: z.string().describe('Identifier, e.g. CB-1001-202611'),
  href: uri('Absolute URL'),
  billNo: z.string().describe('Number printed on the bill, e.g. 2026-11-1001'),
  billDate: dateTime('Bill date'),
  billingPeriod: BillingPeriod,
  paymentDueDate: dateTime('Due date'),
  nextBillDate: dateTime('Approximate date of the next bill').optional(),
  lastUpdate: dateTime('Last change (e.g. a payment applied)'),
  category: z.string().describe('Always "normal" here'),
  runType: z.enum(['onCycle', 'offCycle']),
  state: z.enum(BILL_STATES).describe('Lifecycle state'),
  billingAccount: accountRef,
  taxExcludedAmount: MoneyModel,
  taxItem: z.array(taxItem).describe('One entry per tax category, each computed on the taxable base and rounded half-up to the cent').optional(),
  taxIncludedAmount: MoneyModel,
  amountDue: MoneyModel,
  remainingAmount: MoneyModel,
  appliedPayment: z
    .array(z.object({ payment: paymentRef, appliedAmount: MoneyModel }))
    .describe('The parts of payments applied to this bill (payments go to the oldest unpaid bill first)')
    .optional(),
  billDocument: z.array(BillDocumentRefModel).describe('The bill as a PDF document (one entry)'),
  '@type': z.string().describe('Sub-class name'),
  '@baseType': z.string().describe('Super-class name'),
  '@schemaLocation': uri('Where the sub-class is described'),
};

model(
  'CustomerBill',
  z
    .object(customerBillFields)
    .describe(
      "TMF678 CustomerBill (the attributes this server fills). taxExcludedAmount: the sum of all line items' taxExcludedAmount, fees " +
        'included; taxIncludedAmount (the current charges) = taxExcludedAmount + Σ taxItem.taxAmount; remainingAmount: what is still ' +
        "owed of this bill's own current charges; amountDue: the total due on this bill (see EspaceCustomerBill).",
    ),
);

export const EspaceCustomerBillModel = model(
  ESPACE_CUSTOMER_BILL,
  z
    .object({
      ...customerBillFields,
      previousBalance: MoneyModel,
      paymentReceived: z
        .array(z.object({ payment: paymentRef, appliedAmount: MoneyModel, date: dateTime('When the payment was received') }))
        .describe('Payments received since the previous bill (the statement section of the bill)')
        .optional(),
      '@type': z.literal(ESPACE_CUSTOMER_BILL),
      '@baseType': z.literal('CustomerBill'),
    })
    .describe(
      'espace extension of TMF678 CustomerBill ("@type": "EspaceCustomerBill", "@baseType": "CustomerBill") carrying the ' +
        "bill's statement section, which TMF678 v4 lacks: previousBalance (the previous bill's amountDue) and paymentReceived; amountDue = previousBalance − Σ paymentReceived.appliedAmount + " +
        'taxIncludedAmount, exactly, on every bill. The line items (appliedCustomerBillingRate?bill.id=…) carry a "billSection" ' +
        'characteristic: serviceCharges, addOns or fees.',
    ),
);

export type CustomerBill = z.infer<typeof EspaceCustomerBillModel>;

export const AppliedCustomerBillingRateModel = model(
  'AppliedCustomerBillingRate',
  z
    .object({
      id: z.string().describe('Identifier'),
      href: uri('Absolute URL'),
      name: z.string().describe('Name shown on the bill'),
      description: z.string().describe('Details'),
      date: dateTime('When the rate was applied (the bill date)'),
      appliedBillingRateType: z.enum(['recurringCharge', 'oneTimeCharge', 'usageCharge', 'appliedBillingCredit', 'appliedPenaltyCharge']),
      isBilled: z.literal(true),
      bill: z.object({ id: z.string(), href: uri('Absolute URL'), name: z.string().describe('Bill number'), '@referredType': z.literal('CustomerBill') }),
      billingAccount: accountRef,
      product: z
        .object({ id: z.string(), name: z.string(), '@referredType': z.literal('Product') })
        .describe('The product charged (absent for late-payment charges)')
        .optional(),
      periodCoverage: timePeriod('Start', 'End (inclusive day)'),
      characteristic: z
        .array(z.object({ name: z.literal('billSection'), valueType: z.literal('string'), value: z.enum(['serviceCharges', 'addOns', 'fees']) }))
        .describe('The section of the bill the line belongs to'),
      taxExcludedAmount: MoneyModel,
      taxIncludedAmount: MoneyModel,
      appliedTax: z.array(taxItem).describe("This line's share of each bill-level tax (shares add up exactly to the bill's taxItem)").optional(),
      '@type': z.literal('AppliedCustomerBillingRate'),
    })
    .describe(
      'TMF678 line item. taxExcludedAmount is negative for credits; taxIncludedAmount = taxExcludedAmount + Σ appliedTax.taxAmount. ' +
        'Non-taxable lines (the Quebec municipal 9-1-1 tax, late-payment charges) have an empty appliedTax.',
    ),
);

export type AppliedCustomerBillingRate = z.infer<typeof AppliedCustomerBillingRateModel>;

const mediumCharacteristic = z.object({
  contactType: z.string().describe('billing, home…'),
  street1: z.string().optional(),
  street2: z.string().optional(),
  city: z.string().optional(),
  stateOrProvince: z.string().describe('Province code').optional(),
  postCode: z.string().optional(),
  country: z.string().describe('ISO 3166 country code').optional(),
  emailAddress: z.string().optional(),
  phoneNumber: z.string().optional(),
});

const presentationMedia = z.object({ id: z.string().describe('Same as name'), name: z.enum(PRESENTATION_MEDIA).describe('How bills are delivered') });
const relatedParty = z.object({ id: z.string().describe('Party id'), name: z.string(), role: z.string().describe('owner'), '@referredType': z.string() });

export const BillingAccountModel = model(
  'BillingAccount',
  z
    .object({
      id: z.string().describe('Identifier, e.g. BA-1001'),
      href: uri('Absolute URL'),
      name: z.string().describe('Name of the account'),
      description: z.string().optional(),
      accountType: z.string().describe('residential'),
      state: z.string().describe('active'),
      ratingType: z.string().describe('postpaid'),
      paymentStatus: z.enum(['paid', 'due', 'overdue']).describe('"paid" (nothing owed), "due" (owed, not late) or "overdue"'),
      lastModified: dateTime('Last change'),
      accountBalance: z.array(
        z.object({
          balanceType: z
            .enum(['currentBalance', 'overdueBalance'])
            .describe('"currentBalance": everything owed now; "overdueBalance": the part past its due date'),
          amount: MoneyModel,
          validFor: z.object({ startDateTime: dateTime('As of') }),
        }),
      ),
      billStructure: z.object({
        presentationMedia: z.array(presentationMedia),
        cycleSpecification: z.object({
          name: z.string().describe('Cycle name'),
          frequency: z.string().describe('monthly'),
          billingPeriod: z.string().describe('month'),
        }),
      }),
      contact: z.array(
        z.object({
          contactType: z.string().describe('primary'),
          contactName: z.string(),
          partyRoleType: z.string().describe('accountOwner'),
          validFor: z.object({ startDateTime: dateTime('Since') }),
          contactMedium: z.array(
            z.object({ mediumType: z.enum(['postalAddress', 'email', 'phone']), preferred: z.boolean(), characteristic: mediumCharacteristic }),
          ),
        }),
      ),
      defaultPaymentMethod: z
        .object({ id: z.string().describe('TMF670 id'), name: z.string(), '@referredType': z.literal('PaymentMethod') })
        .describe('The method autopay debits')
        .optional(),
      relatedParty: z.array(relatedParty),
      characteristic: z
        .array(z.object({ name: z.string(), valueType: z.string(), value: z.unknown() }))
        .describe(
          'espace extension: autopay (boolean), autopayTermsAcceptedAt (date-time, once accepted) and autopayLastDebit ' +
            '({date, billId, outcome: paid | declined, amount, reason?}, the last debit the sandbox clock attempted)',
        ),
      '@type': z.literal('BillingAccount'),
    })
    .describe('TMF666 BillingAccount.'),
);

export type BillingAccount = z.infer<typeof BillingAccountModel>;

/**
 * A merge patch: only these attributes may change, anything else answers 400. Rules JSON Schema
 * cannot say (a printable name, relatedParty unchanged, id equal to name) are the route's.
 */
export const BillingAccountUpdateModel = model(
  'BillingAccount_Update',
  z
    .strictObject({
      name: z.string().min(1).max(100).describe('New name (1–100 printable characters)').optional(),
      relatedParty: z
        .array(z.looseObject({ id: z.string(), role: z.string().optional() }))
        .describe("The account's current parties, unchanged (TMF666 BillingAccount_Update requires them)")
        .optional(),
      billStructure: z
        .strictObject({
          presentationMedia: z
            .array(z.strictObject({ id: z.enum(PRESENTATION_MEDIA).optional(), name: z.enum(PRESENTATION_MEDIA) }))
            .length(1)
            .describe('e.g. [{"name": "paper"}]'),
        })
        .optional(),
      defaultPaymentMethod: DefaultPaymentMethodPatch.optional(),
      characteristic: AutopayCharacteristicPatch.optional(),
    })
    .describe(
      'JSON merge patch (RFC 7396) of a billing account: its name, paper or electronic bills, the default payment method and autopay. ' +
        'relatedParty may be sent (TMF666 BillingAccount_Update requires it) but must name the current parties.',
    )
    .meta({ examples: [{ billStructure: { presentationMedia: [{ name: 'paper' }] } }] }),
);

export type BillingAccountUpdate = z.infer<typeof BillingAccountUpdateModel>;

const CustomerBillListQuery = listQuery({
  id: filter('These bills (comma-separated for several)'),
  'billingAccount.id': filter('Bills of these accounts (comma-separated for several)'),
  state: filter(`Bills in these states (comma-separated): ${BILL_STATES.join(', ')}`),
  'billDate.gte': filter('Bill date on or after (YYYY-MM-DD or date-time; a bare date means its start)'),
  'billDate.gt': filter('Bill date after (a bare date means after that whole day)'),
  'billDate.lte': filter('Bill date on or before (a bare date includes that whole day)'),
  'billDate.lt': filter('Bill date before (a bare date means its start)'),
  sort: filter('billDate (oldest first) or -billDate (newest first, the default)', ['billDate', '-billDate']),
});

export const CUSTOMER_BILL_FILTERS = queryNames(CustomerBillListQuery);

export const listCustomerBill = routeSchema({
  operationId: 'listCustomerBill',
  tags: ['customerBill'],
  summary: 'List bills, newest first',
  querystring: CustomerBillListQuery,
  response: { 200: z.array(EspaceCustomerBillModel) },
});

export const retrieveCustomerBill = routeSchema({
  operationId: 'retrieveCustomerBill',
  tags: ['customerBill'],
  summary: 'Retrieve a bill',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: EspaceCustomerBillModel },
});

export const retrieveCustomerBillDocument = routeSchema({
  operationId: 'retrieveCustomerBillDocument',
  tags: ['customerBill'],
  summary: 'The bill as a PDF (the billDocument of the bill)',
  extension: "TMF678 v4 only refers to a bill's documents (billDocument, an AttachmentRefOrValue); this serves the one it refers to",
  description:
    'Generated on request from the stored bill; the same bill and language always give the same bytes. It shows the ' +
    'account, the bill and due dates, the billing period, the five sections with their line items, and the totals. ' +
    'Language: the first of fr or en in Accept-Language, else French for Quebec accounts and English otherwise. ' +
    'Authorization as for the bill: a bill the caller may not see answers 404.',
  params: idParams,
  response: {
    200: {
      description: `The PDF (${BILL_DOCUMENT_MIME_TYPE})`,
      schema: null,
      headers: {
        'Content-Type': { description: BILL_DOCUMENT_MIME_TYPE, schema: { type: 'string' } },
        'Content-Disposition': { description: 'attachment; filename="facture-2026-11-1001.pdf" (or bill-…)', schema: { type: 'string' } },
        'Content-Language': { description: 'fr or en', schema: { type: 'string' } },
      },
    },
  },
});

const AppliedRateListQuery = listQuery({
  'bill.id': filter('Line items of these bills (comma-separated)'),
  'billingAccount.id': filter('Line items of these accounts (comma-separated)'),
});

export const APPLIED_RATE_FILTERS = queryNames(AppliedRateListQuery);

export const listAppliedCustomerBillingRate = routeSchema({
  operationId: 'listAppliedCustomerBillingRate',
  tags: ['customerBill'],
  summary: "List line items (a bill's, in bill order)",
  querystring: AppliedRateListQuery,
  response: { 200: z.array(AppliedCustomerBillingRateModel) },
});

export const retrieveAppliedCustomerBillingRate = routeSchema({
  operationId: 'retrieveAppliedCustomerBillingRate',
  tags: ['customerBill'],
  summary: 'Retrieve a line item',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: AppliedCustomerBillingRateModel },
});

const BillingAccountListQuery = listQuery({
  id: filter('These accounts (comma-separated, at most 1000)'),
  state: filter('Accounts in these states (comma-separated)'),
});

export const BILLING_ACCOUNT_FILTERS = queryNames(BillingAccountListQuery);

export const listBillingAccount = routeSchema({
  operationId: 'listBillingAccount',
  tags: ['billingAccount'],
  summary: 'List billing accounts',
  querystring: BillingAccountListQuery,
  response: { 200: z.array(BillingAccountModel) },
});

export const retrieveBillingAccount = routeSchema({
  operationId: 'retrieveBillingAccount',
  tags: ['billingAccount'],
  summary: 'Retrieve a billing account',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: BillingAccountModel },
});

export const patchBillingAccount = routeSchema({
  operationId: 'patchBillingAccount',
  tags: ['billingAccount'],
  summary: 'Change the name, the bill delivery (paper or electronic), the default payment method or autopay of an account',
  params: idParams,
  body: BillingAccountUpdateModel,
  response: { 200: { description: 'Updated', schema: BillingAccountModel } },
});
