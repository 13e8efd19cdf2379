/**
 * TMF621 troubleTicket: create, list, retrieve, merge patch, and the espace `escalate` task.
 * Customers see and act on the tickets of their own accounts only (others answer 404); agents on
 * every ticket; the CI client reads.
 */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { type ParsedQuery, parseQuery, selectFields, setListHeaders, wants } from '../paging.js';
import { originOf } from '../resources/paths.js';
import { TROUBLE_TICKET_API, ticketHref, troubleTicketResource } from './resource.js';
import { addInCondition, addCondition, type Criteria } from '../store/paged-query.js';
import type { TicketRow } from './store.js';
import { PRIORITIES, SEVERITIES, TICKET_STATUSES, TICKET_TYPES } from './lifecycle.js';
import { parseCreate, parseEscalation, parsePatch } from './requests.js';
import {
  type Escalation,
  type TroubleTicketCreate,
  type TroubleTicketUpdate,
  TROUBLE_TICKET_FILTERS,
  createTroubleTicket,
  escalateTroubleTicket,
  listTroubleTicket,
  patchTroubleTicket,
  retrieveTroubleTicket,
} from './contract.js';
import { TicketService } from './service.js';
import { TmfError } from '../tmf-errors.js';

const ENUM_FILTERS: Record<string, { column: string; allowed: readonly string[] }> = {
  status: { column: 't.status', allowed: TICKET_STATUSES },
  ticketType: { column: 't.ticket_type', allowed: TICKET_TYPES },
  severity: { column: 't.severity', allowed: SEVERITIES },
  priority: { column: 't.priority', allowed: PRIORITIES },
};

function listCriteria(query: ParsedQuery): Criteria {
  const criteria: Criteria = { conditions: [], params: {} };
  for (const [name, { column, allowed }] of Object.entries(ENUM_FILTERS)) {
    const values = query.filters.get(name);
    if (!values) continue;
    const unknown = values.find((value) => !allowed.includes(value));
    if (unknown !== undefined) throw new TmfError(400, `Unknown ${name} "${unknown}"; valid: ${allowed.join(', ')}`);
    addInCondition(criteria, column, name, values);
  }
  const accounts = query.filters.get('billingAccount.id');
  if (accounts) addInCondition(criteria, 't.billing_account_id', 'accounts', accounts);
  const entities = query.filters.get('relatedEntity.id');
  if (entities) {
    criteria.conditions.push('t.seq IN (SELECT ticket_seq FROM trouble_ticket_related_entity WHERE entity_id IN (SELECT value FROM json_each(@entities)))');
    criteria.params.entities = JSON.stringify(entities);
  }
  return criteria;
}

export async function troubleTicketRoutes(app: FastifyInstance, { ctx }: { ctx: SandboxContext }): Promise<void> {
  const service = new TicketService(ctx);
  const store = service.store;

  const resources = (origin: string, rows: readonly TicketRow[], fields: ReadonlySet<string> | null) => {
    const seqs = rows.map((row) => row.seq);
    const related = wants(fields, 'relatedEntity') ? store.relatedOf(seqs) : null;
    const notes = wants(fields, 'note') ? store.notesOf(seqs) : null;
    const changes = wants(fields, 'statusChange') ? store.statusChangesOf(seqs) : null;
    return rows.map((row) =>
      selectFields(
        troubleTicketResource(origin, row, {
          ...(related ? { related: related.get(row.seq) ?? [] } : {}),
          ...(notes ? { notes: notes.get(row.seq) ?? [] } : {}),
          ...(changes ? { statusChanges: changes.get(row.seq) ?? [] } : {}),
        }),
        fields,
      ),
    );
  };
  const one = (origin: string, id: string) => resources(origin, [store.ticket(id)!], null)[0];

  app.get(`${TROUBLE_TICKET_API}/troubleTicket`, { schema: listTroubleTicket }, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, { filters: TROUBLE_TICKET_FILTERS, paging: true });
    const criteria = listCriteria(query);
    addCondition(criteria, ctx.access.accountCondition(principal, 't.billing_account_id'));
    const { total, rows } = store.list(criteria, query);
    setListHeaders(reply, total, rows.length);
    return resources(originOf(request), rows, query.fields);
  });

  app.get<{ Params: { id: string } }>(`${TROUBLE_TICKET_API}/troubleTicket/:id`, { schema: retrieveTroubleTicket }, async (request) => {
    const query = parseQuery(request.query, {});
    const row = service.visibleTicket(principalOf(request), request.params.id);
    return resources(originOf(request), [row], query.fields)[0];
  });

  app.post<{ Body: TroubleTicketCreate }>(`${TROUBLE_TICKET_API}/troubleTicket`, { schema: createTroubleTicket }, async (request, reply) => {
    const id = service.open(principalOf(request), parseCreate(request.body));
    const origin = originOf(request);
    reply.code(201).header('location', ticketHref(origin, id));
    return one(origin, id);
  });

  app.patch<{ Params: { id: string }; Body: TroubleTicketUpdate }>(
    `${TROUBLE_TICKET_API}/troubleTicket/:id`,
    { schema: patchTroubleTicket },
    async (request) => {
      const principal = principalOf(request);
      const row = service.visibleTicket(principal, request.params.id);
      service.change(principal, row, parsePatch(request.body));
      return one(originOf(request), row.id);
    },
  );

  app.post<{ Params: { id: string }; Body: Escalation }>(
    `${TROUBLE_TICKET_API}/troubleTicket/:id/escalate`,
    { schema: escalateTroubleTicket },
    async (request) => {
      const principal = principalOf(request);
      const row = service.visibleTicket(principal, request.params.id);
      service.escalate(principal, row, parseEscalation(request.body));
      return one(originOf(request), row.id);
    },
  );
}
