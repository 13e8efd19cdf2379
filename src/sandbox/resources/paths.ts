/** Paths of the server: TMF base paths exactly as their specifications declare them, and the others. */
import type { FastifyRequest } from 'fastify';

export const CUSTOMER_BILL_API = '/tmf-api/customerBillManagement/v4';
export const ACCOUNT_API = '/tmf-api/accountManagement/v4';
export const OPENID_API = '/tmf-api/openid/v4';

export const TOKEN_PATH = '/oauth/token';
export const REVOKE_PATH = '/oauth/revoke';
export const HEALTH_PATH = '/health';
export const OPENAPI_PATH = '/openapi.json';

/**
 * Scheme and authority the client used, for absolute `href`s (TMF declares several of them as
 * URIs). Derived per request because the same server answers on 127.0.0.1, localhost or a proxy.
 */
export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host || 'localhost'}`;
}

export function billHref(origin: string, id: string): string {
  return `${origin}${CUSTOMER_BILL_API}/customerBill/${encodeURIComponent(id)}`;
}

export function rateHref(origin: string, id: string): string {
  return `${origin}${CUSTOMER_BILL_API}/appliedCustomerBillingRate/${encodeURIComponent(id)}`;
}

export function accountHref(origin: string, id: string): string {
  return `${origin}${ACCOUNT_API}/billingAccount/${encodeURIComponent(id)}`;
}
