/** The TMF632 `Individual` JSON of a login, with its contact media and favourite language. */
import type { UserRow } from '../auth/identities.js';
import { INDIVIDUAL_PATH } from './paths.js';
import type { MailingAddress } from './store.js';

/** The individual `user` as TMF632 shows it; `address` is their mailing address, if they own an account. */
export function individualResource(origin: string, user: UserRow, address: MailingAddress | undefined) {
  const contactMedium: Record<string, unknown>[] = [
    { mediumType: 'email', preferred: true, characteristic: { contactType: 'email', emailAddress: user.email } },
  ];
  if (user.phone) contactMedium.push({ mediumType: 'phone', preferred: false, characteristic: { contactType: 'mobile', phoneNumber: user.phone } });
  if (address) {
    contactMedium.push({
      mediumType: 'postalAddress',
      preferred: false,
      characteristic: {
        contactType: 'mailing',
        street1: address.street1,
        ...(address.street2 ? { street2: address.street2 } : {}),
        city: address.city,
        stateOrProvince: address.province,
        postCode: address.postcode,
        country: address.country,
      },
    });
  }
  return {
    id: user.id,
    href: `${origin}${INDIVIDUAL_PATH}/${encodeURIComponent(user.id)}`,
    givenName: user.givenName,
    familyName: user.familyName,
    fullName: `${user.givenName} ${user.familyName}`,
    status: 'validated',
    contactMedium,
    languageAbility: [
      { languageCode: user.locale.slice(0, 2), languageName: user.locale.startsWith('fr') ? 'Français' : 'English', isFavouriteLanguage: true },
    ],
    '@type': 'Individual',
  };
}
