import { type CommandUnknownOpts, Option } from '../../commander.js';
import { SEVERITIES, TICKET_TYPES } from '../../../domain/ticket.js';
import { addBulkOptions, bulkable } from '../../bulk/options.js';
import { positiveInteger } from '../../parsers.js';
import type { Registrar } from '../../program.js';
import type { TicketCloseOptions } from './close.js';
import type { TicketCommentOptions } from './comment.js';
import type { TicketEscalateOptions } from './escalate.js';
import type { TicketListOptions } from './list.js';
import type { TicketOpenOptions } from './open.js';
import { termChoices } from '../../../i18n/terms.js';
import { ticketStatuses } from '../../../i18n/vocabularies.js';
import type { TicketShowOptions } from './show.js';
import { accountOption } from '../../shared-options.js';

export function registerTicket(program: CommandUnknownOpts, registrar: Registrar): void {
  const { t, action, examples } = registrar;
  const ticket = examples(program.command('ticket').description(t('ticket.description')), [
    'espace ticket list',
    'espace ticket open --type technical --subject "No internet" --description "The modem blinks orange"',
  ]);

  examples(
    ticket
      .command('open')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('ticket.open.description'))
      .addOption(new Option('--type <type>', t('ticket.open.option.type')).choices(TICKET_TYPES).default('technical'))
      .addOption(new Option('--severity <severity>', t('ticket.open.option.severity')).choices(SEVERITIES).default('minor'))
      .option('--subject <text>', t('ticket.open.option.subject'))
      .option('--description <text>', t('ticket.open.option.description'))
      .addOption(accountOption(t, 'ticket.option.account'))
      .action(
        action(
          () => import('./open.js'),
          (_args, options): TicketOpenOptions => ({
            type: options.type,
            severity: options.severity,
            subject: options.subject,
            description: options.description,
            account: options.account,
          }),
        ),
      ),
    [
      'espace ticket open                      # asks, or opens $EDITOR for the description',
      'espace ticket open --type move --subject "Moving on July 1" --description "New address: …"',
      'dmesg | espace ticket open --severity major --subject "Modem logs" --description -',
    ],
  );

  examples(
    addBulkOptions(
      ticket
        .command('list')
        .description(t('ticket.list.description'))
        .option('--status <status>', t('ticket.list.option.status', { open: t('ticket.list.openWord'), statuses: termChoices(ticketStatuses, t) }))
        .addOption(accountOption(t, 'ticket.list.option.account'))
        .option('--limit <n>', t('ticket.list.option.limit'), positiveInteger, 50),
      registrar,
    ).action(
      bulkable(
        registrar,
        'ticket list',
        () => import('./list.js'),
        (_args, options): TicketListOptions => ({ status: options.status, account: options.account, limit: options.limit }),
      ),
    ),
    [
      'espace ticket list',
      'espace ticket list --status open',
      'espace ticket list --status "in progress"',
      'espace ticket list --status resolved,closed --json',
      'espace ticket list --status open --accounts-from queue.txt > open-tickets.ndjson   # agents',
    ],
  );

  examples(
    ticket
      .command('show')
      .description(t('ticket.show.description'))
      .argument('<id>', t('ticket.argument.id'))
      .action(
        action(
          () => import('./show.js'),
          ([id]): TicketShowOptions => ({ id }),
        ),
      ),
    ['espace ticket show TT-1001', 'espace ticket show TT-1001 --json'],
  );

  examples(
    ticket
      .command('comment')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('ticket.comment.description'))
      .argument('<id>', t('ticket.argument.id'))
      .option('-m, --message <text>', t('ticket.comment.option.message'))
      .action(
        action(
          () => import('./comment.js'),
          ([id], options): TicketCommentOptions => ({ id, message: options.message }),
        ),
      ),
    ['espace ticket comment TT-1001 -m "It happened again last night"', 'espace ticket comment TT-1001 --message - < notes.txt'],
  );

  examples(
    ticket
      .command('escalate')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('ticket.escalate.description'))
      .argument('<id>', t('ticket.argument.id'))
      .option('--reason <text>', t('ticket.escalate.option.reason'))
      .action(
        action(
          () => import('./escalate.js'),
          ([id], options): TicketEscalateOptions => ({ id, reason: options.reason }),
        ),
      ),
    ['espace ticket escalate TT-1001 --reason "Still down after a week"'],
  );

  examples(
    ticket
      .command('close')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('ticket.close.description'))
      .argument('<id>', t('ticket.argument.id'))
      .option('--reason <text>', t('ticket.close.option.reason'))
      .action(
        action(
          () => import('./close.js'),
          ([id], options): TicketCloseOptions => ({ id, reason: options.reason }),
        ),
      ),
    ['espace ticket close TT-1001', 'espace ticket close TT-1003 --reason "Fixed itself"'],
  );
}
