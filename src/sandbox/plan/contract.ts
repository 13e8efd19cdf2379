/**
 * The wire contract of the plan area (see ../contract/route-schema.ts): TMF620 catalog, TMF637
 * inventory, TMF622 ordering, TMF635 usage and TMF678 customerBillOnDemand.
 */
import * as z from 'zod';
import { model, queryNames, routeSchema } from '../contract/route-schema.js';
import { EntityRefModel, MoneyModel, TimePeriodModel, dateTime, filter, idParams, listQuery, retrieveQuery } from '../contract/tmf-common.js';

export const ESPACE_PRODUCT_OFFERING = 'EspaceProductOffering';
export const ESPACE_PRODUCT_ORDER = 'EspaceProductOrder';

const SERVICE_TYPES = ['internet', 'tv', 'phone', 'mobile', 'addOn'] as const;

const ref = z.object({ id: z.string(), href: z.string().optional(), name: z.string().optional(), '@referredType': z.string().optional() });
const characteristic = z.object({ name: z.string(), valueType: z.string().optional(), value: z.union([z.string(), z.number(), z.boolean()]) });
const recurringPrice = z.object({
  name: z.string(),
  priceType: z.string(),
  recurringChargePeriod: z.string(),
  price: z.object({ dutyFreeAmount: MoneyModel }),
});

const ProductOfferingModel = model(
  ESPACE_PRODUCT_OFFERING,
  z
    .object({
      id: z.string(),
      href: z.string(),
      name: z.string(),
      description: z.string(),
      isBundle: z.boolean(),
      isSellable: z.boolean(),
      lifecycleStatus: z.string(),
      category: z.array(z.object({ id: z.string(), name: z.string() })),
      serviceType: z.enum(SERVICE_TYPES).describe('espace extension: the service the offer is for'),
      requiresService: z.enum(['internet', 'tv', 'phone', 'mobile']).describe('espace extension (add-ons): the service the account must have').optional(),
      compatibleOffering: z.array(ref).describe('espace extension (add-ons): the only plans they work with, when limited').optional(),
      productOfferingTerm: z.array(z.object({ name: z.string(), duration: z.object({ amount: z.number().int(), units: z.string() }) })),
      prodSpecCharValueUse: z.array(
        z.object({
          name: z.string(),
          productSpecCharacteristicValue: z.array(z.object({ value: z.union([z.number(), z.string()]), unitOfMeasure: z.string().optional() })),
        }),
      ),
      productOfferingPrice: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          priceType: z.enum(['recurring', 'usage']),
          recurringChargePeriodType: z.string().optional(),
          recurringChargePeriodLength: z.number().int().optional(),
          unitOfMeasure: z.object({ amount: z.number(), units: z.string() }).optional(),
          price: MoneyModel,
          '@type': z.literal('ProductOfferingPrice'),
        }),
      ),
      '@type': z.literal(ESPACE_PRODUCT_OFFERING),
      '@baseType': z.literal('ProductOffering'),
    })
    .describe(
      'TMF620 ProductOffering with espace extensions: serviceType (internet, tv, phone, mobile or addOn), requiresService (add-ons: ' +
        'the service the account must have) and compatibleOffering (add-ons: the only plans they work with, when limited). ' +
        'productOfferingTerm[0].duration.amount is the contract term in months (0: no contract). prodSpecCharValueUse holds speeds ' +
        '(downloadSpeed, uploadSpeed in Mbps), channels, and allowances per cycle (dataAllowance GB, voiceAllowance min, smsAllowance). ' +
        'productOfferingPrice: the monthly price (priceType recurring) and, for mobile plans, the price of each GB above the allowance (priceType usage).',
    ),
);

const ProductModel = model(
  'Product',
  z
    .object({
      id: z.string(),
      href: z.string(),
      name: z.string(),
      isBundle: z.boolean(),
      isCustomerVisible: z.boolean(),
      status: z.enum(['active', 'terminated']),
      startDate: dateTime('When the product started'),
      terminationDate: dateTime('When it ended (terminated products)').optional(),
      billingAccount: ref,
      productOffering: ref.optional(),
      productCharacteristic: z.array(characteristic),
      productPrice: z.array(recurringPrice),
      productTerm: z.array(z.object({ name: z.string(), validFor: TimePeriodModel })).optional(),
      '@type': z.literal('Product'),
    })
    .describe(
      'TMF637 Product: one service or add-on of an account. productPrice[0] is its monthly price; productTerm[0].validFor.endDateTime the end ' +
        'of its contract term, when it has one; productCharacteristic serviceType and isAddOn.',
    ),
);

