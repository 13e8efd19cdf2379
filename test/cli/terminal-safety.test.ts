/**
 * What reaches the terminal: a server string carrying escape sequences is printed inert, and
 * colour follows the terminal and NO_COLOR. The hostile string is written into the sandbox's
 * database, as a compromised or buggy backend would send it.
 */
import { Sqlite as Database } from '../../src/sandbox/sqlite.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '../../src/sandbox/db.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

const HOSTILE = 'Internet Giga\u001b]0;pwned\u0007\u001b[2J\u202e';
const HOSTILE_HOLDER = 'Marie Tremblay\u001b]0;pwned\u0007\u202e';
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const db = new Database(databasePath(sandbox.dataDir));
  db.prepare("UPDATE applied_billing_rate SET name = ? WHERE name = 'Internet Giga'").run(HOSTILE);
  db.prepare("UPDATE billing_account SET owner_name = ? WHERE id = 'BA-1001'").run(HOSTILE_HOLDER);
  db.close();
});
afterAll(async () => sandbox?.close());

const env = (extra: Record<string, string | undefined> = {}) => ({ ...cliEnv({ url: sandbox.url, token: sandbox.tokens.marie }), ...extra });

describe('terminal safety', () => {
  it('strips control characters from server strings in tables and in tab-separated output', async () => {
    for (const tty of [true, false]) {
      const result = await runCli(['bill', 'show'], { env: env(), tty });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Internet Giga');
      // The escape sequence goes whole: its payload is not left behind as text.
      expect(result.stdout).not.toContain('pwned');
      // eslint-disable-next-line no-control-regex
      expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/);
    }
  });

  it('strips them from the account holder in account show, on a terminal and piped', async () => {
    for (const tty of [true, false]) {
      const result = await runCli(['account', 'show'], { env: env({ NO_COLOR: '1' }), tty });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Marie Tremblay');
      expect(result.stdout).not.toContain('pwned');
      // eslint-disable-next-line no-control-regex
      expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/);
    }
  });

  it('keeps them escaped, not raw, in JSON', async () => {
    const result = await runCli(['bill', 'show', '--json'], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    const bill = JSON.parse(result.stdout) as { sections: { serviceCharges: { lines: Array<{ name: string }> } } };
    expect(bill.sections.serviceCharges.lines.map((line) => line.name)).toContain(HOSTILE);
  });

  it('colours a terminal, and nothing with NO_COLOR or when piped', async () => {
    const coloured = await runCli(['bill', 'show'], { env: env({ NO_COLOR: undefined }), tty: true });
    expect(coloured.stdout).toContain('\u001b[1m');
    const noColor = await runCli(['bill', 'show'], { env: env({ NO_COLOR: '1' }), tty: true });
    expect(noColor.stdout).not.toContain('\u001b[');
    const piped = await runCli(['bill', 'show'], { env: env({ NO_COLOR: undefined }), tty: false });
    expect(piped.stdout).not.toContain('\u001b[');
    const flag = await runCli(['--no-color', 'bill', 'show'], { env: env({ NO_COLOR: undefined }), tty: true });
    expect(flag.stdout).not.toContain('\u001b[');
  });
});
