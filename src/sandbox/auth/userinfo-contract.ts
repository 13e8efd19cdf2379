/** The wire contract of TMF691 userinfo as the sandbox serves it (see ../contract/route-schema.ts). */
import * as z from 'zod';
import { idParams, listQuery, retrieveQuery } from '../contract/tmf-common.js';
import { model, routeSchema } from '../contract/route-schema.js';

const Entitlement = model(
  'Entitlement',
  z.object({ function: z.string().describe('Area, e.g. billing'), action: z.enum(['read', 'update']).describe('What the caller may do there') }),
);

const UserAsset = model(
  'UserAsset',
  z.object({
    entityType: z.literal('BillingAccount'),
    id: z.string().describe('Account id, or "*" for every account (agents, CI clients)'),
    assetType: z.literal('billingAccount'),
    role: z.string().describe('owner (customer), agent or ci'),
    entitlement: z.array(Entitlement),
  }),
);

export const UserinfoModel = model(
  'Userinfo',
  z
    .object({
      sub: z.string().describe('User id (e.g. IND-1001) or client id'),
      name: z.string().describe('Full name (a client: its name)'),
      given_name: z.string().describe('Given name (users only)').optional(),
      family_name: z.string().describe('Family name (users only)').optional(),
      preferred_username: z.string().describe('Login name, or the client id'),
      email: z.string().describe('Email (users only)').optional(),
      email_verified: z.boolean().optional(),
      phone_number: z.string().describe('Phone (users who gave one)').optional(),
      locale: z.string().describe('Preferred language, fr-CA or en-CA (users only)').optional(),
      userAssets: z.array(UserAsset).describe('What the caller may act on, and in which role'),
    })
    .describe('TMF691 Userinfo (OpenID Connect claims). For a client-credentials token, sub is the client id.'),
);

export type Userinfo = z.infer<typeof UserinfoModel>;

export const listUserinfo = routeSchema({
  operationId: 'listUserinfo',
  tags: ['userinfo'],
  summary: "The caller's own userinfo, as a one-element array",
  querystring: listQuery({}),
  response: { 200: z.array(UserinfoModel) },
});

export const retrieveUserinfo = routeSchema({
  operationId: 'retrieveUserinfo',
  tags: ['userinfo'],
  summary: "The caller's own userinfo by sub (any other id answers 404)",
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: UserinfoModel },
});
