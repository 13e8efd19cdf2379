/**
 * The sandbox's product catalog (TMF620): the offers a customer can move to or add, with their
 * monthly price, contract term, speeds or allowances, and what an add-on needs. Fixed data, so it
 * lives in code; the database only refers to offers by id.
 */

export type ServiceType = 'internet' | 'tv' | 'phone' | 'mobile';
export type OfferingKind = ServiceType | 'addOn';

export interface Allowances {
  /** Mobile data included per cycle, in GB. */
  dataGb?: number;
  minutes?: number;
  texts?: number;
}

export interface Offering {
  id: string;
  name: string;
  description: string;
  kind: OfferingKind;
  priceCents: number;
  /** Contract term in months; 0 = no contract (month to month). */
  termMonths: number;
  downloadMbps?: number;
  uploadMbps?: number;
  channels?: number;
  allowances?: Allowances;
  /** Price of each GB (or part of a GB) of mobile data above the allowance. */
  dataOverageCentsPerGb?: number;
  /** Add-ons: the service the customer must have. */
  requiresService?: ServiceType;
  /** Add-ons: when given, only these plans of the required service accept it. */
  compatibleWith?: readonly string[];
}

export const OFFERINGS: readonly Offering[] = [
  {
    id: 'OFF-INT-100',
    name: 'Internet 100',
    description: 'Internet 100 Mbit/s, unlimited data',
    kind: 'internet',
    priceCents: 6500,
    termMonths: 0,
    downloadMbps: 100,
    uploadMbps: 20,
  },
  {
    id: 'OFF-INT-400',
    name: 'Internet 400',
    description: 'Internet 400 Mbit/s, unlimited data',
    kind: 'internet',
    priceCents: 7500,
    termMonths: 0,
    downloadMbps: 400,
    uploadMbps: 50,
  },
  {
    id: 'OFF-INT-GIGA',
    name: 'Internet Giga',
    description: 'Internet 1 Gbit/s, unlimited data',
    kind: 'internet',
    priceCents: 8500,
    termMonths: 24,
    downloadMbps: 1000,
    uploadMbps: 100,
  },
  {
    id: 'OFF-INT-GIGA-PLUS',
    name: 'Internet Giga Plus',
    description: 'Internet 1.5 Gbit/s, unlimited data',
    kind: 'internet',
    priceCents: 9900,
    termMonths: 24,
    downloadMbps: 1500,
    uploadMbps: 1000,
  },

  { id: 'OFF-TV-BASE', name: 'Télé – Base', description: 'Basic TV: 25 channels', kind: 'tv', priceCents: 3500, termMonths: 0, channels: 25 },
  {
    id: 'OFF-TV-BASE10',
    name: 'Télé – Base + 10 chaînes',
    description: 'Basic TV and 10 channels of your choice',
    kind: 'tv',
    priceCents: 4500,
    termMonths: 0,
    channels: 35,
  },
  {
    id: 'OFF-TV-BASE25',
    name: 'Télé – Base + 25 chaînes',
    description: 'Basic TV and 25 channels of your choice',
    kind: 'tv',
    priceCents: 5500,
    termMonths: 12,
    channels: 50,
  },

  { id: 'OFF-TEL-RES', name: 'Téléphonie résidentielle', description: 'Home phone line, local calls', kind: 'phone', priceCents: 3000, termMonths: 0 },
  {
    id: 'OFF-TEL-CAN',
    name: 'Téléphonie résidentielle – Canada illimité',
    description: 'Home phone line, unlimited calls within Canada',
    kind: 'phone',
    priceCents: 4000,
    termMonths: 0,
  },

  {
    id: 'OFF-MOB-10',
    name: 'Mobile 10 Go',
    description: 'Mobile plan, 10 GB of data',
    kind: 'mobile',
    priceCents: 4500,
    termMonths: 0,
    allowances: { dataGb: 10, minutes: 1000, texts: 2500 },
    dataOverageCentsPerGb: 750,
  },
  {
    id: 'OFF-MOB-15',
    name: 'Mobile 15 GB',
    description: 'Mobile plan, 15 GB of data',
    kind: 'mobile',
    priceCents: 5000,
    termMonths: 0,
    allowances: { dataGb: 15, minutes: 1500, texts: 5000 },
    dataOverageCentsPerGb: 750,
  },
  {
    id: 'OFF-MOB-20',
    name: 'Mobile 20 Go',
    description: 'Mobile plan, 20 GB of data',
    kind: 'mobile',
    priceCents: 5500,
    termMonths: 0,
    allowances: { dataGb: 20, minutes: 2500, texts: 5000 },
    dataOverageCentsPerGb: 750,
  },
  {
    id: 'OFF-MOB-50',
    name: 'Mobile 50 Go',
    description: 'Mobile plan, 50 GB of data',
    kind: 'mobile',
    priceCents: 7000,
    termMonths: 24,
    allowances: { dataGb: 50, minutes: 5000, texts: 10000 },
    dataOverageCentsPerGb: 500,
  },

  {
    id: 'OFF-ADD-INTL300',
    name: 'Interurbain international – 300 minutes',
    description: '300 minutes of international calls a month',
    kind: 'addOn',
    priceCents: 800,
    termMonths: 0,
    requiresService: 'phone',
  },
  { id: 'OFF-ADD-FILM', name: 'Super Écran', description: 'Premium movie channels', kind: 'addOn', priceCents: 1500, termMonths: 0, requiresService: 'tv' },
  {
    id: 'OFF-ADD-SPORTS',
    name: 'Sports+',
    description: 'Sports channels (RDS, TSN); not available with Basic TV alone',
    kind: 'addOn',
    priceCents: 1200,
    termMonths: 0,
    requiresService: 'tv',
    compatibleWith: ['OFF-TV-BASE10', 'OFF-TV-BASE25'],
  },
  {
    id: 'OFF-ADD-PVR',
    name: 'Location d’enregistreur numérique',
    description: 'Digital video recorder rental',
    kind: 'addOn',
    priceCents: 500,
    termMonths: 0,
    requiresService: 'tv',
  },
  {
    id: 'OFF-ADD-VVM',
    name: 'Visual Voicemail',
    description: 'Voicemail messages in the phone app',
    kind: 'addOn',
    priceCents: 300,
    termMonths: 0,
    requiresService: 'mobile',
  },
  {
    id: 'OFF-ADD-DATA5',
    name: 'Données supplémentaires 5 Go',
    description: '5 GB of extra mobile data every month; not available with Mobile 50',
    kind: 'addOn',
    priceCents: 1000,
    termMonths: 0,
    requiresService: 'mobile',
    compatibleWith: ['OFF-MOB-10', 'OFF-MOB-15', 'OFF-MOB-20'],
  },
  {
    id: 'OFF-ADD-WIFI',
    name: 'Amplificateur Wi-Fi',
    description: 'Wi-Fi extender rental',
    kind: 'addOn',
    priceCents: 500,
    termMonths: 0,
    requiresService: 'internet',
  },
];

