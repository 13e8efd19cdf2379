/**
 * The steps of `espace smoke`, one table entry each: a name, what earlier steps must have found
 * (`needs`), and the work, which returns what it found for later steps and a short detail for
 * the report. Steps for APIs that are not there yet are added the same way, one entry each.
 */
import type { HttpClient } from '../api/http.js';
import type { TokenProvider } from '../api/http.js';
import { listAccounts } from '../api/tmf/billing-account.js';
import { getBillLines, listBills } from '../api/tmf/customer-bill.js';
import { listOfferings } from '../api/tmf/product-catalog.js';
import { listOutages } from '../api/tmf/service-problem.js';
import { closeTicket, listTickets, openTicket } from '../api/tmf/trouble-ticket.js';
import { listUsage } from '../api/tmf/usage.js';
import { getIdentity } from '../api/tmf/userinfo.js';
import { cycleOf } from '../domain/proration.js';

/** What the steps learn as the journey goes. */
export interface JourneyState {
  accountId?: string;
  billId?: string;
  /** The ticket the write journey opened, for its undo. */
  ticketId?: string;
  /** Set by write steps: what to undo, most recent last. */
  [found: string]: unknown;
}

export interface StepContext {
  api: HttpClient;
  tokens: TokenProvider;
  /** `--account`: the staging account to read; default the first the credentials can see. */
  account?: string;
}

export interface StepResult {
  /** Short, non-secret, for the report: e.g. "3 bills". */
  detail?: string;
  found?: Partial<JourneyState>;
}

export interface SmokeStep {
  name: string;
  needs?: readonly (keyof JourneyState & string)[];
  /** Nothing after it can pass when it fails (the token): the rest are skipped. */
  required?: boolean;
  run(ctx: StepContext, state: JourneyState): Promise<StepResult>;
}

/** A write step leaves something behind; `undo` puts it back, and always runs after the journey. */
export interface WriteStep extends SmokeStep {
  undo(ctx: StepContext, state: JourneyState): Promise<void>;
}

export const READ_STEPS: readonly SmokeStep[] = [
  {
    name: 'token',
    required: true,
    async run({ tokens }) {
      await tokens.token();
      return { detail: 'obtained' };
    },
  },
  {
    name: 'userinfo',
    async run({ api }) {
      const identity = await getIdentity(api);
      return { detail: identity.username ?? identity.subject };
    },
  },
  {
    name: 'account',
    async run({ api, account }) {
      if (account) return { detail: account, found: { accountId: account } };
      const [first] = await listAccounts(api, 1);
      if (!first) throw new Error('no billing account is visible to these credentials');
      return { detail: first.id, found: { accountId: first.id } };
    },
  },
  {
    name: 'bills',
    needs: ['accountId'],
    async run({ api }, state) {
      const bills = await listBills(api, { accountId: state.accountId, limit: 3 });
      return { detail: `${bills.length} bills`, found: bills[0] ? { billId: bills[0].id } : {} };
    },
  },
  {
    name: 'bill line items',
    needs: ['billId'],
    async run({ api }, state) {
      const lines = await getBillLines(api, state.billId!, 'CAD');
      return { detail: `${lines.length} lines` };
    },
  },
  {
    name: 'catalog',
    async run({ api }) {
      const offerings = await listOfferings(api);
      if (offerings.length === 0) throw new Error('the catalog lists no product offering');
      return { detail: `${offerings.length} offerings` };
    },
  },
  {
    name: 'usage',
    needs: ['accountId'],
    async run({ api }, state) {
      const today = new Date();
      const records = await listUsage(api, state.accountId!, cycleOf(today).start, today.toISOString().slice(0, 10));
      return { detail: `${records.length} usage records this cycle` };
    },
  },
  {
    name: 'tickets',
    needs: ['accountId'],
    async run({ api }, state) {
      const tickets = await listTickets(api, { accountId: state.accountId, limit: 5 });
      return { detail: `${tickets.length} tickets` };
    },
  },
  {
    name: 'outages',
    async run({ api }) {
      const outages = await listOutages(api);
      return { detail: `${outages.length} outages` };
    },
  },
];

/**
 * `--write`: a reversible journey for staging accounts meant for it. Each step's `undo` runs after
 * the journey, in reverse order, whether later steps passed or not.
 */
export const WRITE_STEPS: readonly WriteStep[] = [
  {
    name: 'ticket open',
    needs: ['accountId'],
    async run({ api }, state) {
      const ticket = await openTicket(api, {
        subject: 'espace smoke test',
        description: 'Opened by `espace smoke --write` to check the ticket API; it withdraws the ticket right away. Nothing to do.',
        type: 'technical',
        severity: 'minor',
        accountId: state.accountId,
      });
      return { detail: ticket.id, found: { ticketId: ticket.id } };
    },
    // TMF621 closes only resolved tickets: the one just opened is withdrawn (cancelled), as `ticket close` does.
    async undo({ api }, state) {
      const reason = 'Smoke test finished';
      const { status, ticket } = await closeTicket(api, state.ticketId!, { closed: reason, cancelled: reason });
      if (!status) throw new Error(`ticket ${ticket.id} was already ${ticket.status}`);
    },
  },
];
