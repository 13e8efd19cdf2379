/** TMF666 BillingAccount representation. */
import { money } from '../money.js';
import type { BillingAccount } from './contract.js';
import type { AccountRow, Balances } from './billing-account-store.js';
import { accountHref } from '../resources/paths.js';

/** The account without its `characteristic` (autopay), which ../payment/autopay.ts adds. */
export function billingAccountResource(origin: string, row: AccountRow, balances: Balances | undefined, now: Date): Omit<BillingAccount, 'characteristic'> {
  const current = balances?.currentCents ?? 0;
  const overdue = balances?.overdueCents ?? 0;
  const asOf = { startDateTime: now.toISOString() };
  return {
    id: row.id,
    href: accountHref(origin, row.id),
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    accountType: row.accountType,
    state: row.state,
    ratingType: row.ratingType,
    paymentStatus: overdue > 0 ? 'overdue' : current > 0 ? 'due' : 'paid',
    lastModified: row.lastModified,
    accountBalance: [
      { balanceType: 'currentBalance', amount: money(current, row.currency), validFor: asOf },
      { balanceType: 'overdueBalance', amount: money(overdue, row.currency), validFor: asOf },
    ],
    billStructure: {
      presentationMedia: [{ id: row.presentationMedia, name: row.presentationMedia }],
      cycleSpecification: { name: row.cycleName, frequency: 'monthly', billingPeriod: 'month' },
    },
    contact: [
      {
        contactType: 'primary',
        contactName: row.ownerName,
        partyRoleType: 'accountOwner',
        validFor: { startDateTime: row.createdAt },
        contactMedium: [
          {
            mediumType: 'postalAddress',
            preferred: row.presentationMedia === 'paper',
            characteristic: {
              contactType: 'billing',
              street1: row.street1,
              ...(row.street2 ? { street2: row.street2 } : {}),
              city: row.city,
              stateOrProvince: row.province,
              postCode: row.postcode,
              country: row.country,
            },
          },
          {
            mediumType: 'email',
            preferred: row.presentationMedia === 'electronic',
            characteristic: { contactType: 'billing', emailAddress: row.email },
          },
          ...(row.phone ? [{ mediumType: 'phone' as const, preferred: false, characteristic: { contactType: 'home', phoneNumber: row.phone } }] : []),
        ],
      },
    ],
    ...(row.defaultPaymentMethodId
      ? {
          defaultPaymentMethod: {
            id: row.defaultPaymentMethodId,
            name: row.defaultPaymentMethodName ?? row.defaultPaymentMethodId,
            '@referredType': 'PaymentMethod' as const,
          },
        }
      : {}),
    relatedParty: [{ id: row.ownerPartyId, name: row.ownerName, role: 'owner', '@referredType': 'Individual' }],
    '@type': 'BillingAccount',
  };
}
