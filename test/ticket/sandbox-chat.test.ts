/**
 * The live chat API on the sandbox over real HTTP: who may take part, the event stream's replay
 * from Last-Event-ID, and the transcript ticket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEventStream, type ChatEvent } from '../../src/api/chat.js';
import { get, send } from '../sandbox/client.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const CHAT = '/chat/v1/conversation';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

const post = (token: string, path: string, body: unknown = {}) =>
  send(sandbox.url, 'POST', path, { token, body: JSON.stringify(body), contentType: 'application/json' });

/** Reads the stream until the closed event (the server ends it there). */
async function events(token: string, id: string, lastEventId = 0): Promise<ChatEvent[]> {
  const response = await fetch(`${sandbox.url}${CHAT}/${id}/events`, { headers: { authorization: `Bearer ${token}`, 'last-event-id': String(lastEventId) } });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const seen: ChatEvent[] = [];
  for await (const event of parseEventStream(response.body!)) seen.push(event);
  return seen;
}

describe('chat API', () => {
  it('lets only the customer and the agent who joined take part', async () => {
    const started = await post(sandbox.tokens.marie, CHAT, { subject: 'Billing question' });
    expect(started.status).toBe(201);
    const id = started.body.id;
    expect((await get(sandbox.url, `${CHAT}/${id}`, sandbox.tokens.james)).status).toBe(404);
    expect((await post(sandbox.tokens.james, `${CHAT}/${id}/message`, { text: 'hi' })).status).toBe(404);
    expect((await post(sandbox.tokens.agent, `${CHAT}/${id}/message`, { text: 'hi' })).status).toBe(409);
    expect((await post(sandbox.tokens.ci, CHAT, {})).status).toBe(403);
    expect((await post(sandbox.tokens.marie, `${CHAT}/${id}/join`)).status).toBe(403);

    const queue = await get(sandbox.url, `${CHAT}?status=waiting`, sandbox.tokens.agent);
    // Nobody listens to the conversation's events: the customer is not there.
    expect(queue.body.find((c: { id: string }) => c.id === id)).toMatchObject({ customerConnected: false });
    expect((await post(sandbox.tokens.agent, `${CHAT}/${id}/join`)).body).toMatchObject({ status: 'active', agent: { name: 'Sophie Roy' } });
    expect((await post(sandbox.tokens.agent, `${CHAT}/${id}/join`)).status).toBe(409);
    expect((await post(sandbox.tokens.agent, `${CHAT}/${id}/message`, { text: 'How can I help?' })).status).toBe(201);
    const closed = await post(sandbox.tokens.marie, `${CHAT}/${id}/close`, { ticketType: 'billing' });
    expect(closed.body).toMatchObject({ status: 'closed', ticket: { id: expect.stringMatching(/^TT-\d+$/) } });
    expect((await post(sandbox.tokens.marie, `${CHAT}/${id}/message`, { text: 'late' })).status).toBe(409);

    const all = await events(sandbox.tokens.marie, id);
    expect(all.map((event) => event.type)).toEqual(['joined', 'message', 'closed']);
    expect(all.at(-1)!.ticket?.id).toBe(closed.body.ticket.id);
    const resumed = await events(sandbox.tokens.marie, id, all[0]!.id);
    expect(resumed.map((event) => event.type)).toEqual(['message', 'closed']);

    const ticket = await get(sandbox.url, `/tmf-api/troubleTicket/v4/troubleTicket/${closed.body.ticket.id}`, sandbox.tokens.marie);
    expect(ticket.body).toMatchObject({ ticketType: 'billing', status: 'resolved', statusChangeReason: 'Answered in live chat by Sophie Roy' });
  });
});

describe('chat request bodies', () => {
  it('are checked against the contract, and an absent body is an empty one', async () => {
    const refused = async (answer: Promise<{ status: number; body: { message: string } }>, message: string) => {
      const { status, body } = await answer;
      expect(status, message).toBe(400);
      expect(body.message).toBe(message);
    };
    await refused(post(sandbox.tokens.james, CHAT, { topic: 'Modem' }), 'Unexpected field "topic" in the body');
    const bare = await send(sandbox.url, 'POST', CHAT, { token: sandbox.tokens.james });
    expect(bare.status).toBe(201);
    expect(bare.body).toMatchObject({ subject: 'Support', status: 'waiting' });
    const id = bare.body.id;
    await refused(post(sandbox.tokens.james, `${CHAT}/${id}/message`, {}), 'body is missing the required field "text"');
    await refused(post(sandbox.tokens.james, `${CHAT}/${id}/message`, { text: 'x'.repeat(4001) }), 'body.text must NOT have more than 4000 characters');
    await refused(post(sandbox.tokens.james, `${CHAT}/${id}/message`, { text: ' \t ' }), '"text" must be non-blank text without control characters');
    await refused(post(sandbox.tokens.agent, `${CHAT}/${id}/join`, { now: true }), 'Unexpected field "now" in the body');
    await refused(post(sandbox.tokens.james, `${CHAT}/${id}/close`, { leaveTicket: 'maybe' }), 'body.leaveTicket must be boolean');
    await refused(
      post(sandbox.tokens.james, `${CHAT}/${id}/close`, { ticketType: 'urgent' }),
      'body.ticketType must be one of: technical, billing, serviceRequest, move',
    );
    const declined = await send(sandbox.url, 'POST', `${CHAT}/${id}/close`, { token: sandbox.tokens.james, body: 'null', contentType: 'application/json' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'closed', ticket: { id: expect.stringMatching(/^TT-\d+$/) } });
  });
});
