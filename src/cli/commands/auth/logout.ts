/** `espace auth logout`: revokes the tokens on the server, then forgets them locally. */
import { revokeToken } from '../../../api/oauth.js';
import { AuthError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';

export async function run(_options: object, ctx: CommandDeps): Promise<void> {
  const { io, t } = ctx;
  const target = ctx.target();
  const vault = await ctx.vault();
  let stored: Awaited<ReturnType<typeof vault.load>>;
  try {
    stored = await vault.load(target.contextName);
  } catch (error) {
    // A corrupt entry cannot be revoked, but logging out must still be able to clear it.
    if (!(error instanceof AuthError)) throw error;
    await vault.remove(target.contextName);
    io.err(`${t('auth.logout.done', { context: target.contextName })}\n`);
    return;
  }
  if (!stored) {
    io.err(`${t('auth.logout.notLoggedIn', { context: target.contextName })}\n`);
    if (ctx.env.ESPACE_TOKEN) io.err(`${t('auth.logout.envToken')}\n`);
    return;
  }
  const client = await ctx.anonymousApi();
  const { credentials } = stored;
  // Revoking the refresh token ends the whole session server-side; the access token too, in
  // case the server keeps them apart. A server that cannot be reached must not keep the user
  // logged in locally: warn and forget anyway.
  const revocations = [
    credentials.refreshToken ? revokeToken(client, credentials.refreshToken, 'refresh_token') : undefined,
    revokeToken(client, credentials.accessToken, 'access_token'),
  ];
  const results = await Promise.allSettled(revocations.filter((promise) => promise !== undefined));
  if (results.some((result) => result.status === 'rejected')) io.err(`${io.errColor.warning(t('auth.logout.revokeFailed'))}\n`);
  await vault.remove(target.contextName);
  io.err(`${t('auth.logout.done', { context: target.contextName })}\n`);
}
