/**
 * The client that sends payments: authenticated like every other, but making exactly one
 * request per call. submitPayment drives the attempts itself, because what an answer proves
 * depends on whether an earlier attempt may have reached the server; retries hidden inside the
 * client would lose that. Its own connections can be dropped at once when the command is
 * interrupted, without touching the command's other requests.
 */
import type { HttpClient } from '../../api/http.js';
import { USER_AGENT } from '../../version.js';
import type { CommandDeps } from '../command-deps.js';

/**
 * A fresh single-attempt client for the context's API; the caller closes it. It keeps the
 * command's deadline and answer bound (a payment must not wait on a silent server longer than
 * `--timeout` says) and the context's API paths, like every other client of the command.
 */
export async function paymentClient(ctx: CommandDeps): Promise<HttpClient> {
  const { HttpClient } = await import('../../api/http.js');
  const target = ctx.target();
  return new HttpClient({
    baseUrl: target.apiUrl,
    apiMap: target.apiPaths,
    userAgent: USER_AGENT,
    tokens: await ctx.session(),
    ...ctx.requestLimits(),
    locale: ctx.locale,
    now: () => ctx.clock().getTime(),
    notices: ctx.notices,
    retries: 0,
  });
}
