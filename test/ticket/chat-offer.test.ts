/**
 * The no-agent path on a terminal: the customer is asked whether to leave a ticket; yes leaves
 * an open one, no leaves none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get } from '../sandbox/client.js';
import { runCli } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/prompt.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

const chat = (answer: boolean) => {
  const prompt = scriptedPrompter([answer]);
  const run = runCli(['support', 'chat', '--subject', 'Roaming', '--wait', '500ms'], {
    env: cliEnv({ url: sandbox.url, token: sandbox.tokens.james }),
    tty: true,
    prompt,
  });
  return run.then((result) => ({ ...result, asked: prompt.asked }));
};

describe('support chat when no agent answers, on a terminal', () => {
  const ticketIds = async () =>
    ((await get(sandbox.url, '/tmf-api/troubleTicket/v4/troubleTicket', sandbox.tokens.james)).body as Array<{ id: string }>).map((t) => t.id);

  it('asks whether to leave a ticket: yes leaves an open one with the messages', async () => {
    const result = await chat(true);
    expect(result.code).toBe(0);
    expect(result.asked).toEqual(['Leave a ticket with your messages, so that an agent follows up?']);
    const id = /Transcript saved to ticket (TT-\d+)/.exec(result.stderr)?.[1];
    expect(id).toBeDefined();
    const ticket = await get(sandbox.url, `/tmf-api/troubleTicket/v4/troubleTicket/${id}`, sandbox.tokens.james);
    expect(ticket.body).toMatchObject({ status: 'acknowledged', name: 'Live chat: Roaming', channel: { id: 'chat' } });
  });

  it('no leaves no ticket at all, and says so', async () => {
    const before = await ticketIds();
    const result = await chat(false);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/No ticket left: nothing of this chat was kept\./);
    expect(result.stderr).not.toMatch(/TT-\d+/);
    expect(await ticketIds()).toEqual(before);
  });
});
