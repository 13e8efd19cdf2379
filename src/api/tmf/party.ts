/** TMF632 Party: the `individual` behind a login (names, contact media, preferred language). */
import * as z from 'zod';
import type { Language, MailingAddress, Profile, ProfileChanges } from '../../domain/profile.js';
import type { HttpClient } from '../http.js';
import { parseResource } from './common.js';

export const INDIVIDUAL_PATH = '/tmf-api/party/v4/individual';

const Characteristic = z.looseObject({
  emailAddress: z.string().optional(),
  phoneNumber: z.string().optional(),
  street1: z.string().optional(),
  street2: z.string().optional(),
  city: z.string().optional(),
  stateOrProvince: z.string().optional(),
  postCode: z.string().optional(),
  country: z.string().optional(),
});

const Individual = z.looseObject({
  id: z.string(),
  givenName: z.string().default(''),
  familyName: z.string().default(''),
  contactMedium: z.array(z.looseObject({ mediumType: z.string(), characteristic: Characteristic.optional() })).default([]),
  languageAbility: z.array(z.looseObject({ languageCode: z.string().optional(), isFavouriteLanguage: z.boolean().optional() })).default([]),
});
type Individual = z.infer<typeof Individual>;

function toProfile(individual: Individual): Profile {
  const medium = (type: string) => individual.contactMedium.find((m) => m.mediumType === type)?.characteristic;
  const postal = medium('postalAddress');
  const favourite = individual.languageAbility.find((ability) => ability.isFavouriteLanguage) ?? individual.languageAbility[0];
  const address: MailingAddress | undefined =
    postal?.street1 && postal.city && postal.stateOrProvince && postal.postCode
      ? {
          street1: postal.street1,
          ...(postal.street2 ? { street2: postal.street2 } : {}),
          city: postal.city,
          province: postal.stateOrProvince,
          postalCode: postal.postCode,
          country: postal.country ?? 'CA',
        }
      : undefined;
  const phone = medium('phone')?.phoneNumber;
  return {
    id: individual.id,
    givenName: individual.givenName,
    familyName: individual.familyName,
    email: medium('email')?.emailAddress ?? '',
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
    language: (favourite?.languageCode ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en',
  };
}

export async function getProfile(client: HttpClient, id: string): Promise<Profile> {
  const path = `${INDIVIDUAL_PATH}/${encodeURIComponent(id)}`;
  return toProfile(parseResource(Individual, await client.get(path), 'Individual', path));
}

/** The TMF632 merge patch for a set of changes. */
export function individualPatch(changes: ProfileChanges): Record<string, unknown> {
  const contactMedium: Record<string, unknown>[] = [];
  if (changes.email !== undefined) contactMedium.push({ mediumType: 'email', characteristic: { emailAddress: changes.email } });
  if (changes.phone !== undefined) contactMedium.push({ mediumType: 'phone', characteristic: { phoneNumber: changes.phone } });
  if (changes.address) {
    const { street1, street2, city, province, postalCode, country } = changes.address;
    contactMedium.push({
      mediumType: 'postalAddress',
      characteristic: { street1, ...(street2 ? { street2 } : {}), city, stateOrProvince: province, postCode: postalCode, country },
    });
  }
  return {
    ...(changes.givenName !== undefined ? { givenName: changes.givenName } : {}),
    ...(changes.familyName !== undefined ? { familyName: changes.familyName } : {}),
    ...(contactMedium.length ? { contactMedium } : {}),
    ...(changes.language ? { languageAbility: [{ languageCode: changes.language satisfies Language, isFavouriteLanguage: true }] } : {}),
  };
}

export async function updateProfile(client: HttpClient, id: string, changes: ProfileChanges): Promise<Profile> {
  const path = `${INDIVIDUAL_PATH}/${encodeURIComponent(id)}`;
  const response = await client.request({
    method: 'PATCH',
    path,
    json: individualPatch(changes),
    headers: { 'content-type': 'application/merge-patch+json' },
  });
  return toProfile(parseResource(Individual, response, 'Individual', path));
}
