/**
 * `espace auth status`: who, which context and API, where the token came from, when it expires,
 * and whether the server still accepts it. Exit code 4 when not logged in.
 */
import { NoUserinfoError, getIdentity, type Identity } from '../../../api/tmf/userinfo.js';
import { AuthError, EspaceError } from '../../../errors.js';
import { formatDateTime, toJson } from '../../../output/formats.js';
import { sanitizeLine } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { contextLabel } from '../../context-label.js';

export async function run(_options: object, ctx: CommandDeps): Promise<void> {
  const { io, t, locale } = ctx;
  const target = ctx.target();
  const session = await ctx.session();
  const current = await session.peek();
  if (!current) {
    // Said as every command says it: a locked or missing keychain is told once, with its fix.
    throw session.lastLoadError ?? new AuthError('auth.notLoggedIn', { params: { context: target.contextName }, hint: 'auth.hintLogin' });
  }
  let identity: Identity | undefined;
  let problem: string | undefined;
  // A server without a userinfo endpoint cannot say whose the token is: no reason to log in again.
  let unverified: string | undefined;
  try {
    identity = await getIdentity(await ctx.api());
  } catch (error) {
    if (!(error instanceof EspaceError)) throw error;
    if (error instanceof NoUserinfoError) unverified = error.describe(t);
    else problem = error.describe(t);
  }
  const { credentials, origin } = session.credentials ? { credentials: session.credentials, origin: session.origin! } : current;
  const status = {
    context: target.contextName,
    apiUrl: target.apiUrl,
    /** flag or env: a custom URL replaced the context's (the context only lends its credentials). */
    apiUrlSource: target.apiUrlOrigin,
    user: identity?.username ?? credentials.username ?? null,
    name: identity?.name ?? null,
    source: origin,
    expiresAt: credentials.expiresAt ?? null,
    valid: unverified !== undefined ? null : problem === undefined,
    problem: problem ?? null,
    ...(unverified !== undefined ? { note: unverified } : {}),
  };
  if (ctx.globals.json) {
    io.out(toJson(status));
  } else {
    const expires = credentials.expiresAt ? formatDateTime(credentials.expiresAt, locale) : t('auth.status.noExpiry');
    io.out(
      [
        userLine(ctx, status.user, status.name),
        t('auth.status.context', { context: contextLabel(target, t), url: status.apiUrl }),
        t('auth.status.source', { source: t(`auth.source.${origin}`) }),
        t('auth.status.expires', { expires }),
        unverified ?? (problem ? io.color.error(t('auth.status.invalid', { problem })) : io.color.success(t('auth.status.valid'))),
      ].join('\n') + '\n',
    );
  }
  if (problem) throw new AuthError('auth.status.rejected', { params: { context: target.contextName }, hint: 'auth.hintLogin' });
}

/** "Logged in as marie.tremblay (Marie Tremblay)": the name only when there is one that says more than the user name. */
function userLine(ctx: CommandDeps, user: string | null, name: string | null): string {
  const shownUser = sanitizeLine(user ?? '?');
  const shownName = name === null ? '' : sanitizeLine(name).trim();
  if (shownName === '' || shownName.toLowerCase() === shownUser.toLowerCase()) return ctx.t('auth.status.userOnly', { user: shownUser });
  return ctx.t('auth.status.user', { user: shownUser, name: shownName });
}
