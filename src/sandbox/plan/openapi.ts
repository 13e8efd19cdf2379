/**
 * The plan area's part of the sandbox's OpenAPI document: TMF620 catalog, TMF637 inventory, TMF622
 * ordering, TMF635 usage and TMF678 customerBillOnDemand. It refers to the shared components
 * (Money, Error responses, the id/fields/offset/limit parameters) of the main document.
 */
import { BILL_ON_DEMAND_PATH, CATALOG_API, INVENTORY_API, ORDERING_API, USAGE_API } from './paths.js';
import { ESPACE_PRODUCT_OFFERING, ESPACE_PRODUCT_ORDER } from './resources.js';

type Json = Record<string, unknown>;

const schema = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const parameter = (name: string): Json => ({ $ref: `#/components/parameters/${name}` });
const errors = Object.fromEntries(
  [
    ['400', 'BadRequest'],
    ['401', 'Unauthorized'],
    ['403', 'Forbidden'],
    ['404', 'NotFound'],
    ['500', 'InternalError'],
  ].map(([status, name]) => [status, { $ref: `#/components/responses/${name}` }]),
);
const rule = {
  description: 'Refused by a business rule (the message says which); nothing was ordered or produced',
  content: { 'application/json': { schema: schema('Error') } },
};
const jsonBody = (item: Json) => ({ 'application/json': { schema: item } });
const query = (name: string, description: string, extra: Json = {}): Json => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', ...extra },
});

function list(operationId: string, tag: string, summary: string, item: string, filters: Json[]): Json {
  return {
    operationId,
    tags: [tag],
    summary,
    security: [{ bearerAuth: [] }],
    parameters: [parameter('fields'), parameter('offset'), parameter('limit'), ...filters],
    responses: {
      '200': {
        description: 'Success (one page of results)',
        headers: { 'X-Total-Count': { $ref: '#/components/headers/X-Total-Count' }, 'X-Result-Count': { $ref: '#/components/headers/X-Result-Count' } },
        content: jsonBody({ type: 'array', items: schema(item) }),
      },
      ...errors,
    },
  };
}

function retrieve(operationId: string, tag: string, summary: string, item: string): Json {
  return {
    operationId,
    tags: [tag],
    summary,
    security: [{ bearerAuth: [] }],
    parameters: [parameter('id'), parameter('fields')],
    responses: { '200': { description: 'Success', content: jsonBody(schema(item)) }, ...errors },
  };
}

function create(operationId: string, tag: string, summary: string, description: string, input: string, output: string): Json {
  return {
    operationId,
    tags: [tag],
    summary,
    description,
    security: [{ bearerAuth: [] }],
    requestBody: { required: true, content: jsonBody(schema(input)) },
    responses: { '201': { description: 'Created', content: jsonBody(schema(output)) }, ...errors, '409': rule, '422': rule },
  };
}

const ref = { type: 'object', required: ['id'], properties: { id: { type: 'string' }, href: { type: 'string' }, name: { type: 'string' } } };
const price = { type: 'object', properties: { dutyFreeAmount: schema('Money') } };

export const planTags: Json[] = [
  { name: 'productOffering', description: 'TMF620 Product Catalog' },
  { name: 'product', description: 'TMF637 Product Inventory' },
  { name: 'productOrder', description: 'TMF622 Product Ordering' },
  { name: 'usage', description: 'TMF635 Usage' },
];

