/**
 * TMF621 trouble tickets on the sandbox over real HTTP: seeded cases, who may see and change
 * what, the state machine, escalation routing, and the history every change leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, send } from '../sandbox/client.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const TICKETS = '/tmf-api/troubleTicket/v4/troubleTicket';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

const json = (body: unknown) => ({ body: JSON.stringify(body), contentType: 'application/json' });
const open = (token: string, body: Record<string, unknown>) =>
  send(sandbox.url, 'POST', TICKETS, { token, ...json({ description: 'The modem reboots', ticketType: 'technical', severity: 'minor', ...body }) });
const patch = (token: string, id: string, body: unknown) =>
  send(sandbox.url, 'PATCH', `${TICKETS}/${id}`, { token, body: JSON.stringify(body), contentType: 'application/merge-patch+json' });

describe('seeded tickets', () => {
  it('lists only the caller’s own tickets to a customer, every ticket to an agent', async () => {
    const marie = await get(sandbox.url, TICKETS, sandbox.tokens.marie);
    expect(marie.status).toBe(200);
    expect(marie.body.map((t: { id: string }) => t.id).sort()).toEqual(['TT-1001', 'TT-1002']);
    const agent = await get(sandbox.url, `${TICKETS}?fields=id`, sandbox.tokens.agent);
    expect(agent.body).toEqual(
      [{ id: 'TT-1004' }, { id: 'TT-1003' }, { id: 'TT-1002' }, { id: 'TT-1001' }].map((t) => ({
        ...t,
        href: expect.any(String),
        '@type': 'EspaceTroubleTicket',
      })),
    );
    expect(agent.headers.get('x-total-count')).toBe('4');
  });

  it('filters by status, type and related bill', async () => {
    const closed = await get(sandbox.url, `${TICKETS}?status=closed&ticketType=billing`, sandbox.tokens.agent);
    expect(closed.body.map((t: { id: string }) => t.id)).toEqual(['TT-1002']);
    const bill = closed.body[0].relatedEntity.find((e: { role: string }) => e.role === 'disputedBill');
    const byBill = await get(sandbox.url, `${TICKETS}?relatedEntity.id=${bill.id}`, sandbox.tokens.marie);
    expect(byBill.body.map((t: { id: string }) => t.id)).toEqual(['TT-1002']);
    const billFound = await get(sandbox.url, `/tmf-api/customerBillManagement/v4/customerBill/${bill.id}`, sandbox.tokens.marie);
    expect(billFound.status).toBe(200);
    expect((await get(sandbox.url, `${TICKETS}?status=open`, sandbox.tokens.agent)).status).toBe(400);
  });

  it('answers 404 for another customer’s ticket, to read or to change', async () => {
    expect((await get(sandbox.url, `${TICKETS}/TT-1003`, sandbox.tokens.marie)).status).toBe(404);
    expect((await patch(sandbox.tokens.marie, 'TT-1003', { note: [{ text: 'hello' }] })).status).toBe(404);
    expect((await get(sandbox.url, `${TICKETS}/TT-1003`, sandbox.tokens.james)).status).toBe(200);
  });

  it('lets the CI client read but not write', async () => {
    expect((await get(sandbox.url, `${TICKETS}/TT-1003`, sandbox.tokens.ci)).status).toBe(200);
    expect((await open(sandbox.tokens.ci, { relatedEntity: [{ id: 'BA-2001', '@referredType': 'BillingAccount' }] })).status).toBe(403);
  });
});

describe('a ticket’s life', () => {
  it('opens acknowledged, with the customer and the support team as parties', async () => {
    const created = await open(sandbox.tokens.james, { name: 'Modem', severity: 'critical' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'acknowledged', priority: 'high', ticketType: 'technical', name: 'Modem' });
    expect(created.body.relatedParty).toEqual([
      expect.objectContaining({ id: expect.any(String), name: 'James Wilson', role: 'customer' }),
      expect.objectContaining({ name: 'Customer support', role: 'assignee' }),
    ]);
    expect(created.body.statusChange).toEqual([expect.objectContaining({ status: 'acknowledged', changedBy: 'James Wilson' })]);
  });

  it('refuses illegal transitions with 409 and staff-only moves to a customer with 403', async () => {
    const { body } = await open(sandbox.tokens.james, {});
    expect((await patch(sandbox.tokens.james, body.id, { status: 'resolved' })).status).toBe(403);
    expect((await patch(sandbox.tokens.agent, body.id, { status: 'closed' })).status).toBe(409);
    expect((await patch(sandbox.tokens.agent, body.id, { status: 'resolved', statusChangeReason: 'Modem replaced' })).status).toBe(200);
    const closed = await patch(sandbox.tokens.james, body.id, { status: 'closed' });
    expect(closed.status).toBe(200);
    const reopen = await patch(sandbox.tokens.agent, body.id, { status: 'inProgress' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.message).toContain('"closed" is final');
    expect(closed.body.statusChange.map((c: { status: string; changedBy: string }) => `${c.status} by ${c.changedBy}`)).toEqual([
      'acknowledged by James Wilson',
      'resolved by Sophie Roy',
      'closed by James Wilson',
    ]);
    expect(closed.body.resolutionDate).toEqual(expect.any(String));
  });

  it('records every change as a note with its author', async () => {
    const { body } = await open(sandbox.tokens.marie, {});
    const changed = await patch(sandbox.tokens.agent, body.id, { severity: 'major', priority: 'high', note: [{ text: 'Calling the customer back' }] });
    expect(changed.status).toBe(200);
    expect(changed.body.note).toEqual([
      expect.objectContaining({ author: 'Sophie Roy', noteType: 'change', text: 'severity: minor → major; priority: low → high' }),
      expect.objectContaining({ author: 'Sophie Roy', noteType: 'comment', text: 'Calling the customer back' }),
    ]);
    expect((await patch(sandbox.tokens.marie, body.id, { priority: 'urgent' })).status).toBe(403);
  });

  it('escalates a billing case to the billing team, then to a supervisor, raising the priority each time', async () => {
    const { body } = await open(sandbox.tokens.marie, { ticketType: 'billing', description: 'Charged twice' });
    const escalate = (reason: string) => send(sandbox.url, 'POST', `${TICKETS}/${body.id}/escalate`, { token: sandbox.tokens.marie, ...json({ reason }) });
    const first = await escalate('No answer after a week');
    expect(first.status).toBe(200);
    expect(first.body.priority).toBe('medium');
    expect(first.body.relatedParty[1]).toMatchObject({ id: 'TEAM-BILLING', role: 'assignee' });
    const second = await escalate('Still charged twice');
    expect(second.body).toMatchObject({ priority: 'high', escalationLevel: 2 });
    expect(second.body.relatedParty[1]).toMatchObject({ id: 'TEAM-SUPERVISOR' });
    expect((await escalate('again')).status).toBe(409);
  });

  it('links a disputed bill and line, and refuses another account’s bill', async () => {
    const lines = await get(
      sandbox.url,
      '/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate?billingAccount.id=BA-1001&limit=1',
      sandbox.tokens.marie,
    );
    const line = lines.body[0];
    const created = await open(sandbox.tokens.marie, {
      ticketType: 'billing',
      relatedEntity: [
        { id: line.bill.id, '@referredType': 'CustomerBill' },
        { id: line.id, '@referredType': 'AppliedCustomerBillingRate' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.relatedEntity.map((e: { role: string; id: string }) => `${e.role}:${e.id}`)).toEqual([
      'billingAccount:BA-1001',
      `disputedBill:${line.bill.id}`,
      `disputedItem:${line.id}`,
    ]);
    const foreign = await open(sandbox.tokens.marie, { relatedEntity: [{ id: line.bill.id.replace('1001', '2001'), '@referredType': 'CustomerBill' }] });
    expect(foreign.status).toBe(400);
  });
});

describe('request bodies', () => {
  it('are checked against the contract: a refusal is a 400 that names the field', async () => {
    const refused = async (answer: Promise<{ status: number; body: { message: string } }>, message: string) => {
      const { status, body } = await answer;
      expect(status, message).toBe(400);
      expect(body.message).toBe(message);
    };
    await refused(open(sandbox.tokens.james, { colour: 'red' }), 'Unexpected field "colour" in the body');
    await refused(open(sandbox.tokens.james, { severity: 'huge' }), 'body.severity must be one of: minor, major, critical');
    await refused(open(sandbox.tokens.james, { description: undefined }), 'body is missing the required field "description"');
    await refused(open(sandbox.tokens.james, { description: 'x'.repeat(8001) }), 'body.description must NOT have more than 8000 characters');
    await refused(open(sandbox.tokens.james, { relatedEntity: [{ id: 'BA-1001' }] }), 'body.relatedEntity[0] is missing the required field "@referredType"');
    await refused(open(sandbox.tokens.james, { channel: { id: 'fax' } }), 'body.channel.id must be one of: selfService, chat, phone, email, store');
    await refused(patch(sandbox.tokens.agent, 'TT-1003', { state: 'closed' }), 'Unexpected field "state" in the body');
    await refused(patch(sandbox.tokens.agent, 'TT-1003', { note: ['hello'] }), 'body.note[0] must be object');
    const escalate = (body: unknown) => send(sandbox.url, 'POST', `${TICKETS}/TT-1003/escalate`, { token: sandbox.tokens.agent, ...json(body) });
    await refused(escalate({}), 'body is missing the required field "reason"');
  });

  it('are refused when the text is blank or holds control characters, or when a patch changes nothing', async () => {
    const blank = await open(sandbox.tokens.james, { description: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toBe('"description" must be non-blank text without control characters');
    const bell = await patch(sandbox.tokens.agent, 'TT-1003', { note: [{ text: 'ring\u0007' }] });
    expect(bell.status).toBe(400);
    expect(bell.body.message).toBe('"note[0].text" must be non-blank text without control characters');
    const nothing = await patch(sandbox.tokens.agent, 'TT-1003', {});
    expect(nothing.status).toBe(400);
    expect(nothing.body.message).toContain('The patch changes nothing');
  });
});
