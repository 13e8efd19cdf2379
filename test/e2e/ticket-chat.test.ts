/**
 * Live chat between two real CLI processes (a customer and an agent) through a test sandbox,
 * and the path where no agent answers. Each side's stdin is a pipe the test writes to, line by
 * line, as a person would type.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get } from '../sandbox/client.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ESPACE_BIN } from '../helpers/spawn.js';
import { cliEnv, processEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

interface Chatter {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stdout or stderr matches; rejects if the process exits first. */
  waitFor: (stream: 'stdout' | 'stderr', pattern: RegExp) => Promise<RegExpMatchArray>;
  exit: Promise<number>;
}

function chatter(who: 'marie' | 'agent', args: string[], server: TestSandbox = sandbox): Chatter {
  const child = spawn(process.execPath, [ESPACE_BIN, 'support', 'chat', ...args], {
    env: processEnv(cliEnv({ url: server.url, token: server.tokens[who] })),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const text = { stdout: '', stderr: '' };
  const waiters: (() => void)[] = [];
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].on('data', (chunk: Buffer) => {
      text[stream] += chunk.toString('utf8');
      waiters.forEach((check) => check());
    });
  }
  return {
    child,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    exit,
    waitFor: (stream, pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text[stream]);
          if (match) resolve(match);
        };
        waiters.push(check);
        check();
        void exit.then(() => {
          check();
          reject(new Error(`exited before ${stream} matched ${pattern}:\n${text.stdout}\n${text.stderr}`));
        });
      }),
  };
}

const ticket = async (id: string) => (await get(sandbox.url, `/tmf-api/troubleTicket/v4/troubleTicket/${id}`, sandbox.tokens.agent)).body;

describe('support chat', () => {
  it('carries messages both ways between a customer and an agent, and saves the transcript to a ticket', async () => {
    const customer = chatter('marie', ['--subject', 'Modem blinking', '--wait', '5m']);
    await customer.waitFor('stderr', /Waiting for an agent/);
    customer.child.stdin.write('Hello, my modem blinks orange\n');

    const agent = chatter('agent', ['--queue', '--wait', '2m']);
    await agent.waitFor('stderr', /Connected with Marie Tremblay \(Modem blinking\)/);
    await agent.waitFor('stdout', /Marie Tremblay: Hello, my modem blinks orange/);
    await customer.waitFor('stderr', /Sophie Roy joined the chat/);

    agent.child.stdin.write('Please unplug it for ten seconds\n');
    await customer.waitFor('stdout', /Sophie Roy: Please unplug it for ten seconds/);
    customer.child.stdin.write('It works now, thanks!\n');
    await agent.waitFor('stdout', /Marie Tremblay: It works now, thanks!/);
    customer.child.stdin.write('/quit\n');

    expect(await customer.exit).toBe(0);
    expect(await agent.exit).toBe(0);
    const id = (await customer.waitFor('stderr', /Transcript saved to ticket (TT-\d+)/))[1]!;
    expect(agent.stderr()).toContain('Marie Tremblay ended the chat.');
    expect(agent.stderr()).toContain(`Transcript saved to ticket ${id}`);
    expect(customer.stdout()).not.toContain('Marie Tremblay:');

    const saved = await ticket(id);
    expect(saved).toMatchObject({ status: 'resolved', channel: { id: 'chat' }, name: 'Live chat: Modem blinking' });
    expect(saved.relatedParty[0]).toMatchObject({ name: 'Marie Tremblay', role: 'customer' });
    expect(saved.note.map((note: { author: string; text: string; noteType: string }) => `${note.noteType} ${note.author}: ${note.text}`)).toEqual([
      'chat Marie Tremblay: Hello, my modem blinks orange',
      'chat Sophie Roy: Please unplug it for ten seconds',
      'chat Marie Tremblay: It works now, thanks!',
    ]);
  });

  it('answers a piped question: the customer keeps listening after the end of input until the agent ends the chat', async () => {
    const customer = chatter('marie', ['--subject', 'Outage?', '--wait', '5m']);
    customer.child.stdin.end('Is there an outage in H2X?\n');
    await customer.waitFor('stderr', /Waiting for an agent/);
    const agent = chatter('agent', ['--queue', '--wait', '2m']);
    await agent.waitFor('stdout', /Marie Tremblay: Is there an outage in H2X\?/);
    agent.child.stdin.end('No outage; please restart your modem.\n');
    expect(await customer.exit).toBe(0);
    expect(await agent.exit).toBe(0);
    expect(customer.stdout()).toBe('Sophie Roy: No outage; please restart your modem.\n');
    expect(customer.stderr()).toContain('Sophie Roy ended the chat.');
    const id = (await agent.waitFor('stderr', /Transcript saved to ticket (TT-\d+)/))[1]!;
    expect((await ticket(id)).note).toHaveLength(2);
  });

  it('offers a ticket when no agent answers in time, and leaves one with the customer’s messages', async () => {
    const customer = chatter('marie', ['--subject', 'TV sound', '--type', 'technical', '--wait', '1s']);
    customer.child.stdin.end('My TV has no sound since this morning\n');
    expect(await customer.exit).toBe(0);
    expect(customer.stderr()).toContain('No agent answered within 1 s.');
    const id = /Transcript saved to ticket (TT-\d+)/.exec(customer.stderr())?.[1];
    expect(id).toBeDefined();
    const saved = await ticket(id!);
    expect(saved).toMatchObject({ status: 'acknowledged', description: 'My TV has no sound since this morning', channel: { id: 'chat' } });
    expect(saved.note).toEqual([expect.objectContaining({ noteType: 'chat', author: 'Marie Tremblay', text: 'My TV has no sound since this morning' })]);
  });

  it('leaves no ticket when the customer declines (--no-ticket)', async () => {
    const before = await get(sandbox.url, '/tmf-api/troubleTicket/v4/troubleTicket', sandbox.tokens.marie);
    const customer = chatter('marie', ['--wait', '1s', '--no-ticket']);
    customer.child.stdin.end('Never mind\n');
    expect(await customer.exit).toBe(0);
    expect(customer.stderr()).toMatch(/No ticket left/);
    expect(customer.stderr()).not.toMatch(/TT-\d+/);
    const after = await get(sandbox.url, '/tmf-api/troubleTicket/v4/troubleTicket', sandbox.tokens.marie);
    expect(after.body).toEqual(before.body);
  });

  it('tells an agent when no customer comes', async () => {
    const agent = chatter('agent', ['--queue', '--wait', '1s']);
    agent.child.stdin.end();
    expect(await agent.exit).toBe(1);
    expect(agent.stderr()).toContain('no customer came within 1 s');
  });

  it('fails with a clear message when the server goes away mid-chat', async () => {
    const doomed = await startTestSandbox();
    const customer = chatter('marie', ['--wait', '5m'], doomed);
    await customer.waitFor('stderr', /Waiting for an agent/);
    await doomed.close();
    expect(await customer.exit).toBe(1);
    expect(customer.stderr()).toContain('the chat connection failed');
  });
});