export const planSchemas: Record<string, Json> = {
  [ESPACE_PRODUCT_OFFERING]: {
    type: 'object',
    description:
      'TMF620 ProductOffering with espace extensions: serviceType (internet, tv, phone, mobile or addOn), requiresService (add-ons: ' +
      'the service the account must have) and compatibleOffering (add-ons: the only plans they work with, when limited). ' +
      'productOfferingTerm[0].duration.amount is the contract term in months (0: no contract). prodSpecCharValueUse holds speeds ' +
      '(downloadSpeed, uploadSpeed in Mbps), channels, and allowances per cycle (dataAllowance GB, voiceAllowance min, smsAllowance). ' +
      'productOfferingPrice: the monthly price (priceType recurring) and, for mobile plans, the price of each GB above the allowance (priceType usage).',
    required: ['id', 'name', 'serviceType', 'productOfferingPrice'],
    properties: {
      id: { type: 'string' },
      href: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string' },
      serviceType: { type: 'string', enum: ['internet', 'tv', 'phone', 'mobile', 'addOn'] },
      requiresService: { type: 'string', enum: ['internet', 'tv', 'phone', 'mobile'] },
      compatibleOffering: { type: 'array', items: ref },
      productOfferingTerm: {
        type: 'array',
        items: {
          type: 'object',
          properties: { name: { type: 'string' }, duration: { type: 'object', properties: { amount: { type: 'integer' }, units: { type: 'string' } } } },
        },
      },
      prodSpecCharValueUse: { type: 'array', items: { type: 'object' } },
      productOfferingPrice: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'string' }, name: { type: 'string' }, priceType: { type: 'string', enum: ['recurring', 'usage'] }, price: schema('Money') },
        },
      },
      '@type': { type: 'string' },
    },
  },
  Product: {
    type: 'object',
    description:
      'TMF637 Product: one service or add-on of an account. productPrice[0] is its monthly price; productTerm[0].validFor.endDateTime the end ' +
      'of its contract term, when it has one; productCharacteristic serviceType and isAddOn.',
    required: ['id', 'name', 'status'],
    properties: {
      id: { type: 'string' },
      href: { type: 'string' },
      name: { type: 'string' },
      status: { type: 'string', enum: ['active', 'terminated'] },
      startDate: { type: 'string', format: 'date-time' },
      terminationDate: { type: 'string', format: 'date-time' },
      billingAccount: ref,
      productOffering: ref,
      productCharacteristic: { type: 'array', items: { type: 'object' } },
      productPrice: {
        type: 'array',
        items: { type: 'object', properties: { priceType: { type: 'string' }, recurringChargePeriod: { type: 'string' }, price } },
      },
      productTerm: { type: 'array', items: { type: 'object' } },
    },
  },
  ProductOrderCreate: {
    type: 'object',
    description:
      'Items: modify (a plan change: product + productOffering of the same service; a cheaper plan is refused while the product is under ' +
      'contract), add (an add-on: productOffering, with billingAccount; the account must have the service it requires, on a compatible plan) ' +
      'and delete (an add-on: product). Every item is checked before anything is recorded: one refused item refuses the order (422).',
    required: ['productOrderItem'],
    properties: {
      billingAccount: ref,
      productOrderItem: {
        type: 'array',
        items: {
          type: 'object',
          required: ['action'],
          properties: { id: { type: 'string' }, action: { type: 'string', enum: ['add', 'modify', 'delete'] }, product: ref, productOffering: ref },
        },
      },
    },
  },
  [ESPACE_PRODUCT_ORDER]: {
    type: 'object',
    description:
      'TMF622 ProductOrder with stateChange[] (espace extension: each state and when it was reached). The sandbox completes accepted orders ' +
      'at once (acknowledged → inProgress → completed) and applies them to the inventory; changes take effect on the day of the order. ' +
      'An order that would raise the monthly bill of an account with a bill more than 30 days past due is recorded as rejected ' +
      '(acknowledged → rejected; note[0].text gives the reason) and changes nothing. ' +
      'itemPrice holds the monthly price before (previousMonthlyPrice) and after (monthlyPrice) the item.',
    required: ['id', 'state', 'productOrderItem'],
    properties: {
      id: { type: 'string' },
      href: { type: 'string' },
      orderDate: { type: 'string', format: 'date-time' },
      completionDate: { type: 'string', format: 'date-time' },
      state: { type: 'string', enum: ['acknowledged', 'inProgress', 'completed', 'rejected'] },
      note: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' } } } },
      billingAccount: ref,
      productOrderItem: { type: 'array', items: { type: 'object' } },
      stateChange: { type: 'array', items: { type: 'object', properties: { state: { type: 'string' }, changeDate: { type: 'string', format: 'date-time' } } } },
    },
  },
  Usage: {
    type: 'object',
    description:
      'TMF635 Usage: one day of one kind of usage of a product (usageType mobileData or internetData in MB, voice in minutes, sms in messages); ' +
      'usageCharacteristic quantity and unit; ratedProductUsage[0].productRef the product. Deterministic demo data for the previous and current cycle.',
    required: ['id', 'usageDate', 'usageType'],
    properties: {
      id: { type: 'string' },
      usageDate: { type: 'string', format: 'date-time' },
      usageType: { type: 'string', enum: ['mobileData', 'voice', 'sms', 'internetData'] },
      usageCharacteristic: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, value: {} } } },
      ratedProductUsage: { type: 'array', items: { type: 'object' } },
    },
  },
  CustomerBillOnDemandCreate: { type: 'object', required: ['billingAccount'], properties: { billingAccount: ref } },
  CustomerBillOnDemand: {
    type: 'object',
    description:
      "TMF678 CustomerBillOnDemand. The sandbox produces the account's bill of the current cycle (a calendar month) at once (state done): " +
      'a recurringCharge per product held at the start of the cycle at the price it had then, the recurring fees of the last bill, and for each ' +
      'order item completed in the cycle lines with appliedBillingRateType "proration" (periodCoverage: from the change to the end of the ' +
      'cycle; product: the product): a negative amount crediting the unused part at the old monthly price, a positive amount charging it at ' +
      'the new one; each is the monthly price × days left ÷ days in the cycle, rounded half-up to the cent. Taxes as on every bill. Asking ' +
      'again in the same cycle replaces that bill while its state is new (409 afterwards). The bill stays unissued (runType offCycle, ' +
      "state new) until the cycle issues it: it is not in the account's balance, and a payment of it is refused (422).",
    properties: {
      id: { type: 'string' },
      href: { type: 'string' },
      state: { type: 'string', enum: ['inProgress', 'rejected', 'done', 'terminatedWithError'] },
      lastUpdate: { type: 'string', format: 'date-time' },
      billingAccount: ref,
      customerBill: ref,
    },
  },
};

