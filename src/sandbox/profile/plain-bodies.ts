/**
 * What the `plain` profile does to response bodies: each resource loses the attributes espace adds
 * to its TMF definition (subtypes, statement fields, characteristics with espace's names), tax
 * rates become percentages, and catalog prices and categories become references. Pure functions on
 * the JSON the routes produced, so the routes themselves stay the default profile's.
 */
import { CATEGORY_OF_KIND, priceRef } from './plain-catalog.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** `0.09975` → `9.975`, exactly: the decimal point moves in the number's shortest decimal form. */
export function asPercentage(rate: number): number {
  const [mantissa, exponent = '0'] = String(rate).split('e');
  return Number(`${mantissa}e${Number(exponent) + 2}`);
}

function percentRates(items: unknown): void {
  for (const item of objects(items)) if (typeof item.taxRate === 'number') item.taxRate = asPercentage(item.taxRate);
}

/** The resource's `@type` becomes its TMF base type, and the subtype's pointers go. */
function baseType(resource: Json, type: string): void {
  resource['@type'] = type;
  delete resource['@baseType'];
  delete resource['@schemaLocation'];
}

function dropCharacteristics(resource: Json, key: string, names: readonly string[]): void {
  if (!Array.isArray(resource[key])) return;
  const kept = objects(resource[key]).filter((c) => !names.includes(String(c.name)));
  if (kept.length > 0) resource[key] = kept;
  else delete resource[key];
}

function customerBill(bill: Json): void {
  delete bill.previousBalance;
  delete bill.paymentReceived;
  baseType(bill, 'CustomerBill');
  percentRates(bill.taxItem);
  // The reference form of TMF678's AttachmentRefOrValue (id, href, url, name): the value's mime type
  // and attachment type are optional, and a minimal server may leave them out.
  for (const document of objects(bill.billDocument)) {
    delete document.mimeType;
    delete document.attachmentType;
  }
}

function appliedRate(rate: Json): void {
  dropCharacteristics(rate, 'characteristic', ['billSection']);
  percentRates(rate.appliedTax);
}

function billingAccount(account: Json): void {
  // TMF666 v4.1 BillingAccount has no `characteristic`: espace carries autopay there.
  delete account.characteristic;
}

function troubleTicket(ticket: Json): void {
  delete ticket.escalationLevel;
  baseType(ticket, 'TroubleTicket');
  for (const note of objects(ticket.note)) {
    delete note.authorRole;
    delete note.noteType;
    delete note['@type'];
  }
  for (const change of objects(ticket.statusChange)) {
    delete change.changedBy;
    delete change['@type'];
  }
}

function serviceProblem(problem: Json): void {
  delete problem.estimatedRestorationDate;
  delete problem.plannedWindow;
  baseType(problem, 'ServiceProblem');
}

function productOffering(offering: Json, origin: string): void {
  const kind = typeof offering.serviceType === 'string' ? offering.serviceType : undefined;
  delete offering.serviceType;
  delete offering.requiresService;
  delete offering.compatibleOffering;
  // Category ids are the server's own; only the name says what kind of service an offer is.
  const category = kind === undefined ? undefined : CATEGORY_OF_KIND[kind];
  if (category) offering.category = [{ id: category.id, name: category.name }];
  else delete offering.category;
  offering.productOfferingPrice = objects(offering.productOfferingPrice).map((price) => priceRef(origin, String(price.id), String(price.name)));
  baseType(offering, 'ProductOffering');
}

function product(item: Json): void {
  dropCharacteristics(item, 'productCharacteristic', ['serviceType', 'isAddOn']);
}

function productOrder(order: Json): void {
  delete order.stateChange;
  // TMF622 v4 puts requestedStartDate on the order, not on its items.
  for (const item of objects(order.productOrderItem)) delete item.requestedStartDate;
  baseType(order, 'ProductOrder');
}

function paymentMethod(method: Json): void {
  // Neither TMF670's TokenizedCard nor its BankAccountDebit has these.
  delete method.nameOnCard;
  delete method.institutionNumber;
  delete method.transitNumber;
}

/** The resource kinds the profile rewrites, by the collection path of their API (without the version's base). */
export type PlainResourceKind =
  | 'customerBill'
  | 'appliedCustomerBillingRate'
  | 'billingAccount'
  | 'troubleTicket'
  | 'serviceProblem'
  | 'productOffering'
  | 'product'
  | 'productOrder'
  | 'paymentMethod';

const REWRITES: Record<PlainResourceKind, (resource: Json, origin: string) => void> = {
  customerBill,
  appliedCustomerBillingRate: appliedRate,
  billingAccount,
  troubleTicket,
  serviceProblem,
  productOffering,
  product,
  productOrder,
  paymentMethod,
};

/** Rewrites a body (one resource or a list of them) in place. */
export function rewriteBody(kind: PlainResourceKind, body: unknown, origin: string): void {
  const rewrite = REWRITES[kind];
  if (Array.isArray(body)) for (const resource of objects(body)) rewrite(resource, origin);
  else if (isObject(body)) rewrite(body, origin);
}
