/**
 * The wire contract of TMF632 individual and TMF673 address validation as the sandbox serves them
 * (see ../contract/route-schema.ts). The rules a schema cannot state (email and phone formats, the
 * Canadian address check, one favourite language) stay in routes.ts and answer 400 or 422 there.
 */
import * as z from 'zod';
import { idParams, retrieveQuery } from '../contract/tmf-common.js';
import { model, routeSchema } from '../contract/route-schema.js';

const text = (description: string) => z.string().describe(description);

/** The characteristic of a contact medium: which fields are filled depends on its mediumType. */
const MediumCharacteristic = z.object({
  contactType: text('email, mobile or mailing'),
  emailAddress: text('Email (mediumType email)').optional(),
  phoneNumber: text('Phone, +1 NXX-NXX-XXXX (mediumType phone)').optional(),
  street1: text('Civic number and street (mediumType postalAddress)').optional(),
  street2: text('Unit').optional(),
  city: text('City').optional(),
  stateOrProvince: text('Province code').optional(),
  postCode: text('Postal code, A1A 1A1').optional(),
  country: text('ISO 3166 country code').optional(),
});

const LanguageAbility = model(
  'LanguageAbility',
  z.object({ languageCode: text('"en" or "fr"'), languageName: text('Name'), isFavouriteLanguage: z.boolean() }),
);

const IndividualModel = model(
  'Individual',
  z
    .object({
      id: text('Identifier, e.g. IND-1001 (the userinfo sub)'),
      href: text('Absolute URL').meta({ format: 'uri' }),
      givenName: text('Given name'),
      familyName: text('Family name'),
      fullName: text('Given and family name'),
      status: z.literal('validated'),
      contactMedium: z.array(
        z.object({ mediumType: z.enum(['email', 'phone', 'postalAddress']), preferred: z.boolean(), characteristic: MediumCharacteristic }),
      ),
      languageAbility: z.array(LanguageAbility),
      '@type': z.literal('Individual'),
    })
    .describe(
      'TMF632 Individual (the attributes this server fills). contactMedium holds email, phone and postalAddress (the mailing ' +
        'address of the billing accounts the person owns); languageAbility holds the preferred language.',
    ),
);

/** A medium in a patch: other fields of the entry or its characteristic are ignored. */
const ContactMediumChange = z.looseObject({
  mediumType: z.enum(['email', 'phone', 'postalAddress']),
  characteristic: z.looseObject({
    emailAddress: text('mediumType email: an email address').optional(),
    phoneNumber: text('mediumType phone: a North American number (stored as +1 NXX-NXX-XXXX)').optional(),
    street1: text('mediumType postalAddress: civic number and street').optional(),
    street2: text('Unit').nullable().optional(),
    city: text('City').optional(),
    stateOrProvince: text('Province code').optional(),
    postCode: text('Postal code').optional(),
    country: text('CA (the default)').optional(),
  }),
});

const IndividualUpdate = model(
  'Individual_Update',
  z
    .strictObject({
      givenName: text('1–60 letters (spaces, hyphens, apostrophes and periods allowed)').optional(),
      familyName: text('1–60 letters (spaces, hyphens, apostrophes and periods allowed)').optional(),
      contactMedium: z.array(ContactMediumChange).optional(),
      languageAbility: z
        .array(z.looseObject({ languageCode: text('"en" or "fr"').optional(), isFavouriteLanguage: z.boolean().optional() }))
        .describe('One favourite language, "en" or "fr"')
        .optional(),
      '@type': text('"Individual"').optional(),
    })
    .describe(
      'Merge patch of an individual. Unlike RFC 7396 array replacement, each contactMedium entry replaces the medium of its ' +
        'mediumType and the others are kept. Email must be an address, phone a North American number (stored as +1 NXX-NXX-XXXX), ' +
        'postalAddress a Canadian address that geographicAddressValidation answers "success" for, in a province the operator ' +
        'serves (422 otherwise). The whole patch is refused (nothing written) if any part is invalid.',
    ),
);

export type IndividualUpdateBody = z.infer<typeof IndividualUpdate>;

const GeographicAddress = model(
  'GeographicAddress',
  z.object({
    streetNr: text('Civic number').optional(),
    streetName: text('Street (or the whole street line)').optional(),
    city: text('City').optional(),
    stateOrProvince: text('Province or territory code, e.g. QC').optional(),
    postcode: text('Postal code, A1A 1A1').optional(),
    country: text('CA').optional(),
    '@type': z.literal('GeographicAddress').optional(),
  }),
);

const GeographicAddressValidationCreate = model(
  'GeographicAddressValidation_Create',
  z.object({
    provideAlternative: z.boolean().describe('Whether to propose corrected addresses (default true)').optional(),
    submittedGeographicAddress: GeographicAddress,
  }),
);

export type AddressValidationBody = z.infer<typeof GeographicAddressValidationCreate>;

const GeographicAddressValidationModel = model(
  'GeographicAddressValidation',
  z
    .object({
      id: text('Identifier'),
      href: text('Absolute URL').meta({ format: 'uri' }),
      provideAlternative: z.boolean(),
      validationDate: text('When').meta({ format: 'date-time' }),
      validationResult: z.enum(['success', 'partial', 'fails']),
      state: z.literal('done').describe('Validation is synchronous'),
      submittedGeographicAddress: GeographicAddress,
      validGeographicAddress: GeographicAddress.optional(),
      alternateGeographicAddress: z.array(GeographicAddress),
      problem: z.array(z.string()).describe('espace extension: why the address failed or is only partial, one sentence per problem'),
      '@type': z.literal('GeographicAddressValidation'),
    })
    .describe(
      "Checked by rules standing in for a postal database: postal code format, province code, the postal code's first letter " +
        'against the province, and the city against a seeded list per province. validationResult: "success" (validGeographicAddress ' +
        'is the normalized address), "partial" (a near-miss city: alternateGeographicAddress holds the proper spelling) or "fails".',
    ),
);

export const retrieveIndividual = routeSchema({
  operationId: 'retrieveIndividual',
  tags: ['individual'],
  summary: 'Personal information of a person (customers: only themselves)',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: IndividualModel },
});

export const patchIndividual = routeSchema({
  operationId: 'patchIndividual',
  tags: ['individual'],
  summary: 'Change names, email, phone, mailing address or preferred language',
  params: idParams,
  body: IndividualUpdate,
  response: { 200: { description: 'Updated', schema: IndividualModel } },
});

export const createGeographicAddressValidation = routeSchema({
  operationId: 'createGeographicAddressValidation',
  tags: ['geographicAddress'],
  summary: 'Validate a Canadian address',
  body: GeographicAddressValidationCreate,
  response: { 201: { description: 'Validated', schema: GeographicAddressValidationModel } },
});
