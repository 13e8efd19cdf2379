/**
 * Seed data of the sandbox: three customers, a support agent and a CI client.
 *
 *   who            username / client_id   password / secret            role      billing account
 *   Marie Tremblay marie.tremblay         Espace-Demo-2026!            customer  BA-1001 (Montréal QC, fr)
 *   James Wilson   james.wilson           Espace-Demo-2026!            customer  BA-2001 (Ottawa ON, en)
 *   Luc Gagnon     luc.gagnon             Espace-Demo-2026!            customer  BA-3001 (Laval QC, fr, overdue)
 *   Sophie Roy     agent.roy              Espace-Agent-2026!           agent     reads every account
 *   CI client      espace-ci              espace-ci-sandbox-secret     ci        read-only (client_credentials)
 *   the CLI        espace-cli             (public client, no secret)             password and refresh_token grants
 *
 * These are public demo credentials for a local sandbox; they protect nothing real.
 *
 * Every customer has twelve monthly bills, the latest dated the 1st of the anchor's month; all
 * dates derive from the anchor and no amount depends on it, so a given anchor always produces
 * byte-identical data.
 */
import { createHash } from 'node:crypto';
import { addMonths, noonUtc, parseSeedAnchor, type YearMonth } from './dates.js';
import { generateLedger, type AccountPlan, type BillingMonth, type ChargeSpec, type Ledger } from './billing/ledger.js';
import { SALES_TAXES, type Province } from './billing/taxes.js';
import { getMeta, setMeta, type SandboxDatabase } from './db.js';
import { seedPlanInventory } from './plan/seed.js';
import { seedTickets } from './tickets/seed.js';

/** The seeded identities, in one place for tests and documentation. */
export const SEED_CREDENTIALS = {
  marie: { username: 'marie.tremblay', password: 'Espace-Demo-2026!', role: 'customer', userId: 'IND-1001', billingAccountId: 'BA-1001' },
  james: { username: 'james.wilson', password: 'Espace-Demo-2026!', role: 'customer', userId: 'IND-2001', billingAccountId: 'BA-2001' },
  luc: { username: 'luc.gagnon', password: 'Espace-Demo-2026!', role: 'customer', userId: 'IND-3001', billingAccountId: 'BA-3001' },
  agent: { username: 'agent.roy', password: 'Espace-Agent-2026!', role: 'agent', userId: 'IND-9001' },
  ci: { clientId: 'espace-ci', clientSecret: 'espace-ci-sandbox-secret', role: 'ci' },
  /** The public client the CLI identifies as (password and refresh_token grants, no secret). */
  cliClientId: 'espace-cli',
} as const;

/** Bumped whenever the seeded data changes shape or content. */
export const SEED_VERSION = 1;

/**
 * scrypt hashes (OWASP parameters) of the passwords above, computed once with fixed salts so that
 * seeding is instant and reproducible; test/sandbox/seed.test.ts checks that they still match.
 */
const PASSWORD_HASHES = {
  marie: '$scrypt$ln=17,r=8,p=1$1b62VJSYx6G7SWpEi3poWg==$PIafSvS5ZVqX16BTxecdnMosmKUPIBEIz+84H+viSAg=',
  james: '$scrypt$ln=17,r=8,p=1$3XeOBlUVv8x4D10aIE+f9g==$vZluOoIIsvP1WjQXc359CVuuMaZ8g3yAQ6V+sppNDUE=',
  luc: '$scrypt$ln=17,r=8,p=1$/gEHIIxgl+51wCRIuclJYA==$mlIhzhwAeGlZ4R05hveLeU/5uJ08WwTueApNwBNvgY0=',
  agent: '$scrypt$ln=17,r=8,p=1$npFI/IW+tIYtDrc8TySUeA==$NXR6KLjgaJ261cXzhkIANbPH3uE70CTDOJLBxNVuURg=',
} as const;

export type SeedUserKey = keyof typeof PASSWORD_HASHES;
export const SEED_PASSWORD_HASHES: Readonly<Record<SeedUserKey, string>> = PASSWORD_HASHES;

export const SCOPES = {
  user: 'openid profile tmf.read tmf.write',
  ci: 'tmf.read',
} as const;

interface ProductDef {
  id: string;
  name: string;
  type: 'internet' | 'tv' | 'homePhone' | 'mobile' | 'addOn';
  priceCents: number;
  /** Months after the start of the seeded year when it was added (0 = before). */
  addedAtIndex?: number;
}

