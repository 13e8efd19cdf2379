/**
 * A numeric or duration option given a value it cannot take: a usage error (exit 2) that names
 * the option, the value and what it takes, in the user's language, before anything is read or
 * sent.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cliEnv } from '../helpers/env.js';

// Nothing listens there: a command that got past its options would fail differently.
const env = cliEnv({ url: 'http://127.0.0.1:9', token: 'esp_at_unused' });

describe('values an option cannot take', () => {
  it.each([
    [['bill', 'show', '--accounts-from', '-', '--batch-size', '500'], "--batch-size takes a whole number from 1 to 200, not '500'."],
    [['bill', 'show', '--accounts-from', '-', '--concurrency', '0'], "--concurrency takes a whole number from 1 to 256, not '0'."],
    [['bill', 'show', '--accounts-from', '-', '--rps', 'fast'], "--rps takes a number greater than 0, not 'fast'."],
    [['bill', 'list', '--limit', '2.5'], "--limit takes a whole number of 1 or more, not '2.5'."],
    [['sandbox', 'seed', '--accounts', '1e3'], "--accounts takes a whole number from 0 to 999999, not '1e3'."],
    [['support', 'chat', '--wait', 'soon'], "--wait takes a duration such as 90s, 2m or 500ms, not 'soon'."],
  ])('%j', async (argv, message) => {
    const result = await runCli(argv, { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('says it in French too', async () => {
    const result = await runCli(['--lang', 'fr', 'bill', 'list', '--limit', '0'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--limit prend un nombre entier d’au moins 1, pas «\u00a00\u00a0».');
  });
});
