/** `espace support contact`: how to reach the operator, with hours, and where to mail a payment. */
import { REMITTANCE_ADDRESS, SUPPORT_CHANNELS, remittanceLines } from '../../../domain/contact.js';
import { toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import type { CommandDeps } from '../../command-deps.js';

export async function run(_options: object, ctx: CommandDeps): Promise<void> {
  const { io, t, lang } = ctx;
  if (ctx.globals.json) {
    io.out(
      toJson({
        channels: SUPPORT_CHANNELS.map((channel) => ({ id: channel.id, label: channel.label[lang], value: channel.value, hours: channel.hours[lang] })),
        mailInPayment: { payee: REMITTANCE_ADDRESS.payee, lines: REMITTANCE_ADDRESS.lines, note: REMITTANCE_ADDRESS.note[lang] },
      }),
    );
    return;
  }
  const rows = SUPPORT_CHANNELS.map((channel) => [channel.label[lang], channel.value, channel.hours[lang]]);
  io.out(renderTable(io, [{ header: t('contact.column.channel') }, { header: t('contact.column.reach') }, { header: t('contact.column.hours') }], rows));
  if (!io.stdoutIsTTY) return;
  // The address indented under the title, the note flush with it.
  const mailIn = remittanceLines(lang);
  const address = mailIn
    .slice(0, -1)
    .map((line) => `  ${line}`)
    .join('\n');
  io.out(`\n${io.color.bold(t('contact.mailIn'))}\n${address}\n${mailIn.at(-1)}\n`);
}
