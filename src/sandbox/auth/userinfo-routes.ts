/**
 * TMF691 userinfo. `listUserinfo` returns an array of Userinfo, so the caller gets a one-element
 * array describing themselves; `userAssets` lists what they may act on (their billing accounts,
 * or `*` for every account) and with which role.
 */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { principalOf, type Principal } from './principal.js';
import { parseQuery, selectFields, setListHeaders } from '../paging.js';
import { OPENID_API } from '../resources/paths.js';
import { sendTmfError } from '../tmf-errors.js';
import { listUserinfo, retrieveUserinfo, type Userinfo } from './userinfo-contract.js';

const READ = { function: 'billing', action: 'read' } as const;
const UPDATE = { function: 'billing', action: 'update' } as const;

function userinfoOf(ctx: SandboxContext, principal: Principal): Userinfo | null {
  if (principal.userId === null) {
    const client = ctx.identities.client(principal.clientId);
    return {
      sub: principal.clientId,
      name: client?.name ?? principal.clientId,
      preferred_username: principal.clientId,
      userAssets: [{ entityType: 'BillingAccount', id: '*', assetType: 'billingAccount', role: principal.role, entitlement: [READ] }],
    };
  }
  const user = ctx.identities.userById(principal.userId);
  if (!user) return null;
  const assets: Userinfo['userAssets'] =
    principal.role === 'customer'
      ? ctx.identities.accountsOf(user.id).map((a) => ({
          entityType: 'BillingAccount',
          id: a.id,
          assetType: 'billingAccount',
          role: a.role,
          entitlement: [READ, UPDATE],
        }))
      : [{ entityType: 'BillingAccount', id: '*', assetType: 'billingAccount', role: principal.role, entitlement: [READ, UPDATE] }];
  return {
    sub: user.id,
    name: `${user.givenName} ${user.familyName}`,
    given_name: user.givenName,
    family_name: user.familyName,
    preferred_username: user.username,
    email: user.email,
    email_verified: true,
    ...(user.phone ? { phone_number: user.phone } : {}),
    locale: user.locale,
    userAssets: assets,
  };
}

function withSub(fields: ReadonlySet<string> | null): ReadonlySet<string> | null {
  return fields ? new Set([...fields, 'sub']) : null;
}

export async function userinfoRoutes(app: FastifyInstance, { ctx }: { ctx: SandboxContext }): Promise<void> {
  app.get(`${OPENID_API}/userinfo`, { schema: listUserinfo }, async (request, reply) => {
    const query = parseQuery(request.query, { paging: true });
    const info = userinfoOf(ctx, principalOf(request));
    const all = info ? [info] : [];
    const page = all.slice(query.offset, query.offset + query.limit);
    setListHeaders(reply, all.length, page.length);
    return page.map((u) => selectFields(u, withSub(query.fields)));
  });

  app.get<{ Params: { id: string } }>(`${OPENID_API}/userinfo/:id`, { schema: retrieveUserinfo }, async (request, reply) => {
    const query = parseQuery(request.query, {});
    const info = userinfoOf(ctx, principalOf(request));
    // Only one's own userinfo exists from the caller's point of view.
    if (!info || info.sub !== request.params.id) return sendTmfError(reply, 404, `No userinfo with id "${request.params.id}"`);
    return selectFields(info, withSub(query.fields));
  });
}
