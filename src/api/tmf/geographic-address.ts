/** TMF673 Geographic Address: the operator's check of a mailing address before it is saved. */
import * as z from 'zod';
import type { MailingAddress } from '../../domain/profile.js';
import type { HttpClient } from '../http.js';
import { parseResource } from './common.js';

export const ADDRESS_VALIDATION_PATH = '/tmf-api/geographicAddressManagement/v4/geographicAddressValidation';

const GeographicAddress = z.looseObject({
  streetNr: z.string().optional(),
  streetName: z.string().optional(),
  city: z.string().optional(),
  stateOrProvince: z.string().optional(),
  postcode: z.string().optional(),
  country: z.string().optional(),
});

const Validation = z.looseObject({
  validationResult: z.enum(['success', 'partial', 'fails']),
  validGeographicAddress: GeographicAddress.optional(),
  alternateGeographicAddress: z.array(GeographicAddress).default([]),
  problem: z.array(z.string()).default([]),
});

export interface AddressValidation {
  result: 'success' | 'partial' | 'fails';
  /** The address as the operator writes it (when valid). */
  valid?: MailingAddress;
  alternatives: MailingAddress[];
  problems: string[];
}

function splitStreet(street1: string): { streetNr?: string; streetName: string } {
  const match = /^(\d+[A-Za-z]?)[,\s]+(.+)$/.exec(street1.trim());
  return match ? { streetNr: match[1], streetName: match[2]! } : { streetName: street1.trim() };
}

/** Back to the submitted street line's shape (keeps "1234, rue…" as typed), with the operator's city and codes. */
function toMailing(address: z.infer<typeof GeographicAddress>, submitted: MailingAddress): MailingAddress {
  return {
    street1: submitted.street1,
    ...(submitted.street2 ? { street2: submitted.street2 } : {}),
    city: address.city ?? submitted.city,
    province: address.stateOrProvince ?? submitted.province,
    postalCode: address.postcode ?? submitted.postalCode,
    country: address.country ?? submitted.country,
  };
}

export async function validateAddress(client: HttpClient, address: MailingAddress): Promise<AddressValidation> {
  const response = await client.request({
    method: 'POST',
    path: ADDRESS_VALIDATION_PATH,
    json: {
      provideAlternative: true,
      submittedGeographicAddress: {
        ...splitStreet(address.street1),
        city: address.city,
        stateOrProvince: address.province,
        postcode: address.postalCode,
        country: address.country,
        '@type': 'GeographicAddress',
      },
    },
  });
  const answer = parseResource(Validation, response, 'GeographicAddressValidation', ADDRESS_VALIDATION_PATH);
  return {
    result: answer.validationResult,
    ...(answer.validGeographicAddress ? { valid: toMailing(answer.validGeographicAddress, address) } : {}),
    alternatives: answer.alternateGeographicAddress.map((alt) => toMailing(alt, address)),
    problems: answer.problem,
  };
}
