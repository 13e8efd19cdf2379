/** TMF691 Federated Identity: who the token belongs to. */
import { z } from 'zod';
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

export async function getIdentity(client: HttpClient): Promise<Identity> {
  const answer = parseResource(UserinfoAnswer, await client.get(TMF.userinfo), 'Userinfo', TMF.userinfo);
  const info = Array.isArray(answer) ? answer[0]! : answer;
  return { subject: info.sub, name: info.name, username: info.preferred_username, email: info.email, locale: info.locale };
}
