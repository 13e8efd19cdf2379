/** Base paths of the TMF APIs espace speaks, as the v4 specifications give them. */
export const TMF = {
  customerBill: '/tmf-api/customerBillManagement/v4/customerBill',
  appliedCustomerBillingRate: '/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate',
  billingAccount: '/tmf-api/accountManagement/v4/billingAccount',
  userinfo: '/tmf-api/openid/v4/userinfo',
} as const;

/** One billing account (TMF666), which also carries its autopay setting and contacts. */
export function billingAccountPath(id: string): string {
  return `${TMF.billingAccount}/${encodeURIComponent(id)}`;
}

/** Not TMF: the OAuth-style endpoints (RFC 6749, RFC 7009) the sandbox documents. */
export const OAUTH = {
  token: '/oauth/token',
  revoke: '/oauth/revoke',
} as const;
