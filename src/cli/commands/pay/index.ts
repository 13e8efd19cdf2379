import type { CommandUnknownOpts } from '../../commander.js';
import { SUPPORT_CHANNELS, remittanceLines } from '../../../domain/contact.js';
import type { Lang, Translate } from '../../../i18n/catalog.js';
import type { Registrar } from '../../program.js';
import type { PayOptions } from './run.js';
import { accountOption } from '../../shared-options.js';

export function registerPay(program: CommandUnknownOpts, { t, lang, action, examples }: Registrar): void {
  const pay = program
    .command('pay')
    .description(t('pay.description'))
    .argument('[bill]', t('pay.argument'), 'latest')
    .option('--amount <dollars>', t('pay.option.amount'))
    .option('--method <id>', t('pay.option.method'))
    .option('-y, --yes', t('pay.option.yes'))
    .addOption(accountOption(t, 'pay.option.account'))
    .option('--all', t('pay.option.all'))
    .option('--dry-run', t('pay.option.dryRun'))
    .action(
      action(
        () => import('./run.js'),
        ([bill], options): PayOptions => ({
          bill: bill ?? 'latest',
          amount: options.amount,
          method: options.method,
          yes: Boolean(options.yes),
          account: options.account,
          all: options.all === true,
          dryRun: options.dryRun === true,
        }),
      ),
    );
  examples(pay, [
    'espace pay',
    'espace pay latest --amount 50 --yes',
    'espace pay --all --dry-run            # what is owed, overdue bills first; nothing is charged',
    'espace pay CB-1001-202611 --method PM-1001-1',
    'espace pay --account BA-2001 --yes   # agents: a payment by phone',
  ]);
  pay.addHelpText('after', () => `${otherWaysToPay(t, lang)}\n`);
}

/** Paying by mail (the remittance address) and by phone, from the one table in domain/contact.ts. */
export function otherWaysToPay(t: Translate, lang: Lang): string {
  const phone = SUPPORT_CHANNELS.find((channel) => channel.id === 'phoneBilling');
  return [
    t('pay.byMail'),
    ...remittanceLines(lang).map((line) => `  ${line}`),
    ...(phone ? [t('pay.byPhone'), `  ${phone.label[lang]}: ${phone.value}`, `  ${phone.hours[lang]}`] : []),
  ].join('\n');
}
