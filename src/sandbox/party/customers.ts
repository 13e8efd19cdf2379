/**
 * The seeded customers: Marie Tremblay, James Wilson and Luc Gagnon (their logins are in
 * auth/seed.ts), and a generator of synthetic accounts for volume. Each is a person, a billing
 * account, the products on it and the plan of a year of bills and payments.
 *
 * Every customer has twelve monthly bills, the latest dated the 1st of the anchor's month; all
 * dates derive from the anchor and no amount depends on it, so a given anchor always produces
 * byte-identical data.
 */
import { noonUtc, parseSeedAnchor } from '../dates.js';
import { generateLedger, type AccountPlan, type BillingMonth, type ChargeSpec, type Ledger } from '../billing/ledger.js';
import { SALES_TAXES, type Province } from '../billing/taxes.js';
import { SEED_CREDENTIALS, type SeedPerson, type SeedUserKey } from '../auth/seed.js';

/** A product on a seeded account. */
export interface ProductDef {
  id: string;
  name: string;
  type: 'internet' | 'tv' | 'homePhone' | 'mobile' | 'addOn';
  priceCents: number;
  /** Months after the start of the seeded year when it was added (0 = before). */
  addedAtIndex?: number;
}

/** A seeded customer: the person, their billing account, products and billing plan. */
export interface CustomerDef extends SeedPerson {
  /** Which seeded login owns the account; null for generated accounts, which have none. */
  key: Exclude<SeedUserKey, 'agent'> | null;
  userId: string;
  phone: string;
  account: {
    id: string;
    accountNo: string;
    description: string;
    province: Province;
    street1: string;
    street2: string | null;
    city: string;
    postcode: string;
    presentationMedia: 'electronic' | 'paper';
    cycleName: string;
    /** Customer since, in months before the anchor. */
    monthsBefore: number;
    defaultPaymentMethod: { id: string; name: string } | null;
  };
  products: ProductDef[];
  payment: { name: string; description: string; channel: string; methodId: string | null; methodName: string | null };
  plan: Omit<AccountPlan, 'accountId' | 'accountNo' | 'taxes' | 'dueDays'>;
}

/** Days from a bill to its payment due date. */
export const DUE_DAYS = 21;

function ref(p: ProductDef): { id: string; name: string } {
  return { id: p.id, name: p.name };
}

function recurring(p: ProductDef, section: ChargeSpec['section'], description: string, amountCents = p.priceCents): ChargeSpec {
  return { section, rateType: 'recurringCharge', name: p.name, description, product: ref(p), amountCents, taxable: true };
}

/** A charge of one day of the service month (one-time purchases). */
function oneDay(month: BillingMonth, day: number): { start: string; end: string } {
  const at = noonUtc(month.serviceMonth, day);
  return { start: at, end: at };
}

// ---------------------------------------------------------------------------------------------
// Marie Tremblay: the demo customer. Four services, add-ons, usage, a promotion that ends after
// the sixth bill, a mobile price increase from the eighth, and different extras every month, so
// that comparing any two bills has something to explain.

const MARIE_INTERNET: ProductDef = { id: 'PRD-1001-INT', name: 'Internet Giga', type: 'internet', priceCents: 8500 };
const MARIE_TV: ProductDef = { id: 'PRD-1001-TV', name: 'Télé – Base + 10 chaînes', type: 'tv', priceCents: 4500 };
const MARIE_PHONE: ProductDef = { id: 'PRD-1001-TEL', name: 'Téléphonie résidentielle', type: 'homePhone', priceCents: 3000 };
const MARIE_MOBILE: ProductDef = { id: 'PRD-1001-MOB', name: 'Mobile 20 Go', type: 'mobile', priceCents: 5500 };
const MARIE_INTL: ProductDef = { id: 'PRD-1001-INTL', name: 'Interurbain international – 300 minutes', type: 'addOn', priceCents: 800 };
const MARIE_MOVIES: ProductDef = { id: 'PRD-1001-FILM', name: 'Super Écran', type: 'addOn', priceCents: 1500, addedAtIndex: 3 };

