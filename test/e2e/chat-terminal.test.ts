/**
 * Live chat in a real terminal (tmux runs the built CLI as the customer; the test is the agent,
 * through the sandbox's chat API): a line that arrives while the customer types lands above the
 * line being typed, which is redrawn with what was typed so far; both sides are labelled; "No" to
 * the ticket question leaves no ticket at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_API } from '../../src/sandbox/chat/routes.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { TmuxTerminal } from '../helpers/terminal.js';
import { get, send } from '../sandbox/client.js';

const terminal = new TmuxTerminal('chat');
let sandbox: TestSandbox;
let home: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-chat-'));
});
afterAll(async () => {
  await terminal.close();
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

function chat(session: string, args: string[], lang: string): void {
  terminal.startEspace(
    session,
    ['support', 'chat', ...args],
    {
      ESPACE_API_URL: sandbox.url,
      ESPACE_TOKEN: sandbox.tokens.marie,
      ESPACE_CONFIG_DIR: join(home, 'config'),
      NO_COLOR: '1',
      LANG: lang,
    },
    { columns: 100, rows: 30 },
  );
}

const agent = (method: string, path: string, body?: unknown) =>
  send(sandbox.url, method, `${CHAT_API}${path}`, {
    token: sandbox.tokens.agent,
    ...(body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' }),
  });

/** The tickets of Marie's account, as the API lists them. */
async function ticketIds(): Promise<string[]> {
  const listed = await get(sandbox.url, '/tmf-api/troubleTicket/v4/troubleTicket', sandbox.tokens.marie);
  expect(listed.status).toBe(200);
  return (listed.body as Array<{ id: string }>).map((t) => t.id);
}

/** The screen's lines, without the blank rows under them. */
const lines = (screen: string) => screen.replace(/\s+$/, '').split('\n');

describe('support chat in a terminal', () => {
  it('keeps the line being typed under what arrives, and labels both sides', async () => {
    chat('talk', ['--subject', 'Outage', '--wait', '120s'], 'en_CA.UTF-8');
    await terminal.waitFor('talk', /Waiting for an agent[\s\S]*You: $/m);
    const waiting = await agent('GET', '/conversation?status=waiting');
    const conversation = (waiting.body as Array<{ id: string; subject: string }>).find((c) => c.subject === 'Outage')!;
    expect((await agent('POST', `/conversation/${conversation.id}/join`)).status).toBe(200);
    await terminal.waitFor('talk', /joined the chat\.\nYou: $/m);

    // Half a line typed, then the agent speaks: the agent's line comes above, the typing is redrawn below.
    terminal.send('talk', '-l', 'Is there an out');
    await terminal.waitFor('talk', /You: Is there an out$/m);
    expect((await agent('POST', `/conversation/${conversation.id}/message`, { text: 'Hello, how can I help?' })).status).toBe(201);
    const screen = await terminal.waitFor('talk', /Hello, how can I help\?/);
    const shown = lines(screen);
    expect(shown.at(-2)).toMatch(/^[^:]+: Hello, how can I help\?$/);
    expect(shown.at(-1)).toBe('You: Is there an out');

    // The rest of the line, typed after the redraw, is one message.
    terminal.send('talk', '-l', 'age in H2X?');
    terminal.send('talk', 'Enter');
    await terminal.waitFor('talk', /^You: Is there an outage in H2X\?\nYou: $/m);
    terminal.send('talk', '-l', '/quit');
    terminal.send('talk', 'Enter');
    const final = await terminal.waitFor('talk', /EXIT=\d+/);
    expect(final).toMatch(/EXIT=0/);
    // No label is left hanging under the last lines.
    expect(lines(final).slice(-4).join('\n')).not.toMatch(/^You: $/m);
    // The transcript holds the customer's line as one message, sent once.
    const id = /Transcript saved to ticket (TT-\d+)/.exec(final)?.[1];
    expect(id).toBeDefined();
    const ticket = await get(sandbox.url, `/tmf-api/troubleTicket/v4/troubleTicket/${id}`, sandbox.tokens.marie);
    const notes = (ticket.body.note as Array<{ author: string; text: string }>).map((n) => n.text);
    expect(notes).toEqual(['Hello, how can I help?', 'Is there an outage in H2X?']);
  });

  it('"Non" to leaving a ticket leaves none (asked in French, both sides labelled in French)', async () => {
    const before = await ticketIds();
    chat('decline', ['--subject', 'Facture', '--wait', '1s'], 'fr_CA.UTF-8');
    await terminal.waitFor('decline', /Vous[ \u00a0]: $/m);
    await terminal.waitFor('decline', /Laisser un billet avec vos messages/);
    terminal.send('decline', 'n', 'Enter');
    const final = await terminal.waitFor('decline', /EXIT=\d+/);
    expect(final).toMatch(/EXIT=0/);
    expect(final).toMatch(/Aucun billet laissé/);
    expect(final).not.toMatch(/billet TT-/);
    expect(await ticketIds()).toEqual(before);
  });

  it('Ctrl-C ends the chat cleanly: the conversation is closed and the exit status is 130', async () => {
    chat('interrupt', ['--subject', 'Interrupted', '--wait', '120s'], 'en_CA.UTF-8');
    await terminal.waitFor('interrupt', /You: $/m);
    terminal.send('interrupt', 'C-c');
    const final = await terminal.waitFor('interrupt', /EXIT=\d+/);
    expect(final).toMatch(/Chat ended\.[\s\S]*Cancelled\.\nEXIT=130/);
    // The server was told: no agent will pick up a customer who left.
    const waiting = await agent('GET', '/conversation?status=waiting');
    expect((waiting.body as Array<{ subject: string }>).map((c) => c.subject)).not.toContain('Interrupted');
  });
});