export const planPaths: Record<string, Json> = {
  [`${CATALOG_API}/productOffering`]: {
    get: list('listProductOffering', 'productOffering', 'List the plans and add-ons on offer', ESPACE_PRODUCT_OFFERING, [
      query('serviceType', 'Offers for these services (comma-separated)', { enum: ['internet', 'tv', 'phone', 'mobile', 'addOn'] }),
      query('category.id', 'Same as serviceType'),
    ]),
  },
  [`${CATALOG_API}/productOffering/{id}`]: { get: retrieve('retrieveProductOffering', 'productOffering', 'Retrieve an offer', ESPACE_PRODUCT_OFFERING) },
  [`${INVENTORY_API}/product`]: {
    get: list('listProduct', 'product', "List the services and add-ons of the caller's accounts", 'Product', [
      query('billingAccount.id', 'Products of these accounts (comma-separated)'),
      query('status', 'active or terminated'),
    ]),
  },
  [`${INVENTORY_API}/product/{id}`]: { get: retrieve('retrieveProduct', 'product', 'Retrieve a product', 'Product') },
  [`${ORDERING_API}/productOrder`]: {
    get: list('listProductOrder', 'productOrder', 'List product orders, newest first', ESPACE_PRODUCT_ORDER, [
      query('billingAccount.id', 'Orders of these accounts'),
    ]),
    post: create(
      'createProductOrder',
      'productOrder',
      'Order a plan change, or add or remove an add-on',
      'Unknown or incompatible offers, a downgrade inside a contract term and an add-on whose required service the account lacks answer 422.',
      'ProductOrderCreate',
      ESPACE_PRODUCT_ORDER,
    ),
  },
  [`${ORDERING_API}/productOrder/{id}`]: { get: retrieve('retrieveProductOrder', 'productOrder', 'Retrieve a product order', ESPACE_PRODUCT_ORDER) },
  [`${USAGE_API}/usage`]: {
    get: list('listUsage', 'usage', 'Daily usage records of an account (previous and current cycle, up to today)', 'Usage', [
      { ...query('billingAccount.id', 'The account (required)'), required: true },
      query('usageType', 'mobileData, voice, sms or internetData (comma-separated)'),
      query('usageDate.gte', 'From this date (default: the start of the current cycle)'),
      query('usageDate.lte', 'Up to this date (default: today)'),
    ]),
  },
  [BILL_ON_DEMAND_PATH]: {
    post: create(
      'createCustomerBillOnDemand',
      'customerBill',
      "Produce the account's next bill now",
      'See the CustomerBillOnDemand schema for what the bill holds.',
      'CustomerBillOnDemandCreate',
      'CustomerBillOnDemand',
    ),
  },
  [`${BILL_ON_DEMAND_PATH}/{id}`]: {
    get: retrieve('retrieveCustomerBillOnDemand', 'customerBill', 'Retrieve an on-demand bill request', 'CustomerBillOnDemand'),
  },
};