const MARIE: CustomerDef = {
  key: 'marie',
  userId: SEED_CREDENTIALS.marie.userId,
  givenName: 'Marie',
  familyName: 'Tremblay',
  email: 'marie.tremblay@example.com',
  phone: '+1 514-555-0142',
  locale: 'fr-CA',
  account: {
    id: 'BA-1001',
    accountNo: '1001',
    description: 'Compte résidentiel',
    province: 'QC',
    street1: '1234, rue Saint-Denis',
    street2: 'App. 5',
    city: 'Montréal',
    postcode: 'H2X 1Y4',
    presentationMedia: 'electronic',
    cycleName: 'Mensuel – facture le 1er',
    monthsBefore: 52,
    defaultPaymentMethod: { id: 'PM-1001-1', name: 'Visa •••• 4242' },
  },
  products: [MARIE_INTERNET, MARIE_TV, MARIE_PHONE, MARIE_MOBILE, MARIE_INTL, MARIE_MOVIES],
  payment: {
    name: 'Paiement préautorisé',
    description: 'Paiement préautorisé par carte Visa •••• 4242',
    channel: 'preAuthorized',
    methodId: 'PM-1001-1',
    methodName: 'Visa •••• 4242',
  },
  plan: {
    charges(month) {
      const k = month.index;
      const lines: ChargeSpec[] = [recurring(MARIE_INTERNET, 'serviceCharges', 'Mensualité du service Internet')];
      if (k <= 5) {
        lines.push({
          section: 'serviceCharges',
          rateType: 'appliedBillingCredit',
          name: 'Promotion Internet Giga',
          description: k === 5 ? 'Crédit promotionnel mensuel – dernier mois de la promotion' : 'Crédit promotionnel mensuel (promotion de 12 mois)',
          product: ref(MARIE_INTERNET),
          amountCents: -1000,
          taxable: true,
        });
      }
      lines.push(recurring(MARIE_TV, 'serviceCharges', 'Mensualité du service de télévision'));
      lines.push(recurring(MARIE_PHONE, 'serviceCharges', 'Mensualité de la ligne résidentielle'));
      lines.push(
        recurring(
          MARIE_MOBILE,
          'serviceCharges',
          k === 7 ? 'Mensualité du forfait mobile – nouveau tarif en vigueur (50,00 $ → 55,00 $)' : 'Mensualité du forfait mobile',
          k >= 7 ? 5500 : 5000,
        ),
      );
      lines.push(recurring(MARIE_INTL, 'addOns', 'Option d’appels internationaux, 300 minutes par mois'));
      if (k >= 3) lines.push(recurring(MARIE_MOVIES, 'addOns', 'Chaîne de films premium'));
      if (k === 4 || k === 9 || k === 11) {
        lines.push({
          section: 'addOns',
          rateType: 'oneTimeCharge',
          name: 'Données supplémentaires 5 Go',
          description: 'Ajout ponctuel de données mobiles',
          product: ref(MARIE_MOBILE),
          amountCents: 1000,
          taxable: true,
          coverage: oneDay(month, 14),
        });
      }
      if (k === 6 || k === 10) {
        const gb = k === 6 ? 2 : 1;
        lines.push({
          section: 'addOns',
          rateType: 'usageCharge',
          name: `Dépassement de données mobiles – ${gb} Go`,
          description: 'Utilisation au-delà de 20 Go (7,50 $ par Go)',
          product: ref(MARIE_MOBILE),
          amountCents: 750 * gb,
          taxable: true,
        });
      }
      if (k === 8) {
        lines.push({
          section: 'addOns',
          rateType: 'usageCharge',
          name: 'Appels internationaux hors forfait',
          description: '32 minutes vers la France au-delà de l’option (0,12 $ la minute)',
          product: ref(MARIE_PHONE),
          amountCents: 384,
          taxable: true,
        });
      }
      if (k === 11) {
        lines.push({
          section: 'addOns',
          rateType: 'oneTimeCharge',
          name: 'Location de film – Illico',
          description: 'Film en location, 48 heures',
          product: ref(MARIE_TV),
          amountCents: 599,
          taxable: true,
          coverage: oneDay(month, 20),
        });
      }
      // Quebec's municipal 9-1-1 tax is a per-line levy, not a supply: no GST or QST on it.
      for (const line of [MARIE_PHONE, MARIE_MOBILE]) {
        lines.push({
          section: 'fees',
          rateType: 'recurringCharge',
          name: 'Taxe municipale pour le 9-1-1',
          description: `Par ligne téléphonique – ${line.name}`,
          product: ref(line),
          amountCents: 46,
          taxable: false,
        });
      }
      return lines;
    },
    payment(month, amountDue) {
      return month.index < 11 ? { amountCents: amountDue, dayOffset: 17 } : null;
    },
  },
};

