/**
 * Identifiers on the command line — `--account` and the other `<id>` options, and positional ids
 * — holding a control character (NUL, ESC, a line break, BEL) or a bidirectional override are
 * refused before any request: exit 2, naming the flag or argument and the character.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { recorderEnv, useRecorder } from '../helpers/recorder.js';

const { recorder } = useRecorder();

const env = recorderEnv;

const CASES: Array<{ argv: string[]; name: string; character: string }> = [
  { argv: ['bill', 'show', '--account', 'BA-\u00001001'], name: '--account', character: 'U+0000' },
  { argv: ['bill', 'list', '--account', 'BA-1001\u001b[2J'], name: '--account', character: 'U+001B' },
  { argv: ['plan', 'show', '--account', 'BA-1001\nBA-1002'], name: '--account', character: 'U+000A' },
  { argv: ['payment', 'list', '--bill', 'CB-1\u0007'], name: '--bill', character: 'U+0007' },
  { argv: ['pay', '--method', 'PM-1\u0000', '--amount', '10', '--yes'], name: '--method', character: 'U+0000' },
  { argv: ['ticket', 'show', 'TT-1\u202e'], name: '<id>', character: 'U+202E' },
  { argv: ['bill', 'show', 'CB-1\u0000', '--account', 'BA-1001'], name: '<bill>', character: 'U+0000' },
  { argv: ['payment', 'show', 'PAY-\u009b1'], name: '<id>', character: 'U+009B' },
  { argv: ['plan', 'change', '--to', 'OFF-\u001b]52;c;x\u0007', '--yes'], name: '--to', character: 'U+001B' },
  { argv: ['auth', 'login', '--username', 'marie\r', '--password-stdin', '--insecure-storage'], name: '--username', character: 'U+000D' },
];

describe('identifiers with control characters', () => {
  it.each(CASES)('$argv.0 $argv.1: $name with $character is refused, nothing sent', async ({ argv, name, character }) => {
    const server = await recorder();
    const result = await runCli(argv, { env: env(server) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${name} holds a control character (${character})`);
    expect(result.stderr).toContain('nothing was sent');
    expect(server.seen).toEqual([]);
  });

  it('a plain identifier goes through to the server', async () => {
    const server = await recorder();
    const result = await runCli(['payment', 'list', '--account', 'BA-1001', '--bill', 'CB-1001-202611'], { env: env(server) });
    expect(result.stderr).not.toContain('control character');
    expect(server.seen.length).toBeGreaterThan(0);
  });
});
