/**
 * `espace auth sessions revoke ID|--others`: ends other logins (their tokens stop working at once),
 * after the current password (and a code when two-factor is on): a stolen token alone cannot sign
 * the owner out. The current session is not ended here: that is `auth logout`, which also forgets
 * the tokens.
 */
import { listSessions, revokeOtherSessions, revokeSession, twoFactorStatus } from '../../../api/security.js';
import { CancelledError, UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import type { CommandDeps } from '../../command-deps.js';
import { readReauthentication, requireReauthSources, withRefusals, type ReauthSources } from './security-input.js';

export interface SessionsRevokeOptions extends ReauthSources {
  id?: string;
  others: boolean;
  yes: boolean;
}

export async function run(options: SessionsRevokeOptions, ctx: CommandDeps): Promise<void> {
  const { io, t } = ctx;
  if ((options.id === undefined) === !options.others) throw new UsageError('security.sessions.revokeWhich');
  requireReauthSources(ctx, options);
  const api = await ctx.api();
  if (options.others) {
    if (!options.yes && !(await ctx.prompt.confirm({ message: t('security.sessions.confirmOthers'), flag: '--yes', default: true }))) {
      throw new CancelledError();
    }
    const reauth = await readReauthentication(ctx, options, (await twoFactorStatus(api)).enabled);
    const count = await withRefusals(() => revokeOtherSessions(api, reauth), { wrong: 'security.reauth.refused' });
    if (ctx.globals.json) io.out(toJson({ revoked: count }));
    else io.err(`${t('security.sessions.revokedOthers', { count })}\n`);
    return;
  }
  const id = options.id!;
  const current = (await listSessions(api)).find((session) => session.current);
  if (current?.id === id) throw new UsageError('security.sessions.isCurrent', { hint: 'security.sessions.hintLogout' });
  const reauth = await readReauthentication(ctx, options, (await twoFactorStatus(api)).enabled);
  await withRefusals(() => revokeSession(api, id, reauth), { wrong: 'security.reauth.refused' });
  if (ctx.globals.json) io.out(toJson({ revoked: 1, id }));
  else io.err(`${t('security.sessions.revoked', { id })}\n`);
}
