/**
 * The CLI's model of plans: offers of the catalog, the products an account holds, and product
 * orders. Plain data and pure rules; the sandbox (or any TMF server) stays the authority, these
 * rules only let the CLI refuse a hopeless order before showing a preview.
 */
import type { Money } from './money.js';

export const SERVICE_TYPES = ['internet', 'tv', 'phone', 'mobile'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export type OfferingKind = ServiceType | 'addOn';
/** Every offering kind, to check a kind a server sends. */
export const OFFERING_KINDS: ReadonlySet<string> = new Set<OfferingKind>([...SERVICE_TYPES, 'addOn']);

/**
 * Words that name each kind in category, specification and offering names, in English and French
 * ("Internet", "Télé", "Mobile", "Home Phone", "Add-ons"). Add-ons come first: "Internet add-on" is
 * an add-on; then mobile: "mobile phone" is mobile, not home phone. Compiled on first use:
 * case-insensitive Unicode classes cost milliseconds, which a command that never reads a plan
 * should not pay at start-up.
 */
let compiledKindWords: readonly [OfferingKind, RegExp][] | undefined;
const kindWords = (): readonly [OfferingKind, RegExp][] =>
  (compiledKindWords ??= (
    [
      ['addOn', 'add[- ]?ons?|options?|features?|extras?|suppl[ée]ments?'],
      ['mobile', 'mobile|mobility|mobilit[ée]|cell|cellular|cellulaire|wireless|sans[- ]fil'],
      ['internet', 'internet|broadband|high[- ]speed|fibre|fiber|hsi'],
      ['tv', 'tv|t[ée]l[ée]|television|t[ée]l[ée]vision|iptv'],
      ['phone', 'phone|telephone|t[ée]l[ée]phone|t[ée]l[ée]phonie|landline|voip'],
    ] as const
  ).map(([kind, words]) => [kind, new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, 'iu')]));

/** The kind the first telling name says ("Internet plans" → internet), or undefined. */
export function kindFromNames(names: readonly (string | undefined)[]): OfferingKind | undefined {
  for (const name of names) {
    if (!name) continue;
    for (const [kind, words] of kindWords()) if (words.test(name)) return kind;
  }
  return undefined;
}

export interface Offering {
  id: string;
  name: string;
  description?: string;
  kind: OfferingKind;
  monthly: Money;
  /** Contract term in months; 0 for none. */
  termMonths: number;
  downloadMbps?: number;
  uploadMbps?: number;
  channels?: number;
  dataGb?: number;
  minutes?: number;
  texts?: number;
  /** Price of each GB (or part of one) above the data allowance. */
  dataOverage?: Money;
  requiresService?: ServiceType;
  compatibleWith?: readonly string[];
}

export interface Product {
  id: string;
  name: string;
  status: string;
  kind: OfferingKind | undefined;
  isAddOn: boolean;
  offeringId?: string;
  monthly: Money;
  startDate?: string;
  contractEnd?: string;
}

export type OrderAction = 'add' | 'modify' | 'delete';

export interface OrderItem {
  action: OrderAction;
  productId?: string;
  productName?: string;
  offeringId?: string;
  offeringName?: string;
  previousMonthly?: Money;
  monthly?: Money;
}

export interface Order {
  id: string;
  accountId?: string;
  state: string;
  orderDate?: string;
  completionDate?: string;
  reason?: string;
  items: OrderItem[];
  stateChanges: { state: string; at?: string }[];
}

/** Why a plan change cannot be ordered, or undefined when it can. */
export type ChangeProblem = 'addOn' | 'incompatible' | 'same' | 'downgradeInTerm';

export function planChangeProblem(product: Product, offering: Offering, now: Date): ChangeProblem | undefined {
  if (product.isAddOn) return 'addOn';
  if (offering.kind !== product.kind) return 'incompatible';
  if (offering.id === product.offeringId) return 'same';
  const underContract = product.contractEnd !== undefined && Date.parse(product.contractEnd) > now.getTime();
  if (offering.monthly.amount < product.monthly.amount && underContract) return 'downgradeInTerm';
  return undefined;
}

/** Why an add-on cannot be added to an account holding `products`, or undefined when it can. */
export type AddOnProblem = 'notAddOn' | 'alreadyHeld' | 'missingService' | 'incompatiblePlan';

export function addOnProblem(offering: Offering, products: readonly Product[]): AddOnProblem | undefined {
  if (offering.kind !== 'addOn') return 'notAddOn';
  const active = products.filter((p) => p.status === 'active');
  if (active.some((p) => p.offeringId === offering.id)) return 'alreadyHeld';
  const services = active.filter((p) => !p.isAddOn && p.kind === offering.requiresService);
  if (offering.requiresService && services.length === 0) return 'missingService';
  const compatible = offering.compatibleWith;
  if (compatible && !services.some((p) => p.offeringId !== undefined && compatible.includes(p.offeringId))) return 'incompatiblePlan';
  return undefined;
}
