/**
 * The client that sends payments: authenticated like every other, but making exactly one
 * request per call. submitPayment drives the attempts itself, because what an answer proves
 * depends on whether an earlier attempt may have reached the server; retries hidden inside the
 * client would lose that. Its own connections can be dropped at once when the command is
 * interrupted, without touching the command's other requests.
 */
import type { HttpClient } from '../../api/http.js';
import { USER_AGENT } from '../../version.js';
import type { Context } from '../context.js';

/** A fresh single-attempt client for the context's API; the caller closes it. */
export async function paymentClient(ctx: Context): Promise<HttpClient> {
  const { HttpClient } = await import('../../api/http.js');
  return new HttpClient({ baseUrl: ctx.target().apiUrl, userAgent: USER_AGENT, tokens: await ctx.session(), retries: 0 });
}
