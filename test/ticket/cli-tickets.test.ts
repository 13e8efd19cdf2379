/**
 * `ticket …` and `bill dispute` run in-process against a real sandbox: a dispute shows up in
 * `ticket show` with its bill, escalation changes priority and assignee, customers cannot reach
 * each other's tickets, and illegal moves are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLine } from '../../src/cli/commands/bill/dispute.js';
import { parseStatuses } from '../../src/cli/commands/ticket/list.js';
import { closingStatus, ticketTimeline } from '../../src/domain/ticket.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

type Who = 'marie' | 'james' | 'agent' | 'ci';
const as = (who: Who, argv: string[], stdin?: string) => runCli(argv, { env: cliEnv({ url: sandbox.url, token: sandbox.tokens[who] }), stdin });
const json = async (who: Who, argv: string[], stdin?: string) => {
  const result = await as(who, ['--json', ...argv], stdin);
  expect(result.stderr).not.toContain('Error');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

describe('bill dispute', () => {
  it('opens a billing ticket linked to the bill and the line, which ticket show lists', async () => {
    const bill = await json('marie', ['bill', 'show', 'latest']);
    const line = bill.sections.serviceCharges.lines[0];
    const opened = await as('marie', ['bill', 'dispute', bill.id, '--item', line.name, '--reason', 'I never asked for this']);
    expect(opened.code).toBe(0);
    const id = /Dispute (TT-\d+) opened on bill/.exec(opened.stdout)?.[1];
    expect(id).toBeDefined();

    const shown = await as('marie', ['ticket', 'show', id!]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`bill ${bill.id} (${bill.number})`);
    expect(shown.stdout).toContain(`line ${line.id}`);
    expect(shown.stdout).toContain('I never asked for this');

    const ticket = await json('marie', ['ticket', 'show', id!]);
    expect(ticket).toMatchObject({ type: 'billing', status: 'acknowledged', subject: `Dispute of bill ${bill.number}: ${line.name}` });
    expect(ticket.related).toEqual([
      expect.objectContaining({ id: 'BA-1001', type: 'BillingAccount' }),
      expect.objectContaining({ id: bill.id, type: 'CustomerBill', role: 'disputedBill' }),
      expect.objectContaining({ id: line.id, type: 'AppliedCustomerBillingRate', role: 'disputedItem' }),
    ]);
  });

  it('reads the reason from stdin, and names the lines when --item matches none', async () => {
    const fromStdin = await json('marie', ['bill', 'dispute', '--reason', '-'], 'Charged twice for October\n');
    expect(fromStdin.description).toBe('Charged twice for October');
    const wrong = await as('marie', ['bill', 'dispute', '--item', 'no such line', '--reason', 'x']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("no line matching 'no such line'");
  });

  it('is refused without a reason when nobody can be asked', async () => {
    const result = await as('marie', ['bill', 'dispute']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--reason');
  });
});

describe('ticket commands', () => {
  it('opens a ticket from flags and stdin, and lists it first', async () => {
    const opened = await json(
      'james',
      ['ticket', 'open', '--type', 'move', '--severity', 'major', '--subject', 'Moving on July 1', '--description', '-'],
      'New address: 12 Elm St\n',
    );
    expect(opened).toMatchObject({
      type: 'move',
      severity: 'major',
      priority: 'medium',
      status: 'acknowledged',
      subject: 'Moving on July 1',
      description: 'New address: 12 Elm St',
    });
    const list = await as('james', ['ticket', 'list']);
    expect(list.stdout.split('\n')[0]).toBe(`${opened.id}\tmove\tacknowledged\tmedium\t${opened.updated.slice(0, 10)}\tMoving on July 1`);
  });

  it('escalates: a higher priority and a new assignee, recorded in the timeline', async () => {
    const opened = await json('marie', ['ticket', 'open', '--type', 'technical', '--description', 'No signal on the TV']);
    expect(opened.priority).toBe('low');
    expect(opened.assignee.name).toBe('Customer support');
    const escalated = await as('marie', ['ticket', 'escalate', opened.id, '--reason', 'Three days without TV']);
    expect(escalated.stdout).toBe(`Ticket ${opened.id} escalated to Technical support team (priority medium).\n`);
    const after = await json('agent', ['ticket', 'show', opened.id]);
    expect(after).toMatchObject({ priority: 'medium', assignee: { id: 'TEAM-TECHNICAL', name: 'Technical support team' }, escalationLevel: 1 });
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'change', by: 'Marie Tremblay', text: expect.stringContaining('Three days without TV') });
  });

  it('comments, then closes: withdrawn while open; a closed ticket cannot close again', async () => {
    const opened = await json('marie', ['ticket', 'open', '--description', 'Slow Wi-Fi']);
    expect((await as('agent', ['ticket', 'comment', opened.id, '-m', 'Please restart the modem'])).stdout).toBe(`Comment added to ticket ${opened.id}.\n`);
    const closed = await as('marie', ['ticket', 'close', opened.id]);
    expect(closed.stdout).toContain('withdrawn (cancelled');
    const again = await as('marie', ['ticket', 'close', opened.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already cancelled');
    const shown = await as('marie', ['ticket', 'show', opened.id]);
    expect(shown.stdout).toMatch(/Sophie Roy {2}comment:\n {4}Please restart the modem/);
    expect(shown.stdout).toContain('Marie Tremblay  status → cancelled (Withdrawn by the customer)');
  });

  it('refuses an illegal transition (reopening a closed ticket) with the allowed moves', async () => {
    // TT-1002 is seeded closed: nothing may follow.
    const result = await as('agent', ['ticket', 'escalate', 'TT-1002', '--reason', 'again']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HTTP 409');
    expect(result.stderr).toContain('only an open ticket can be escalated');
  });

  it('does not show another customer’s ticket, nor list it', async () => {
    const other = await as('marie', ['ticket', 'show', 'TT-1003']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('404');
    const list = await json('marie', ['ticket', 'list']);
    expect(list.map((ticket: { id: string }) => ticket.id)).not.toContain('TT-1003');
    const agent = await json('agent', ['ticket', 'list', '--status', 'open']);
    expect(agent.map((ticket: { id: string }) => ticket.id)).toEqual(expect.arrayContaining(['TT-1001', 'TT-1003', 'TT-1004']));
    expect(agent.every((ticket: { status: string }) => ['acknowledged', 'inProgress', 'pending', 'held'].includes(ticket.status))).toBe(true);
  });

  it('leaves the CI client read-only', async () => {
    expect((await as('ci', ['ticket', 'show', 'TT-1001'])).code).toBe(0);
    const write = await as('ci', ['ticket', 'comment', 'TT-1001', '-m', 'hi']);
    expect(write.code).toBe(4);
  });

  it('explains an unknown status filter', async () => {
    const result = await as('marie', ['ticket', 'list', '--status', 'done']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown status 'done'");
  });
});

describe('ticket helpers', () => {
  it('expands open, and picks closed or cancelled for ticket close', () => {
    expect(parseStatuses('open,resolved')).toEqual(['acknowledged', 'inProgress', 'pending', 'held', 'resolved']);
    expect(closingStatus('resolved')).toBe('closed');
    expect(closingStatus('pending')).toBe('cancelled');
    expect(closingStatus('rejected')).toBeUndefined();
  });

  it('finds a line by id, exact name, or a unique part of its name', () => {
    const line = (id: string, name: string) => ({ id, name }) as Parameters<typeof findLine>[0][number];
    const lines = [line('L1', 'Internet Giga'), line('L2', 'Internet Giga – location modem'), line('L3', 'Télé')];
    expect(findLine(lines, 'l3')?.id).toBe('L3');
    expect(findLine(lines, 'internet giga')?.id).toBe('L1');
    expect(findLine(lines, 'modem')?.id).toBe('L2');
    expect(findLine(lines, 'Internet')).toBeUndefined();
  });

  it('orders the timeline by date, status first at equal times', () => {
    const at = '2026-11-01T12:00:00.000Z';
    const entries = ticketTimeline({
      statusChanges: [{ status: 'acknowledged', date: at }],
      notes: [
        { text: 'earlier', date: '2026-10-31T12:00:00.000Z', kind: 'comment' },
        { text: 'same time', date: at, kind: 'comment' },
      ],
    } as Parameters<typeof ticketTimeline>[0]);
    expect(entries.map((entry) => (entry.kind === 'status' ? entry.status : entry.text))).toEqual(['earlier', 'acknowledged', 'same time']);
  });
});

describe('ticket open by an agent', () => {
  it('needs --account, and names the accounts it could be', async () => {
    const result = await as('agent', ['ticket', 'open', '--description', 'Call back']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('BA-1001');
    const opened = await json('agent', ['ticket', 'open', '--account', 'BA-3001', '--description', 'Call back about the late fee']);
    expect(opened.related[0]).toMatchObject({ id: 'BA-3001', type: 'BillingAccount' });
    expect(opened.customer.name).toBe('Luc Gagnon');
  });
});
