import { type CommandUnknownOpts, Option } from '../../commander.js';
import { expected } from '../../parsers.js';
import { TICKET_TYPES } from '../../../domain/ticket.js';
import type { Registrar } from '../../program.js';
import type { SupportChatOptions } from './chat.js';
import { accountOption } from '../../shared-options.js';

const DURATION = /^(\d+)(ms|s|m)?$/;

/** `120s`, `2m`, `500ms`, or a bare number of seconds → milliseconds. */
export function parseDuration(value: string): number {
  const match = DURATION.exec(value.trim());
  if (!match) throw expected({ kind: 'duration' });
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  return unit === 'ms' ? amount : unit === 'm' ? amount * 60_000 : amount * 1000;
}

export const CUSTOMER_WAIT = '120s';
export const AGENT_WAIT = '10m';

export function registerSupport(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  const support = examples(program.command('support').description(t('support.description')), ['espace support chat', 'espace support contact']);

  examples(
    support
      .command('chat')
      .description(t('chat.description'))
      .option('--queue', t('chat.option.queue'))
      .option('--wait <duration>', t('chat.option.wait', { customer: CUSTOMER_WAIT, agent: AGENT_WAIT }), parseDuration)
      .option('--subject <text>', t('chat.option.subject'))
      .addOption(new Option('--type <type>', t('chat.option.type')).choices(TICKET_TYPES).default('technical'))
      .option('--no-ticket', t('chat.option.noTicket'))
      .option('--conversation <id>', t('chat.option.conversation'))
      .addOption(accountOption(t, 'ticket.option.account'))
      .action(
        action(
          () => import('./chat.js'),
          (_args, options): SupportChatOptions => {
            const queue = Boolean(options.queue);
            return {
              queue,
              // The default depends on --queue, so it is applied here rather than by commander.
              waitMs: options.wait ?? parseDuration(queue ? AGENT_WAIT : CUSTOMER_WAIT),
              subject: options.subject,
              account: options.account,
              type: options.type,
              leaveTicket: options.ticket !== false,
              conversation: options.conversation,
            };
          },
        ),
      ),
    [
      'espace support chat --subject "Modem blinking"',
      'espace support chat --queue            # agents: pick up the customer waiting longest',
      'echo "Is there an outage in H2X?" | espace support chat --wait 30s --no-ticket',
    ],
  );

  examples(
    support
      .command('contact')
      .description(t('contact.description'))
      .action(
        action(
          () => import('./contact.js'),
          () => ({}),
        ),
      ),
    ['espace support contact', 'espace support contact --json', 'espace --lang fr support contact'],
  );
}
