/**
 * What happens when, by the sandbox clock. Every generator answers "which events are due between
 * two instants and not done yet", reading the database as it is now, so that an event done earlier
 * (a bill issued) makes the next ones appear (its autopay, its due date, the next cycle). Events
 * an event creates are never sooner than a week after it, so the scheduler can take the events
 * of one week at a time, in order, and then look again.
 */
import type { SandboxDatabase } from '../db.js';
import { nextCycleDate } from './bill-run.js';
import type { EventKind } from './event-log.js';
import { pendingOrders, type OrderProgress } from './order-progress.js';
import { outageTransitions } from './outage-schedule.js';

export interface DueEvent {
  key: string;
  kind: EventKind;
  at: string;
  billingAccountId: string | null;
  subject: string | null;
}

/** Events of a kind at the same instant run in this order: a bill is issued before it is debited. */
const ORDER: Record<EventKind, number> = { order: 0, billRun: 1, autopay: 2, overdue: 3, outage: 4 };

/** Longest window the scheduler may take at once (events never create events sooner than this). */
export const WINDOW_MS = 7 * 86_400_000;

/** Due events in [from, to], not yet logged, in the order they happen. */
export function dueEvents(db: SandboxDatabase, origin: string, from: string, to: string, orderProgress?: OrderProgress): DueEvent[] {
  const events: DueEvent[] = [];
  const logged = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM clock_event WHERE key = ?');
  const add = (event: DueEvent) => {
    if (event.at >= from && event.at <= to && !logged.get(event.key)) events.push(event);
  };

  // Bill runs: the cycle date after each account's latest cycle bill, and never before the clock began.
  const latest = db
    .prepare<[], { id: string; last: string | null }>(
      `SELECT a.id, (SELECT max(bill_date) FROM customer_bill b WHERE b.billing_account_id = a.id AND b.run_type = 'onCycle') AS last
         FROM billing_account a`,
    )
    .all();
  for (const account of latest) {
    let at = nextCycleDate(account.last ?? origin);
    while (at <= origin) at = nextCycleDate(at);
    add({ key: `bill-run:${account.id}:${at.slice(0, 7)}`, kind: 'billRun', at, billingAccountId: account.id, subject: null });
  }

  // Autopay on each due date of an issued bill of an account that has it on, and past-due bills.
  const dueBills = db
    .prepare<[string, string], { id: string; accountId: string; due: string; autopay: number }>(
      `SELECT b.id, b.billing_account_id AS accountId, b.payment_due_date AS due, a.autopay FROM customer_bill b
         JOIN billing_account a ON a.id = b.billing_account_id
        WHERE b.payment_due_date >= ? AND b.payment_due_date <= ? AND b.remaining_cents > 0
          AND NOT (b.state = 'new' AND b.run_type = 'offCycle')`,
    )
    .all(from, to);
  for (const bill of dueBills) {
    if (bill.due <= origin) continue;
    if (bill.autopay === 1) add({ key: `autopay:${bill.id}`, kind: 'autopay', at: bill.due, billingAccountId: bill.accountId, subject: bill.id });
    add({ key: `overdue:${bill.id}`, kind: 'overdue', at: bill.due, billingAccountId: bill.accountId, subject: bill.id });
  }

  // Orders: both steps of an order still acknowledged, so that one window holds them in order.
  if (orderProgress) {
    for (const order of pendingOrders(db)) {
      const placed = Date.parse(order.orderDate);
      const step = (state: string, seconds: number) =>
        add({
          key: `order:${order.id}:${state}`,
          kind: 'order',
          at: new Date(placed + seconds * 1000).toISOString(),
          billingAccountId: order.billingAccountId,
          subject: order.id,
        });
      if (order.state === 'acknowledged') step('inProgress', orderProgress.startSeconds);
      step('done', orderProgress.completeSeconds);
    }
  }

  for (const transition of outageTransitions(origin)) {
    if (transition.at > origin) {
      add({
        key: `outage:${transition.problemId}:${transition.status}`,
        kind: 'outage',
        at: transition.at,
        billingAccountId: null,
        subject: transition.problemId,
      });
    }
  }
  return events.sort((a, b) => a.at.localeCompare(b.at) || ORDER[a.kind] - ORDER[b.kind] || a.key.localeCompare(b.key));
}
