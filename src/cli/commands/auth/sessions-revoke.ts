/**
 * `espace auth sessions revoke ID|--others`: ends other logins (their tokens stop working at once).
 * The current session is not ended here: that is `auth logout`, which also forgets the tokens.
 */
import { listSessions, revokeOtherSessions, revokeSession } from '../../../api/security.js';
import { CancelledError, UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import type { Context } from '../../context.js';

export interface SessionsRevokeOptions {
  id?: string;
  others: boolean;
  yes: boolean;
}

export async function run(options: SessionsRevokeOptions, ctx: Context): Promise<void> {
  const { io, t } = ctx;
  if ((options.id === undefined) === !options.others) throw new UsageError('security.sessions.revokeWhich');
  const api = await ctx.api();
  if (options.others) {
    if (!options.yes && !(await ctx.prompt.confirm({ message: t('security.sessions.confirmOthers'), flag: '--yes', default: true }))) {
      throw new CancelledError();
    }
    const count = await revokeOtherSessions(api);
    if (ctx.globals.json) io.out(toJson({ revoked: count }));
    else io.err(`${t('security.sessions.revokedOthers', { count })}\n`);
    return;
  }
  const id = options.id!;
  const current = (await listSessions(api)).find((session) => session.current);
  if (current?.id === id) throw new UsageError('security.sessions.isCurrent', { hint: 'security.sessions.hintLogout' });
  await revokeSession(api, id);
  if (ctx.globals.json) io.out(toJson({ revoked: 1, id }));
  else io.err(`${t('security.sessions.revoked', { id })}\n`);
}
