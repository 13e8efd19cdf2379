/**
 * TMF632 `individual` (personal information) and TMF673 address validation. An individual is a
 * login (app_user: names, email, phone, language); their mailing address is the one on the billing
 * accounts they own. Customers see and change only themselves (anyone else answers 404); agents
 * anyone; the CI client reads. A PATCH is checked as a whole before anything is written.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import type { UserRow } from '../auth/identities.js';
import { principalOf } from '../auth/principal.js';
import { checkCanadianAddress, type CanadianAddress } from './canadian-address.js';
import { SALES_TAXES } from '../billing/taxes.js';
import { parseQuery, selectFields } from '../paging.js';
import { originOf } from '../resources/paths.js';
import { ADDRESS_VALIDATION_PATH, INDIVIDUAL_PATH } from './paths.js';
import { individualResource } from './resource.js';
import { IndividualStore, type IndividualChanges } from './store.js';
import { createGeographicAddressValidation, patchIndividual, retrieveIndividual, type AddressValidationBody, type IndividualUpdateBody } from './contract.js';
import { TmfError } from '../tmf-errors.js';

const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
/** North American numbering plan: area code and exchange never start with 0 or 1. */
const NANP = /^(?:\+?1)?([2-9]\d\d)([2-9]\d\d)(\d{4})$/;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]{0,59}$/u;

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new TmfError(400, `"${field}" must be a string`);
  return value.trim();
}

/** `+1 514-555-0142`, the form the seed and the bills use; undefined if not a NANP number. */
export function canonicalPhone(value: string): string | undefined {
  const match = NANP.exec(value.replace(/[\s().-]/g, ''));
  return match ? `+1 ${match[1]}-${match[2]}-${match[3]}` : undefined;
}

function splitStreet(street1: string): { streetNr?: string; streetName: string } {
  const match = /^(\d+[A-Za-z]?)[,\s]+(.+)$/.exec(street1.trim());
  return match ? { streetNr: match[1], streetName: match[2]! } : { streetName: street1.trim() };
}

function parseAddress(characteristic: Record<string, unknown>): NonNullable<IndividualChanges['address']> {
  const street1 = text(characteristic.street1, 'contactMedium.characteristic.street1');
  const street2 = characteristic.street2 === undefined || characteristic.street2 === null ? null : text(characteristic.street2, 'street2') || null;
  const submitted: CanadianAddress = {
    ...splitStreet(street1),
    city: text(characteristic.city, 'contactMedium.characteristic.city'),
    stateOrProvince: text(characteristic.stateOrProvince, 'contactMedium.characteristic.stateOrProvince'),
    postcode: text(characteristic.postCode, 'contactMedium.characteristic.postCode'),
    country: characteristic.country === undefined ? 'CA' : text(characteristic.country, 'contactMedium.characteristic.country'),
  };
  const check = checkCanadianAddress(submitted);
  if (check.result !== 'success' || !check.valid) {
    throw new TmfError(400, `The postal address is not valid: ${check.problems.join('; ')} (validate it with geographicAddressValidation first)`);
  }
  // The address is mirrored on the billing accounts, and the operator bills (and taxes) only the
  // provinces it has sales taxes for: a valid address elsewhere is well formed but cannot be served.
  const province = check.valid.stateOrProvince;
  if (!Object.hasOwn(SALES_TAXES, province)) {
    const served = Object.keys(SALES_TAXES).join(', ');
    throw new TmfError(422, `The billing address must be in a province the operator serves (${served}); ${province} is not one of them`);
  }
  return { street1, street2, city: check.valid.city, province: check.valid.stateOrProvince, postcode: check.valid.postcode };
}

/**
 * The changes a merge patch of an individual asks for, checked (the contract has checked the shape).
 * contactMedium entries replace the medium of their mediumType.
 */