interface CustomerDef {
  /** Which seeded login owns the account; null for generated accounts, which have none. */
  key: Exclude<SeedUserKey, 'agent'> | null;
  userId: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  locale: 'fr-CA' | 'en-CA';
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

const DUE_DAYS = 21;

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

const CUSTOMERS: readonly CustomerDef[] = [MARIE, JAMES, LUC];

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

function syntheticCustomer(n: number): CustomerDef {
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

const AGENT = {
  userId: SEED_CREDENTIALS.agent.userId,
  givenName: 'Sophie',
  familyName: 'Roy',
  email: 'sophie.roy@example.net',
  phone: null,
  locale: 'fr-CA',
} as const;

/** The billing ledger of one seeded customer (exported for tests and tools). */
export function seedLedger(key: Exclude<SeedUserKey, 'agent'>, anchor: string): Ledger {
  const customer = CUSTOMERS.find((c) => c.key === key);
  if (!customer) throw new Error(`unknown seed customer ${key}`);
  return generateLedger(planOf(customer), parseSeedAnchor(anchor));
}

function planOf(customer: CustomerDef): AccountPlan {
  return {
    ...customer.plan,
    accountId: customer.account.id,
    accountNo: customer.account.accountNo,
    taxes: SALES_TAXES[customer.account.province],
    dueDays: DUE_DAYS,
  };
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** True once the database holds seed data. */
export function isSeeded(db: SandboxDatabase): boolean {
  return getMeta(db, 'seed_anchor') !== undefined;
}

type SeedStatements = ReturnType<typeof prepareInserts>;

function prepareInserts(db: SandboxDatabase) {
  return {
    user: db.prepare(
      `INSERT INTO app_user (id, username, password_hash, role, given_name, family_name, email, phone, locale, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    client: db.prepare('INSERT INTO oauth_client (id, name, secret_sha256, grant_types, scope, role) VALUES (?, ?, ?, ?, ?, ?)'),
    account: db.prepare(
      `INSERT INTO billing_account (id, name, description, account_type, state, rating_type, currency, province,
         owner_party_id, owner_name, street1, street2, city, postcode, country, email, phone, presentation_media,
         cycle_name, payment_due_days, default_payment_method_id, default_payment_method_name, created_at, last_modified)
       VALUES (?, ?, ?, 'residential', 'active', 'postpaid', 'CAD', ?, ?, ?, ?, ?, ?, ?, 'CA', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    access: db.prepare('INSERT INTO account_access (user_id, billing_account_id, role) VALUES (?, ?, ?)'),
    product: db.prepare(
      `INSERT INTO product (id, billing_account_id, name, product_type, is_add_on, status, start_date, recurring_price_cents)
       VALUES (?, ?, ?, ?, ?, 'active', ?, ?)`,
    ),
    bill: db.prepare(
      `INSERT INTO customer_bill (id, billing_account_id, bill_no, bill_date, period_start, period_end, payment_due_date,
         next_bill_date, category, run_type, state, currency, tax_excluded_cents, tax_included_cents,
         previous_balance_cents, amount_due_cents, remaining_cents, last_update)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'normal', 'onCycle', ?, 'CAD', ?, ?, ?, ?, ?, ?)`,
    ),
    taxItem: db.prepare('INSERT INTO bill_tax_item (bill_id, seq, tax_category, tax_rate, tax_cents) VALUES (?, ?, ?, ?, ?)'),
    rate: db.prepare(
      `INSERT INTO applied_billing_rate (id, bill_id, billing_account_id, seq, rate_type, bill_section, name, description,
         product_id, product_name, period_start, period_end, date, currency, tax_excluded_cents, tax_included_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CAD', ?, ?)`,
    ),
    rateTax: db.prepare('INSERT INTO applied_billing_rate_tax (rate_id, seq, tax_category, tax_rate, tax_cents) VALUES (?, ?, ?, ?, ?)'),
    payment: db.prepare(
      `INSERT INTO payment (id, billing_account_id, payment_date, amount_cents, currency, status, name, description,
         channel, payment_method_id, payment_method_name, created_at)
       VALUES (?, ?, ?, ?, 'CAD', 'succeeded', ?, ?, ?, ?, ?, ?)`,
    ),
    allocation: db.prepare('INSERT INTO payment_allocation (payment_id, bill_id, amount_cents) VALUES (?, ?, ?)'),
    received: db.prepare('INSERT INTO bill_payment_received (bill_id, payment_id) VALUES (?, ?)'),
  };
}

/** Writes one customer: login (if any), billing account, products, and a year of bills and payments. */
function insertCustomer(st: SeedStatements, customer: CustomerDef, anchor: YearMonth): void {
  const { account } = customer;
  const firstBillMonth = addMonths(anchor, -11);
  const since = noonUtc(addMonths(anchor, -account.monthsBefore), 15);
  const fullName = `${customer.givenName} ${customer.familyName}`;
  if (customer.key) {
    st.user.run(
      customer.userId,
      SEED_CREDENTIALS[customer.key].username,
      PASSWORD_HASHES[customer.key],
      'customer',
      customer.givenName,
      customer.familyName,
      customer.email,
      customer.phone,
      customer.locale,
      since,
    );
  }
  st.account.run(
    account.id,
    fullName,
    account.description,
    account.province,
    customer.userId,
    fullName,
    account.street1,
    account.street2,
    account.city,
    account.postcode,
    customer.email,
    customer.phone,
    account.presentationMedia,
    account.cycleName,
    DUE_DAYS,
    account.defaultPaymentMethod?.id ?? null,
    account.defaultPaymentMethod?.name ?? null,
    since,
    since,
  );
  if (customer.key) st.access.run(customer.userId, account.id, 'owner');
  for (const product of customer.products) {
    const start = product.addedAtIndex === undefined ? since : noonUtc(addMonths(firstBillMonth, product.addedAtIndex - 1), 1);
    st.product.run(product.id, account.id, product.name, product.type, product.type === 'addOn' ? 1 : 0, start, product.priceCents);
  }

  const ledger = generateLedger(planOf(customer), anchor);
  for (const payment of ledger.payments) {
    st.payment.run(
      payment.id,
      account.id,
      payment.date,
      payment.amountCents,
      customer.payment.name,
      customer.payment.description,
      customer.payment.channel,
      customer.payment.methodId,
      customer.payment.methodName,
      payment.date,
    );
  }
  for (const bill of ledger.bills) {
    st.bill.run(
      bill.id,
      account.id,
      bill.billNo,
      bill.month.billDate,
      bill.month.periodStart,
      bill.month.periodEnd,
      bill.paymentDueDate,
      bill.nextBillDate,
      bill.state,
      bill.taxExcludedCents,
      bill.taxIncludedCents,
      bill.previousBalanceCents,
      bill.amountDueCents,
      bill.remainingCents,
      bill.lastUpdate,
    );
    bill.taxItems.forEach((item, i) => st.taxItem.run(bill.id, i + 1, item.rate.category, item.rate.rate, item.amountCents));
    for (const line of bill.lines) {
      st.rate.run(
        line.id,
        bill.id,
        account.id,
        line.seq,
        line.rateType,
        line.section,
        line.name,
        line.description,
        line.product?.id ?? null,
        line.product?.name ?? null,
        line.coverage.start,
        line.coverage.end,
        bill.month.billDate,
        line.amountCents,
        line.taxIncludedCents,
      );
      line.taxes.forEach((tax, i) => st.rateTax.run(line.id, i + 1, tax.rate.category, tax.rate.rate, tax.amountCents));
    }
    for (const paymentId of bill.paymentsReceived) st.received.run(bill.id, paymentId);
  }
  for (const payment of ledger.payments) {
    for (const allocation of payment.allocations) st.allocation.run(payment.id, allocation.billId, allocation.amountCents);
  }
}

export interface SeedOptions {
  /**
   * Extra generated accounts (BA-100001, BA-100002, …) without logins, visible to agents and the
   * CI client: volume for bulk lookups and benchmarks. Default 0.
   */
  syntheticAccounts?: number;
}

/** Seeds an empty database in one transaction. */
export function seedDatabase(db: SandboxDatabase, anchor: string, options: SeedOptions = {}): void {
  const ym: YearMonth = parseSeedAnchor(anchor);
  const seededAt = noonUtc(addMonths(ym, -12), 1);
  const st = prepareInserts(db);
  db.transaction(() => {
    st.client.run(SEED_CREDENTIALS.cliClientId, 'Espace CLI', null, 'password refresh_token', SCOPES.user, null);
    st.client.run(SEED_CREDENTIALS.ci.clientId, 'Espace CI (read-only)', sha256(SEED_CREDENTIALS.ci.clientSecret), 'client_credentials', SCOPES.ci, 'ci');
    st.user.run(
      AGENT.userId,
      SEED_CREDENTIALS.agent.username,
      PASSWORD_HASHES.agent,
      'agent',
      AGENT.givenName,
      AGENT.familyName,
      AGENT.email,
      AGENT.phone,
      AGENT.locale,
      seededAt,
    );
    for (const customer of CUSTOMERS) insertCustomer(st, customer, ym);
    const synthetic = options.syntheticAccounts ?? 0;
    for (let n = 1; n <= synthetic; n++) insertCustomer(st, syntheticCustomer(n), ym);
    seedPlanInventory(db, ym);
    seedTickets(db, ym);
    setMeta(db, 'seed_anchor', anchor);
    setMeta(db, 'seed_version', String(SEED_VERSION));
    setMeta(db, 'synthetic_accounts', String(synthetic));
  })();
}

/**
 * Seeds the database unless it already holds data; returns whether it seeded. The check and the
 * seeding share one write-locked transaction, so concurrent starts seed once.
 */
export function ensureSeeded(db: SandboxDatabase, anchor: string, options: SeedOptions = {}): boolean {
  return db
    .transaction((): boolean => {
      if (isSeeded(db)) return false;
      seedDatabase(db, anchor, options);
      return true;
    })
    .immediate();
}
