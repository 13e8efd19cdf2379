/**
 * The service address of a billing account: the postal address in its TMF666 `contact`
 * (`contactMedium` of type postalAddress). Outages are looked up by its postal code.
 */
import * as z from 'zod';
import type { HttpClient } from '../http.js';
import { parseResource } from './common.js';
import { billingAccountPath } from './paths.js';

const PostalMedium = z.looseObject({
  mediumType: z.string().optional(),
  characteristic: z.looseObject({ postCode: z.string().optional(), city: z.string().optional() }).optional(),
});

const AccountContacts = z.looseObject({
  id: z.string(),
  contact: z.array(z.looseObject({ contactMedium: z.array(PostalMedium).optional() })).optional(),
});

export interface ServiceAddress {
  postalCode: string;
  city?: string;
}

/** The account's postal code and city; undefined when the account lists no postal address. */
export async function getServiceAddress(client: HttpClient, accountId: string): Promise<ServiceAddress | undefined> {
  const path = billingAccountPath(accountId);
  // The whole account: TMF666 requires name and relatedParty in every answer, so a `fields=contact` one would not conform.
  const account = parseResource(AccountContacts, await client.get(path), 'BillingAccount', path);
  for (const contact of account.contact ?? []) {
    for (const medium of contact.contactMedium ?? []) {
      const postCode = medium.characteristic?.postCode;
      if (medium.mediumType === 'postalAddress' && postCode) return { postalCode: postCode, city: medium.characteristic?.city };
    }
  }
  return undefined;
}