function individualChanges(body: IndividualUpdateBody): IndividualChanges {
  const changes: IndividualChanges = {};
  for (const field of ['givenName', 'familyName'] as const) {
    const value = body[field]?.trim();
    if (value === undefined) continue;
    if (!NAME.test(value)) throw new TmfError(400, `"${field}" must be 1–60 letters (spaces, hyphens, apostrophes and periods allowed)`);
    changes[field] = value;
  }
  for (const { mediumType, characteristic } of body.contactMedium ?? []) {
    switch (mediumType) {
      case 'email': {
        const email = text(characteristic.emailAddress, 'contactMedium.characteristic.emailAddress');
        if (!EMAIL.test(email) || email.length > 254) throw new TmfError(400, `"emailAddress" is not a valid email address: "${email}"`);
        changes.email = email;
        break;
      }
      case 'phone': {
        const phone = canonicalPhone(text(characteristic.phoneNumber, 'contactMedium.characteristic.phoneNumber'));
        if (!phone) throw new TmfError(400, '"phoneNumber" must be a Canadian (North American) number, e.g. +1 514-555-0142');
        changes.phone = phone;
        break;
      }
      case 'postalAddress':
        changes.address = parseAddress(characteristic);
        break;
    }
  }
  if (body.languageAbility !== undefined) {
    const favourite = body.languageAbility.find((ability) => ability.isFavouriteLanguage === true);
    const code = favourite?.languageCode?.toLowerCase().slice(0, 2) ?? '';
    if (code !== 'en' && code !== 'fr') throw new TmfError(400, 'languageAbility must hold one favourite language, languageCode "en" or "fr"');
    changes.locale = code === 'fr' ? 'fr-CA' : 'en-CA';
  }
  return changes;
}

export async function partyRoutes(app: FastifyInstance, { ctx }: { ctx: SandboxContext }): Promise<void> {
  const store = new IndividualStore(ctx.db);

  /** The individual the caller may see, or a 404 that does not tell whether it exists. */
  const visibleIndividual = (request: FastifyRequest<{ Params: { id: string } }>): UserRow => {
    const principal = principalOf(request);
    const id = request.params.id;
    const user = ctx.identities.userById(id);
    if (!user || (principal.role === 'customer' && principal.userId !== id)) throw new TmfError(404, `No individual with id "${id}"`);
    return user;
  };

  app.get<{ Params: { id: string } }>(`${INDIVIDUAL_PATH}/:id`, { schema: retrieveIndividual }, async (request) => {
    const query = parseQuery(request.query, {});
    const user = visibleIndividual(request);
    return selectFields(individualResource(originOf(request), user, store.address(user.id)), query.fields);
  });

  app.patch<{ Params: { id: string }; Body: IndividualUpdateBody }>(`${INDIVIDUAL_PATH}/:id`, { schema: patchIndividual }, async (request) => {
    parseQuery(request.query, {});
    const user = visibleIndividual(request);
    const changes = individualChanges(request.body);
    if (changes.address && !store.address(user.id)) {
      throw new TmfError(400, 'This individual owns no billing account, so there is no mailing address to change');
    }
    store.apply(user.id, changes, ctx.now());
    const updated = ctx.identities.userById(user.id) ?? user;
    return individualResource(originOf(request), updated, store.address(user.id));
  });

  app.post<{ Body: AddressValidationBody }>(ADDRESS_VALIDATION_PATH, { schema: createGeographicAddressValidation }, async (request, reply) => {
    const body = request.body;
    const submitted = body.submittedGeographicAddress;
    const address: CanadianAddress = {
      ...(submitted.streetNr !== undefined ? { streetNr: submitted.streetNr.trim() } : {}),
      streetName: submitted.streetName?.trim() ?? '',
      city: submitted.city?.trim() ?? '',
      stateOrProvince: submitted.stateOrProvince?.trim() ?? '',
      postcode: submitted.postcode?.trim() ?? '',
      ...(submitted.country !== undefined ? { country: submitted.country.trim() } : {}),
    };
    const check = checkCanadianAddress(address);
    const id = randomUUID();
    return reply.code(201).send({
      id,
      href: `${originOf(request)}${ADDRESS_VALIDATION_PATH}/${id}`,
      provideAlternative: body.provideAlternative !== false,
      validationDate: ctx.now().toISOString(),
      validationResult: check.result,
      state: 'done',
      submittedGeographicAddress: { ...submitted, '@type': 'GeographicAddress' },
      ...(check.valid ? { validGeographicAddress: { ...check.valid, '@type': 'GeographicAddress' } } : {}),
      alternateGeographicAddress: body.provideAlternative === false ? [] : check.alternatives.map((alt) => ({ ...alt, '@type': 'GeographicAddress' })),
      // Not in TMF673: why the address failed or is only partial, for the person fixing it.
      problem: check.problems,
      '@type': 'GeographicAddressValidation',
    });
  });
}
