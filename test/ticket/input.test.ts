/**
 * Where a ticket's text comes from when no flag gives it: a prompt, or $EDITOR, on a terminal;
 * and the facts the CLI repeats from the sandbox (types, severities, statuses).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEVERITIES, TICKET_STATUSES, TICKET_TYPES } from '../../src/domain/ticket.js';
import * as lifecycle from '../../src/sandbox/tickets/lifecycle.js';
import { runCli } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/prompt.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

const env = (extra: Record<string, string> = {}) => cliEnv({ url: sandbox.url, token: sandbox.tokens.james, extra });

describe('ticket text on a terminal', () => {
  it('asks for the subject and the description when there is no editor', async () => {
    const prompt = scriptedPrompter(['Phone line dead', 'No dial tone since the storm']);
    const result = await runCli(['--json', 'ticket', 'open', '--type', 'technical'], { env: env(), tty: true, prompt });
    expect(result.code).toBe(0);
    expect(prompt.asked).toEqual(['Subject (one line):', 'Describe the problem or the request:']);
    expect(JSON.parse(result.stdout)).toMatchObject({ subject: 'Phone line dead', description: 'No dial tone since the storm' });
  });

  it('opens $EDITOR for the description, and drops its instruction lines', async () => {
    // An "editor" that appends a line to the file it is given, as a person would type it.
    const editor = `sh -c 'printf "Written in the editor\\n" >> "$0"'`;
    const prompt = scriptedPrompter(['Edited']);
    const result = await runCli(['--json', 'ticket', 'open'], { env: env({ EDITOR: editor }), tty: true, prompt });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ subject: 'Edited', description: 'Written in the editor' });
  });

  it('sends nothing when the editor fails', async () => {
    const result = await runCli(['ticket', 'comment', 'TT-1003'], { env: env({ EDITOR: 'false' }), tty: true, prompt: scriptedPrompter([]) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the editor (false) ended with code 1; nothing was sent.');
  });
});

describe('facts shared with the sandbox', () => {
  it('knows the ticket types, severities and statuses the sandbox accepts', () => {
    expect(TICKET_TYPES).toEqual(lifecycle.TICKET_TYPES);
    expect(SEVERITIES).toEqual(lifecycle.SEVERITIES);
    expect(TICKET_STATUSES).toEqual(lifecycle.TICKET_STATUSES);
  });
});