const ProductOrderCreateModel = model(
  'ProductOrder_Create',
  z
    .object({
      billingAccount: EntityRefModel.optional(),
      productOrderItem: z.array(
        z.object({
          id: z.string().optional(),
          action: z.enum(['add', 'modify', 'delete']),
          product: EntityRefModel.optional(),
          productOffering: EntityRefModel.optional(),
        }),
      ),
    })
    .describe(
      'Items: modify (a plan change: product + productOffering of the same service; a cheaper plan is refused while the product is under ' +
        'contract), add (an add-on: productOffering, with billingAccount; the account must have the service it requires, on a compatible plan) ' +
        'and delete (an add-on: product). Every item is checked before anything is recorded: one refused item refuses the order (422).',
    ),
);

/** What `POST productOrder` accepts. */
export type ProductOrderCreate = z.infer<typeof ProductOrderCreateModel>;

const ProductOrderModel = model(
  ESPACE_PRODUCT_ORDER,
  z
    .object({
      id: z.string(),
      href: z.string(),
      orderDate: dateTime('When the order was placed'),
      completionDate: dateTime('When it completed').optional(),
      state: z.enum(['acknowledged', 'inProgress', 'completed', 'rejected', 'failed']),
      note: z.array(z.object({ text: z.string() })).optional(),
      billingAccount: ref,
      productOrderItem: z.array(
        z.object({
          id: z.string(),
          action: z.enum(['add', 'modify', 'delete']),
          state: z.string(),
          quantity: z.number().int(),
          product: ref,
          productOffering: ref.optional(),
          itemPrice: z.array(recurringPrice),
          requestedStartDate: z.string(),
          '@type': z.literal('ProductOrderItem'),
        }),
      ),
      stateChange: z.array(z.object({ state: z.string(), changeDate: dateTime('When the state was reached') })).describe('espace extension'),
      '@type': z.literal(ESPACE_PRODUCT_ORDER),
      '@baseType': z.literal('ProductOrder'),
    })
    .describe(
      'TMF622 ProductOrder with stateChange[] (espace extension: each state and when it was reached). Accepted orders go ' +
        'acknowledged → inProgress → completed and are applied to the inventory; changes take effect on the day of the order. ' +
        'An order that would raise the monthly bill of an account with a bill more than 30 days past due is recorded as rejected ' +
        '(acknowledged → rejected; note[0].text gives the reason) and changes nothing. ' +
        'itemPrice holds the monthly price before (previousMonthlyPrice) and after (monthlyPrice) the item.',
    ),
);

const UsageModel = model(
  'Usage',
  z
    .object({
      id: z.string(),
      href: z.string(),
      usageDate: dateTime('The day of the usage'),
      usageType: z.enum(['mobileData', 'voice', 'sms', 'internetData']),
      status: z.literal('rated'),
      usageCharacteristic: z.array(characteristic),
      ratedProductUsage: z.array(z.object({ isBilled: z.boolean(), productRef: ref })),
      relatedParty: z.array(z.object({ id: z.string(), role: z.string(), '@referredType': z.string() })),
      '@type': z.literal('Usage'),
    })
    .describe(
      'TMF635 Usage: one day of one kind of usage of a product (usageType mobileData or internetData in MB, voice in minutes, sms in messages); ' +
        'usageCharacteristic quantity and unit; ratedProductUsage[0].productRef the product. Deterministic demo data for the previous and current cycle.',
    ),
);

const BillOnDemandCreateModel = model('CustomerBillOnDemand_Create', z.object({ billingAccount: EntityRefModel }));

const BillOnDemandModel = model(
  'CustomerBillOnDemand',
  z
    .object({
      id: z.string(),
      href: z.string(),
      name: z.string(),
      description: z.string(),
      state: z.enum(['inProgress', 'rejected', 'done', 'terminatedWithError']),
      lastUpdate: dateTime('When it was produced'),
      billingAccount: ref,
      customerBill: ref,
      '@type': z.literal('CustomerBillOnDemand'),
    })
    .describe(
      "TMF678 CustomerBillOnDemand. The sandbox produces the account's bill of the current cycle (a calendar month) at once (state done): " +
        'a recurringCharge per product held at the start of the cycle at the price it had then, the recurring fees of the last bill, and for each ' +
        'order item completed in the cycle lines with appliedBillingRateType "proration" (periodCoverage: from the change to the end of the ' +
        'cycle; product: the product): a negative amount crediting the unused part at the old monthly price, a positive amount charging it at ' +
        'the new one; each is the monthly price × days left ÷ days in the cycle, rounded half-up to the cent. Taxes as on every bill. Asking ' +
        'again in the same cycle replaces that bill while its state is new (409 afterwards). The bill stays unissued (runType offCycle, ' +
        "state new) until the cycle issues it: it is not in the account's balance, and a payment of it is refused (422).",
    ),
);

