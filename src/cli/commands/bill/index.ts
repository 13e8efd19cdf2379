import type { CommandUnknownOpts } from '../../commander.js';
import { addBulkOptions, bulkable } from '../../bulk/options.js';
import { positiveInteger } from '../../parsers.js';
import type { Registrar } from '../../program.js';
import { registerBillDispute } from './dispute-command.js';
import type { BillListOptions } from './list.js';
import type { BillShowOptions } from './show.js';
import type { BillDownloadOptions } from './download.js';
import type { BillDiffOptions } from './diff.js';
import { termChoices } from '../../../i18n/terms.js';
import { billStates } from '../../../i18n/vocabularies.js';
import { termOption } from '../../term-option.js';
import type { BillExplainOptions } from './explain.js';
import { accountOption } from '../../shared-options.js';

export function registerBill(program: CommandUnknownOpts, registrar: Registrar): void {
  const { t, action, examples } = registrar;
  const bill = examples(program.command('bill').description(t('bill.description')), ['espace bill list', 'espace bill show latest']);

  examples(
    addBulkOptions(
      bill
        .command('list')
        .description(t('bill.list.description'))
        .addOption(accountOption(t))
        .option('--state <state>', t('bill.list.option.state', { states: termChoices(billStates, t) }))
        .option('--limit <n>', t('bill.list.option.limit'), positiveInteger, 12),
      registrar,
    ).action(
      bulkable(
        registrar,
        'bill list',
        () => import('./list.js'),
        (_args, options): BillListOptions => ({
          account: options.account,
          state: termOption(billStates, '--state', options.state, t),
          limit: options.limit,
        }),
      ),
    ),
    [
      'espace bill list',
      'espace bill list --limit 3 --json',
      'espace bill list --state paid',
      'espace bill list --account BA-1001   # agents',
      'espace bill list --limit 1 --accounts-from queue.csv --format csv   # agents',
    ],
  );

  examples(
    addBulkOptions(
      bill.command('show').description(t('bill.show.description')).argument('[bill]', t('bill.show.argument'), 'latest').addOption(accountOption(t)),
      registrar,
    ).action(
      bulkable(
        registrar,
        'bill show',
        () => import('./show.js'),
        ([billId], options): BillShowOptions => ({ bill: billId ?? 'latest', account: options.account }),
      ),
    ),
    [
      'espace bill show',
      'espace bill show CB-1001-202611',
      'espace bill show latest --json',
      'espace --lang fr bill show',
      'espace bill show --accounts-from accounts.txt > bills.ndjson   # agents: 50 accounts per request',
    ],
  );

  examples(
    bill
      .command('download')
      .description(t('bill.download.description'))
      .argument('[bill]', t('bill.show.argument'), 'latest')
      .option('-o, --output <file>', t('bill.download.option.output'))
      .option('--force', t('bill.download.option.force'), false)
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./download.js'),
          ([billId], options): BillDownloadOptions => ({
            bill: billId ?? 'latest',
            output: options.output,
            force: options.force === true,
            account: options.account,
          }),
        ),
      ),
    ['espace bill download', 'espace bill download CB-1001-202611 -o november.pdf', 'espace bill download latest -o - | lpr'],
  );

  examples(
    bill
      .command('diff')
      .description(t('bill.diff.description'))
      .argument('[bill]', t('bill.diff.argument.first'), 'latest')
      .argument('[other]', t('bill.diff.argument.second'))
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./diff.js'),
          ([first, second], options): BillDiffOptions => ({
            first: first ?? 'latest',
            second: second ?? undefined,
            account: options.account,
          }),
        ),
      ),
    ['espace bill diff', 'espace bill diff CB-1001-202611 CB-1001-202605', 'espace bill diff latest --json'],
  );

  examples(
    bill
      .command('explain')
      .description(t('bill.explain.description'))
      .argument('[bill]', t('bill.explain.argument'), 'latest')
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./explain.js'),
          ([billId], options): BillExplainOptions => ({ bill: billId ?? 'latest', account: options.account }),
        ),
      ),
    ['espace bill explain', 'espace bill explain CB-1001-202605', 'espace --lang fr bill explain --json'],
  );
  registerBillDispute(bill, registrar);
}
