/** Registers `bill dispute`; the code that runs it (dispute.ts) loads only when it runs. */
import { type CommandUnknownOpts, Option } from '../../commander.js';
import { SEVERITIES } from '../../../domain/ticket.js';
import type { Registrar } from '../../program.js';
import type { BillDisputeOptions } from './dispute.js';
import { accountOption } from '../../shared-options.js';

export function registerBillDispute(bill: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  examples(
    bill
      .command('dispute')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('dispute.description'))
      .argument('[bill]', t('bill.show.argument'), 'latest')
      .option('--item <line>', t('dispute.option.item'))
      .option('--reason <text>', t('dispute.option.reason'))
      .addOption(new Option('--severity <severity>', t('ticket.open.option.severity')).choices(SEVERITIES).default('minor'))
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./dispute.js'),
          ([billId], options): BillDisputeOptions => ({
            bill: billId ?? 'latest',
            item: options.item,
            reason: options.reason,
            severity: options.severity,
            account: options.account,
          }),
        ),
      ),
    [
      'espace bill dispute --reason "I was charged for a movie I did not rent"',
      'espace bill dispute CB-1001-202611 --item "Location de film" --reason "Never rented"',
      'espace bill dispute latest --item ACBR-1001-202611-05 --reason - < letter.txt',
    ],
  );
}
