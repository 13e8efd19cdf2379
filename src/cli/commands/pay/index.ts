import type { Command } from 'commander';
import { REMITTANCE_ADDRESS, SUPPORT_CHANNELS } from '../../../domain/contact.js';
import type { Lang, Translate } from '../../../i18n/catalog.js';
import type { Registrar } from '../../program.js';
import type { PayOptions } from './run.js';

export function registerPay(program: Command, { t, action, examples }: Registrar): void {
  const pay = program
    .command('pay')
    .description(t('pay.description'))
    .argument('[bill]', t('pay.argument'), 'latest')
    .option('--amount <dollars>', t('pay.option.amount'))
    .option('--method <id>', t('pay.option.method'))
    .option('-y, --yes', t('pay.option.yes'))
    .option('--account <id>', t('pay.option.account'))
    .action(
      action(
        () => import('./run.js'),
        ([bill], options): PayOptions => ({
          bill: bill ?? 'latest',
          amount: options.amount as string | undefined,
          method: options.method as string | undefined,
          yes: Boolean(options.yes),
          account: options.account as string | undefined,
        }),
      ),
    );
  examples(pay, [
    'espace pay',
    'espace pay latest --amount 50 --yes',
    'espace pay CB-1001-202611 --method PM-1001-1',
    'espace pay --account BA-2001 --yes   # agents: a payment by phone',
  ]);
  pay.addHelpText('after', () => `${otherWaysToPay(t)}\n`);
}

/** Paying by mail (the remittance address) and by phone, from the one table in domain/contact.ts. */
export function otherWaysToPay(t: Translate): string {
  const lang = t('pay.lang') as Lang;
  const phone = SUPPORT_CHANNELS.find((channel) => channel.id === 'phoneBilling');
  return [
    t('pay.byMail'),
    `  ${REMITTANCE_ADDRESS.payee}`,
    ...REMITTANCE_ADDRESS.lines.map((line) => `  ${line}`),
    `  ${REMITTANCE_ADDRESS.note[lang]}`,
    ...(phone ? [t('pay.byPhone'), `  ${phone.label[lang]}: ${phone.value}`, `  ${phone.hours[lang]}`] : []),
  ].join('\n');
}
