/**
 * How a ticket is shown: the stable JSON document, the heading lines, and the timeline of notes
 * and status changes. Shared by `ticket show` and the commands that change a ticket.
 */
import { type Ticket, type TimelineEntry, ticketTimeline } from '../../../domain/ticket.js';
import type { MessageKey, Translate } from '../../../i18n/catalog.js';
import { formatDateTime } from '../../../output/formats.js';
import type { IO } from '../../../output/io.js';
import { termLabel } from '../../../i18n/terms.js';
import { ticketChannels } from '../../../i18n/vocabularies.js';
import { sanitizeCell, sanitizeText } from '../../../output/sanitize.js';

/** The ticket as `--json` prints it. Field names are a public contract. */
export function ticketJson(ticket: Ticket) {
  return {
    id: ticket.id,
    subject: ticket.subject,
    description: ticket.description,
    type: ticket.type,
    severity: ticket.severity,
    priority: ticket.priority ?? null,
    status: ticket.status,
    statusReason: ticket.statusReason ?? null,
    created: ticket.created ?? null,
    updated: ticket.updated ?? null,
    resolved: ticket.resolved ?? null,
    channel: ticket.channel ?? null,
    customer: ticket.customer ?? null,
    assignee: ticket.assignee ?? null,
    escalationLevel: ticket.escalationLevel ?? null,
    related: ticket.related.map((entity) => ({ id: entity.id, type: entity.type, role: entity.role ?? null, name: entity.name ?? null })),
    timeline: ticketTimeline(ticket).map((entry) =>
      entry.kind === 'status'
        ? { kind: 'status', date: entry.date ?? null, by: entry.by ?? null, status: entry.status, reason: entry.reason ?? null }
        : { kind: entry.noteKind, date: entry.date ?? null, by: entry.by ?? null, text: entry.text },
    ),
  };
}

const KNOWN_LABELS: Record<string, readonly string[]> = {
  type: ['technical', 'billing', 'serviceRequest', 'move'],
  severity: ['minor', 'major', 'critical'],
  priority: ['low', 'medium', 'high', 'urgent'],
  status: ['acknowledged', 'inProgress', 'pending', 'held', 'resolved', 'closed', 'rejected', 'cancelled'],
};

/** A type, severity, priority or status in the user's language (unknown values as sent). */
export function label(kind: 'type' | 'severity' | 'priority' | 'status', value: string | undefined, t: Translate): string {
  if (!value) return '—';
  return KNOWN_LABELS[kind]!.includes(value) ? t(`ticket.${kind}.${value}` as MessageKey) : sanitizeCell(value);
}

function relatedLine(ticket: Ticket, t: Translate): string | undefined {
  const shown = ticket.related.filter((entity) => entity.type !== 'BillingAccount');
  if (shown.length === 0) return undefined;
  const items = shown.map((entity) => {
    const what =
      entity.type === 'CustomerBill' ? t('ticket.related.bill') : entity.type === 'AppliedCustomerBillingRate' ? t('ticket.related.line') : entity.type;
    return `${what} ${sanitizeCell(entity.id)}${entity.name ? ` (${sanitizeCell(entity.name)})` : ''}`;
  });
  return t('ticket.heading.related', { items: items.join(' · ') });
}

/** Heading, description and timeline, for a terminal or a pipe (the same lines, no colour). */
export function ticketDocument(ticket: Ticket, io: IO, t: Translate, locale: string): string {
  const { color } = io;
  const account = ticket.related.find((entity) => entity.type === 'BillingAccount')?.id;
  const lines = [
    color.bold(`${sanitizeCell(ticket.id)}  ${sanitizeCell(ticket.subject)}`),
    t('ticket.heading.state', {
      type: label('type', ticket.type, t),
      severity: label('severity', ticket.severity, t),
      priority: label('priority', ticket.priority, t),
      status: label('status', ticket.status, t),
    }),
    t('ticket.heading.assignment', {
      account: account ?? '—',
      assignee: sanitizeCell(ticket.assignee?.name ?? '—'),
      channel: sanitizeCell(ticket.channel ? termLabel(ticketChannels, ticket.channel, t) : '—'),
    }),
    t('ticket.heading.dates', { created: formatDateTime(ticket.created, locale), updated: formatDateTime(ticket.updated, locale) }),
  ];
  const related = relatedLine(ticket, t);
  if (related) lines.push(related);
  lines.push('', color.heading(t('ticket.heading.description')), ...indent(sanitizeText(ticket.description)));
  lines.push('', color.heading(t('ticket.heading.timeline')));
  for (const entry of ticketTimeline(ticket)) lines.push(...timelineLines(entry, io, t, locale));
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => `  ${line}`);
}

function timelineLines(entry: TimelineEntry, io: IO, t: Translate, locale: string): string[] {
  const head = `  ${io.color.dim(formatDateTime(entry.date, locale))}  ${sanitizeCell(entry.by ?? '—')}`;
  if (entry.kind === 'status') {
    const reason = entry.reason ? ` (${sanitizeCell(entry.reason)})` : '';
    return [`${head}  ${t('ticket.timeline.status', { status: label('status', entry.status, t) })}${reason}`];
  }
  const tag = entry.noteKind === 'change' ? t('ticket.timeline.change') : entry.noteKind === 'chat' ? t('ticket.timeline.chat') : t('ticket.timeline.comment');
  return [`${head}  ${tag}`, ...indent(sanitizeText(entry.text)).map((line) => `  ${line}`)];
}
