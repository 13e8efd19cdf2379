/**
 * Seeded trouble tickets: a few cases in different states, so that `ticket list` and an agent's
 * queue have something to show. Dates derive from the seed anchor, like the bills'.
 */
import { type YearMonth, addDays, addMonths, monthLabel, noonUtc } from '../dates.js';
import type { SandboxDatabase } from '../db.js';
import { type Actor, type NoteKind, TicketStore } from './store.js';
import { type Priority, type Severity, type Team, type TicketStatus, type TicketType, levelOf } from './lifecycle.js';

interface SeedTicket {
  account: string;
  customer: Actor;
  type: TicketType;
  severity: Severity;
  priority: Priority;
  name: string;
  description: string;
  /** Days after the anchor's previous month began. */
  day: number;
  /** A bill of the account, in months before the anchor. */
  billMonthsBefore?: number;
  team?: Team;
  history: { afterDays: number; by: Actor; status?: TicketStatus; reason?: string; note?: string; kind?: NoteKind }[];
}

const AGENT: Actor = { name: 'Sophie Roy', role: 'agent' };
const MARIE: Actor = { name: 'Marie Tremblay', role: 'customer' };
const JAMES: Actor = { name: 'James Wilson', role: 'customer' };
const LUC: Actor = { name: 'Luc Gagnon', role: 'customer' };

const TICKETS: readonly SeedTicket[] = [
  {
    account: 'BA-1001',
    customer: MARIE,
    type: 'technical',
    severity: 'major',
    priority: 'medium',
    name: 'Internet coupé tous les soirs',
    description: 'La connexion Internet tombe chaque soir vers 21 h depuis une semaine; le modem clignote en orange.',
    day: 3,
    history: [{ afterDays: 0, by: AGENT, status: 'inProgress', note: 'Signal faible mesuré sur le modem; un technicien vérifie le nœud du secteur.' }],
  },
  {
    account: 'BA-1001',
    customer: MARIE,
    type: 'billing',
    severity: 'minor',
    priority: 'low',
    name: 'Frais de location facturés en double',
    description: 'Les frais de location du terminal apparaissent deux fois sur ma facture.',
    day: 8,
    billMonthsBefore: 1,
    history: [
      { afterDays: 1, by: AGENT, status: 'inProgress' },
      { afterDays: 2, by: AGENT, status: 'resolved', reason: 'Crédit appliqué sur la prochaine facture', note: 'Crédit appliqué sur la prochaine facture.' },
      { afterDays: 4, by: MARIE, status: 'closed', reason: 'Confirmé par la cliente' },
    ],
  },
  {
    account: 'BA-2001',
    customer: JAMES,
    type: 'serviceRequest',
    severity: 'minor',
    priority: 'low',
    name: 'Second TV receiver',
    description: 'I would like a second TV receiver for the basement.',
    day: 12,
    history: [],
  },
  {
    account: 'BA-3001',
    customer: LUC,
    type: 'billing',
    severity: 'major',
    priority: 'high',
    name: 'Frais de retard contestés',
    description: 'Mon paiement a été fait à temps, mais des frais de retard ont été ajoutés.',
    day: 15,
    billMonthsBefore: 0,
    team: 'billing',
    history: [
      {
        afterDays: 1,
        by: AGENT,
        status: 'pending',
        reason: 'En attente de la preuve de paiement',
        note: 'Pouvez-vous nous transmettre la preuve de paiement\u00a0?',
      },
      {
        afterDays: 1,
        by: AGENT,
        kind: 'change',
        note: 'Escalated to Billing support team (assignee: Customer support → Billing support team; priority: medium → high). Reason: frais de retard contestés',
      },
    ],
  },
];

/** Inserts the seeded tickets (ids TT-1001…); called inside the seed's transaction. */
export function seedTickets(db: SandboxDatabase, anchor: YearMonth): void {
  const store = new TicketStore(db);
  const previous = addMonths(anchor, -1);
  for (const seed of TICKETS) {
    const at = noonUtc(previous, seed.day);
    const accountNo = seed.account.slice(3);
    const bill =
      seed.billMonthsBefore === undefined
        ? []
        : [
            {
              entityId: `CB-${accountNo}-${monthLabel(addMonths(anchor, -seed.billMonthsBefore), '')}`,
              referredType: 'CustomerBill',
              role: 'disputedBill',
              name: null,
            },
          ];
    const id = store.create({
      billingAccountId: seed.account,
      name: seed.name,
      description: seed.description,
      ticketType: seed.type,
      severity: seed.severity,
      priority: seed.priority,
      status: 'acknowledged',
      channel: 'selfService',
      assigneeTeam: 'frontline',
      creatorId: null,
      creatorName: seed.customer.name,
      at,
      related: [{ entityId: seed.account, referredType: 'BillingAccount', role: 'billingAccount', name: null }, ...bill],
    });
    const row = store.ticket(id)!;
    for (const step of seed.history) {
      const when = addDays(at, step.afterDays);
      if (step.status) {
        store.update(
          row.seq,
          { status: step.status, statusChangeReason: step.reason ?? null, ...(step.status === 'resolved' ? { resolutionDate: when } : {}) },
          when,
        );
        store.recordStatus(row.seq, step.status, step.reason ?? null, when, step.by.name);
      }
      if (step.note) store.addNote(row.seq, step.kind ?? 'comment', step.by, when, step.note);
    }
    if (seed.team) store.update(row.seq, { assigneeTeam: seed.team, escalationLevel: levelOf(seed.team) }, addDays(at, 1));
  }
}