// ---------------------------------------------------------------------------------------------
// James Wilson: Ontario, English; internet and mobile; HST on everything including the 9-1-1 fee.

const JAMES_INTERNET: ProductDef = { id: 'PRD-2001-INT', name: 'Internet 400', type: 'internet', priceCents: 7500 };
const JAMES_MOBILE: ProductDef = { id: 'PRD-2001-MOB', name: 'Mobile 15 GB', type: 'mobile', priceCents: 5000 };
const JAMES_VOICEMAIL: ProductDef = { id: 'PRD-2001-VVM', name: 'Visual Voicemail', type: 'addOn', priceCents: 300 };

const JAMES: CustomerDef = {
  key: 'james',
  userId: SEED_CREDENTIALS.james.userId,
  givenName: 'James',
  familyName: 'Wilson',
  email: 'james.wilson@example.com',
  phone: '+1 613-555-0177',
  locale: 'en-CA',
  account: {
    id: 'BA-2001',
    accountNo: '2001',
    description: 'Residential account',
    province: 'ON',
    street1: '150 Elgin Street',
    street2: 'Unit 1204',
    city: 'Ottawa',
    postcode: 'K1P 5G4',
    presentationMedia: 'electronic',
    cycleName: 'Monthly – billed on the 1st',
    monthsBefore: 30,
    defaultPaymentMethod: { id: 'PM-2001-1', name: 'Pre-authorized debit – account •••• 6789' },
  },
  products: [JAMES_INTERNET, JAMES_MOBILE, JAMES_VOICEMAIL],
  payment: {
    name: 'Pre-authorized debit',
    description: 'Pre-authorized debit from bank account •••• 6789',
    channel: 'preAuthorized',
    methodId: 'PM-2001-1',
    methodName: 'Pre-authorized debit – account •••• 6789',
  },
  plan: {
    charges(month) {
      const k = month.index;
      const lines: ChargeSpec[] = [
        recurring(JAMES_INTERNET, 'serviceCharges', 'Monthly Internet service'),
        recurring(JAMES_MOBILE, 'serviceCharges', 'Monthly mobile plan'),
        recurring(JAMES_VOICEMAIL, 'addOns', 'Voicemail messages in the phone app'),
      ];
      if (k === 6) {
        lines.push({
          section: 'addOns',
          rateType: 'oneTimeCharge',
          name: 'US Roaming Pass – 5 days',
          description: 'Talk, text and data in the United States for 5 days',
          product: ref(JAMES_MOBILE),
          amountCents: 2500,
          taxable: true,
          coverage: oneDay(month, 10),
        });
      }
      if (k === 9) {
        lines.push({
          section: 'addOns',
          rateType: 'usageCharge',
          name: 'Data overage – 1 GB',
          description: 'Usage above 15 GB ($7.50 per GB)',
          product: ref(JAMES_MOBILE),
          amountCents: 750,
          taxable: true,
        });
      }
      if (k === 11) {
        lines.push({
          section: 'addOns',
          rateType: 'oneTimeCharge',
          name: 'SIM card replacement',
          description: 'Replacement SIM card shipped to the billing address',
          product: ref(JAMES_MOBILE),
          amountCents: 1000,
          taxable: true,
          coverage: oneDay(month, 3),
        });
      }
      // In Ontario the 9-1-1 fee is the carrier's own charge, and HST applies to it.
      lines.push({
        section: 'fees',
        rateType: 'recurringCharge',
        name: '9-1-1 service fee',
        description: `Per phone line – ${JAMES_MOBILE.name}`,
        product: ref(JAMES_MOBILE),
        amountCents: 75,
        taxable: true,
      });
      return lines;
    },
    payment(month, amountDue) {
      return month.index < 11 ? { amountCents: amountDue, dayOffset: DUE_DAYS } : null;
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Luc Gagnon: overdue. Paid on time until a costly pay-per-view month, then paid part of it,
// skipped the next bill and paid part again: balances carried forward with late-payment charges.

const LUC_INTERNET: ProductDef = { id: 'PRD-3001-INT', name: 'Internet 100', type: 'internet', priceCents: 6500 };
const LUC_TV: ProductDef = { id: 'PRD-3001-TV', name: 'Télé – Base', type: 'tv', priceCents: 3500 };
const LUC_PVR: ProductDef = { id: 'PRD-3001-PVR', name: 'Location d’enregistreur numérique', type: 'addOn', priceCents: 500 };

const LUC: CustomerDef = {
  key: 'luc',
  userId: SEED_CREDENTIALS.luc.userId,
  givenName: 'Luc',
  familyName: 'Gagnon',
  email: 'luc.gagnon@example.com',
  phone: '+1 450-555-0123',
  locale: 'fr-CA',
  account: {
    id: 'BA-3001',
    accountNo: '3001',
    description: 'Compte résidentiel',
    province: 'QC',
    street1: '455, boulevard Saint-Martin Ouest',
    street2: null,
    city: 'Laval',
    postcode: 'H7M 1Y8',
    presentationMedia: 'paper',
    cycleName: 'Mensuel – facture le 1er',
    monthsBefore: 75,
    defaultPaymentMethod: null,
  },
  products: [LUC_INTERNET, LUC_TV, LUC_PVR],
  payment: {
    name: 'Paiement en ligne',
    description: 'Paiement de facture par l’institution financière',
    channel: 'onlineBanking',
    methodId: null,
    methodName: 'Services bancaires en ligne',
  },
  plan: {
    charges(month) {
      const lines: ChargeSpec[] = [
        recurring(LUC_INTERNET, 'serviceCharges', 'Mensualité du service Internet'),
        recurring(LUC_TV, 'serviceCharges', 'Mensualité du service de télévision'),
        recurring(LUC_PVR, 'addOns', 'Location mensuelle du terminal enregistreur'),
      ];
      if (month.index === 8) {
        lines.push({
          section: 'addOns',
          rateType: 'oneTimeCharge',
          name: 'Événement à la carte – Gala de boxe',
          description: 'Télé à la carte, diffusion en direct',
          product: ref(LUC_TV),
          amountCents: 5999,
          taxable: true,
          coverage: oneDay(month, 18),
        });
      }
      return lines;
    },
    payment(month, amountDue) {
      switch (month.index) {
        case 8:
          return { amountCents: 6000, dayOffset: 25 };
        case 9:
        case 11:
          return null;
        case 10:
          return { amountCents: 15000, dayOffset: 27 };
        default:
          return { amountCents: amountDue, dayOffset: 20 };
      }
    },
    latePayment: {
      numerator: 2,
      denominator: 100,
      name: 'Frais de retard',
      description: 'Frais d’administration de 2 % sur le solde impayé reporté',
    },
  },
};

/** The customers who log in, in the order they are seeded. */
export const SEED_CUSTOMERS: readonly CustomerDef[] = [MARIE, JAMES, LUC];

// ---------------------------------------------------------------------------------------------
// Generated accounts, for volume. Everything derives from the account's number.

const GIVEN_NAMES = ['Julie', 'Martin', 'Isabelle', 'François', 'Nathalie', 'Eric', 'Chantal', 'Patrick', 'Emily', 'David', 'Sarah', 'Michael'];
const FAMILY_NAMES = ['Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Ouellet', 'Smith', 'Brown', 'Campbell', 'Martin'];
const CITIES: Record<Province, readonly (readonly [string, string])[]> = {
  QC: [
    ['Montréal', 'H2J'],
    ['Québec', 'G1R'],
    ['Gatineau', 'J8X'],
    ['Sherbrooke', 'J1H'],
  ],
  ON: [
    ['Ottawa', 'K2P'],
    ['Toronto', 'M5V'],
  ],
};
const INTERNET_PLANS = [
  ['Internet 100', 6500],
  ['Internet 400', 7500],
  ['Internet Giga', 8500],
] as const;

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** Generated account number `n` (BA-100000 + n), owned by no login; everything derives from `n`. */
export function syntheticCustomer(n: number): CustomerDef {
  const accountNo = String(100_000 + n);
  const province: Province = n % 4 === 0 ? 'ON' : 'QC';
  const fr = province === 'QC' && n % 7 !== 0;
  const [city, fsa] = pick(CITIES[province], n);
  const givenName = pick(GIVEN_NAMES, n);
  const familyName = pick(FAMILY_NAMES, Math.floor(n / GIVEN_NAMES.length));
  const [internetName, internetPrice] = pick(INTERNET_PLANS, n);
  const internet: ProductDef = { id: `PRD-${accountNo}-INT`, name: internetName, type: 'internet', priceCents: internetPrice };
  const tv: ProductDef | null = n % 3 === 0 ? { id: `PRD-${accountNo}-TV`, name: fr ? 'Télé – Base' : 'TV – Basic', type: 'tv', priceCents: 3500 } : null;
  const mobile: ProductDef | null =
    n % 2 === 0 ? { id: `PRD-${accountNo}-MOB`, name: fr ? 'Mobile 10 Go' : 'Mobile 10 GB', type: 'mobile', priceCents: 4500 } : null;
  const overdue = n % 10 === 0;
  return {
    key: null,
    userId: `IND-${accountNo}`,
    givenName,
    familyName,
    email: `client${accountNo}@example.com`,
    phone: `+1 555-01${String(n % 100).padStart(2, '0')}`,
    locale: fr ? 'fr-CA' : 'en-CA',
    account: {
      id: `BA-${accountNo}`,
      accountNo,
      description: fr ? 'Compte résidentiel' : 'Residential account',
      province,
      street1: `${(n % 9000) + 100} ${fr ? 'rue Principale' : 'Main Street'}`,
      street2: null,
      city,
      postcode: `${fsa} ${n % 10}A${(n * 7) % 10}`,
      presentationMedia: n % 5 === 0 ? 'paper' : 'electronic',
      cycleName: fr ? 'Mensuel – facture le 1er' : 'Monthly – billed on the 1st',
      monthsBefore: 12 + (n % 60),
      defaultPaymentMethod: null,
    },
    products: [internet, ...(tv ? [tv] : []), ...(mobile ? [mobile] : [])],
    payment: {
      name: fr ? 'Paiement en ligne' : 'Online payment',
      description: fr ? 'Paiement de facture' : 'Bill payment',
      channel: 'onlineBanking',
      methodId: null,
      methodName: null,
    },
    plan: {
      charges() {
        const lines: ChargeSpec[] = [recurring(internet, 'serviceCharges', fr ? 'Mensualité du service Internet' : 'Monthly Internet service')];
        if (tv) lines.push(recurring(tv, 'serviceCharges', fr ? 'Mensualité du service de télévision' : 'Monthly TV service'));
        if (mobile) {
          lines.push(recurring(mobile, 'serviceCharges', fr ? 'Mensualité du forfait mobile' : 'Monthly mobile plan'));
          lines.push({
            section: 'fees',
            rateType: 'recurringCharge',
            name: province === 'QC' ? 'Taxe municipale pour le 9-1-1' : '9-1-1 service fee',
            description: mobile.name,
            product: ref(mobile),
            amountCents: province === 'QC' ? 46 : 75,
            taxable: province === 'ON',
          });
        }
        return lines;
      },
      payment(month, amountDue) {
        if (month.index === 11 || (overdue && month.index >= 9)) return null;
        return { amountCents: amountDue, dayOffset: 20 };
      },
      ...(overdue
        ? {
            latePayment: {
              numerator: 2,
              denominator: 100,
              name: fr ? 'Frais de retard' : 'Late payment charge',
              description: fr ? 'Frais d’administration de 2 % sur le solde impayé reporté' : '2% charge on the unpaid balance carried forward',
            },
          }
        : {}),
    },
  };
}

/** The billing ledger of one seeded customer (exported for tests and tools). */
export function seedLedger(key: Exclude<SeedUserKey, 'agent'>, anchor: string): Ledger {
  const customer = SEED_CUSTOMERS.find((c) => c.key === key);
  if (!customer) throw new Error(`unknown seed customer ${key}`);
  return generateLedger(planOf(customer), parseSeedAnchor(anchor));
}

/** The billing plan of `customer`, with its account's taxes and due days. */
export function planOf(customer: CustomerDef): AccountPlan {
  return {
    ...customer.plan,
    accountId: customer.account.id,
    accountNo: customer.account.accountNo,
    taxes: SALES_TAXES[customer.account.province],
    dueDays: DUE_DAYS,
  };
}