const refused = (what: string) => ({ description: `Refused by a business rule (the message says which); nothing was ${what}`, schema: null });

const OfferingQuery = listQuery({
  serviceType: filter('Offers for these services (comma-separated): internet, tv, phone, mobile, addOn'),
  'category.id': filter('Same as serviceType'),
});
const ProductQuery = listQuery({
  'billingAccount.id': filter('Products of these accounts (comma-separated)'),
  status: filter('active or terminated'),
});
const OrderQuery = listQuery({ 'billingAccount.id': filter('Orders of these accounts') });
const UsageQuery = listQuery({
  'billingAccount.id': z.string().describe('The account (several, comma-separated, for a bulk read)'),
  usageType: filter('mobileData, voice, sms or internetData (comma-separated)'),
  'usageDate.gte': filter('From this date (default: the start of the current cycle)'),
  'usageDate.lte': filter('Up to this date (default: today)'),
});

export const OFFERING_FILTERS = queryNames(OfferingQuery);
export const PRODUCT_FILTERS = queryNames(ProductQuery);
export const ORDER_FILTERS = queryNames(OrderQuery);
export const USAGE_FILTERS = queryNames(UsageQuery);

export const listProductOffering = routeSchema({
  operationId: 'listProductOffering',
  tags: ['productOffering'],
  summary: 'List the plans and add-ons on offer',
  querystring: OfferingQuery,
  response: { 200: z.array(ProductOfferingModel) },
});
export const retrieveProductOffering = routeSchema({
  operationId: 'retrieveProductOffering',
  tags: ['productOffering'],
  summary: 'Retrieve an offer',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: ProductOfferingModel },
});
export const listProduct = routeSchema({
  operationId: 'listProduct',
  tags: ['product'],
  summary: "List the services and add-ons of the caller's accounts",
  querystring: ProductQuery,
  response: { 200: z.array(ProductModel) },
});
export const retrieveProduct = routeSchema({
  operationId: 'retrieveProduct',
  tags: ['product'],
  summary: 'Retrieve a product',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: ProductModel },
});
export const listProductOrder = routeSchema({
  operationId: 'listProductOrder',
  tags: ['productOrder'],
  summary: 'List product orders, newest first',
  querystring: OrderQuery,
  response: { 200: z.array(ProductOrderModel) },
});
export const createProductOrder = routeSchema({
  operationId: 'createProductOrder',
  tags: ['productOrder'],
  summary: 'Order a plan change, or add or remove an add-on',
  description: 'Unknown or incompatible offers, a downgrade inside a contract term and an add-on whose required service the account lacks answer 422.',
  body: ProductOrderCreateModel,
  response: { 201: ProductOrderModel, 409: refused('ordered'), 422: refused('ordered') },
});
export const retrieveProductOrder = routeSchema({
  operationId: 'retrieveProductOrder',
  tags: ['productOrder'],
  summary: 'Retrieve a product order',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: ProductOrderModel },
});
export const listUsage = routeSchema({
  operationId: 'listUsage',
  tags: ['usage'],
  summary: 'Daily usage records of an account (previous and current cycle, up to today)',
  querystring: UsageQuery,
  response: { 200: z.array(UsageModel) },
});
export const createCustomerBillOnDemand = routeSchema({
  operationId: 'createCustomerBillOnDemand',
  tags: ['customerBill'],
  summary: "Produce the account's next bill now",
  description: 'See the CustomerBillOnDemand schema for what the bill holds.',
  body: BillOnDemandCreateModel,
  response: { 201: BillOnDemandModel, 409: refused('produced'), 422: refused('produced') },
});
export const retrieveCustomerBillOnDemand = routeSchema({
  operationId: 'retrieveCustomerBillOnDemand',
  tags: ['customerBill'],
  summary: 'Retrieve an on-demand bill request',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: BillOnDemandModel },
});

/** What the routes send, as the contract declares it (the resource builders are checked against these). */
export type ProductOffering = z.input<typeof ProductOfferingModel>;
export type Product = z.input<typeof ProductModel>;
export type ProductOrder = z.input<typeof ProductOrderModel>;
export type Usage = z.input<typeof UsageModel>;
