/** `espace auth sessions`: the active logins of this user, the current one marked. */
import { listSessions } from '../../../api/security.js';
import { formatDateTime, toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import type { CommandDeps } from '../../command-deps.js';

export async function run(_options: object, ctx: CommandDeps): Promise<void> {
  const { io, t, locale } = ctx;
  const sessions = await listSessions(await ctx.api());
  if (ctx.globals.json) {
    io.out(toJson(sessions));
    return;
  }
  const rows = sessions.map((session) => [
    session.current ? '*' : '',
    session.id,
    session.device ?? t('security.sessions.unknownDevice'),
    formatDateTime(session.createdAt, locale),
    formatDateTime(session.lastUsedAt, locale),
  ]);
  io.out(
    renderTable(
      io,
      [
        { header: '' },
        { header: t('security.sessions.id') },
        { header: t('security.sessions.device') },
        { header: t('security.sessions.created') },
        { header: t('security.sessions.lastUsed') },
      ],
      rows,
    ),
  );
  if (io.stdoutIsTTY) io.err(`${t('security.sessions.legend')}\n`);
}
