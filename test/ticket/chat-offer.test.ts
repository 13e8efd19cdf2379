/**
 * The no-agent path on a terminal: the customer is asked whether to leave a ticket, and the
 * answer decides the transcript ticket's status.
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
  it.each([
    [true, 'acknowledged', /Transcript saved to ticket (TT-\d+)/],
    [false, 'cancelled', /Transcript kept in ticket (TT-\d+)/],
  ])('asks whether to leave a ticket (answer %s → %s)', async (answer, status, saved) => {
    const result = await chat(answer);
    expect(result.code).toBe(0);
    expect(result.asked).toEqual(['Leave a ticket with your messages, so that an agent follows up?']);
    const id = saved.exec(result.stderr)?.[1];
    expect(id).toBeDefined();
    const ticket = await get(sandbox.url, `/tmf-api/troubleTicket/v4/troubleTicket/${id}`, sandbox.tokens.james);
    expect(ticket.body).toMatchObject({ status, name: 'Live chat: Roaming', channel: { id: 'chat' } });
  });
});
