/** TMF691 Federated Identity: who the token belongs to. */
import * as z from 'zod';
import { GeneralError } from '../../errors.js';
import { ApiError, requestWhere } from '../errors.js';
import type { HttpClient } from '../http.js';
import { parseResource } from './common.js';
import { TMF } from './paths.js';

const Userinfo = z.looseObject({
  sub: z.string(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  email: z.string().optional(),
  locale: z.string().optional(),
});

/** The spec's `listUserinfo` answers an array; OpenID Connect servers answer one object. */
const UserinfoAnswer = z.union([z.array(Userinfo).min(1), Userinfo]);

export interface Identity {
  subject: string;
  name?: string;
  username?: string;
  email?: string;
  locale?: string;
}

/**
 * The server has no TMF691 userinfo endpoint (it answered 404): not a sign that the login is bad,
 * only that espace cannot ask who it belongs to.
 */
export class NoUserinfoError extends GeneralError {
  constructor(cause: ApiError) {
    super('values.noUserinfo', { params: { where: requestWhere(cause.request) }, cause });
  }
}

/** Who the token belongs to; NoUserinfoError when the server has no userinfo endpoint. */
export async function getIdentity(client: HttpClient): Promise<Identity> {
  let response;
  try {
    response = await client.get(TMF.userinfo);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw new NoUserinfoError(error);
    throw error;
  }
  const answer = parseResource(UserinfoAnswer, response, 'Userinfo', TMF.userinfo);
  const info = Array.isArray(answer) ? answer[0]! : answer;
  return { subject: info.sub, name: info.name, username: info.preferred_username, email: info.email, locale: info.locale };
}