const BY_ID = new Map(OFFERINGS.map((offering) => [offering.id, offering]));

export function offeringById(id: string): Offering | undefined {
  return BY_ID.get(id);
}

/** The seeded product types (migration 1's `product_type`) as catalog services. */
export const SERVICE_OF_PRODUCT_TYPE: Readonly<Record<string, ServiceType>> = {
  internet: 'internet',
  tv: 'tv',
  homePhone: 'phone',
  mobile: 'mobile',
};

/** The product type written for a new product of an offering. */
export function productTypeOf(offering: Offering): string {
  if (offering.kind === 'addOn') return 'addOn';
  return offering.kind === 'phone' ? 'homePhone' : offering.kind;
}

/** Seeded product names that differ from the offer's name (the English names of generated accounts). */
const SEEDED_NAME_ALIASES: Readonly<Record<string, string>> = {
  'TV – Basic': 'OFF-TV-BASE',
  'Mobile 10 GB': 'OFF-MOB-10',
};

/** The offer a seeded product was sold as, found by its name. */
export function offeringOfSeededProduct(name: string): Offering | undefined {
  const aliased = SEEDED_NAME_ALIASES[name];
  if (aliased) return BY_ID.get(aliased);
  return OFFERINGS.find((offering) => offering.name === name);
}
