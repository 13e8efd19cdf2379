/**
 * `--journal FILE` writes FILE: it must be a journal of espace, or new, or empty. Any other file
 * (the list of accounts itself, a document) is refused with exit 2, byte for byte untouched, and
 * nothing is sent.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_HEADER } from '../../src/bulk/journal.js';
import { runCli } from '../helpers/cli.js';
import { useBulkFixture } from './fixture.js';
import { cliEnv } from '../helpers/env.js';

const ACCOUNTS = Array.from({ length: 6 }, (_, i) => `BA-${100001 + i}`);
const fixture = useBulkFixture(ACCOUNTS);
const env = () => cliEnv({ url: fixture.proxy.url, token: fixture.sandbox.tokens.agent, home: fixture.dir });

describe('bulk --journal FILE', () => {
  for (const resume of [false, true]) {
    it(`refuses the list of accounts itself${resume ? ' with --resume' : ''}: exit 2, file unchanged, nothing sent`, async () => {
      const before = await readFile(fixture.list);
      const result = await runCli(['bill', 'show', '--accounts-from', fixture.list, '--journal', fixture.list, ...(resume ? ['--resume'] : [])], {
        env: env(),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--journal ${fixture.list} exists and is not a journal`);
      expect(result.stdout).toBe('');
      expect((await readFile(fixture.list)).equals(before)).toBe(true);
      expect(fixture.proxy.log).toEqual([]);
    });
  }

  it('refuses any other file with content, unchanged', async () => {
    const notes = join(fixture.dir, 'notes.md');
    const bytes = Buffer.from('# my notes\n\nnot a journal, no trailing newline');
    await writeFile(notes, bytes);
    const result = await runCli(['bill', 'show', '--accounts-from', fixture.list, '--journal', notes], { env: env() });
    expect(result.code).toBe(2);
    expect((await readFile(notes)).equals(bytes)).toBe(true);
    expect(fixture.proxy.log).toEqual([]);
  });

  it('writes a new file, an empty one, and its own journal again', async () => {
    const fresh = join(fixture.dir, 'fresh.journal');
    const first = await runCli(['bill', 'show', '--accounts-from', fixture.list, '--journal', fresh], { env: env() });
    expect(first.code).toBe(0);
    const written = await readFile(fresh, 'utf8');
    expect(written.startsWith(JOURNAL_HEADER)).toBe(true);
    expect(written.slice(JOURNAL_HEADER.length).trim().split('\n').sort()).toEqual(ACCOUNTS);

    // The same journal again: a new run empties it, --resume finds every account done.
    const resumed = await runCli(['bill', 'show', '--accounts-from', fixture.list, '--journal', fresh, '--resume'], { env: env() });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`${ACCOUNTS.length} accounts already done, 0 to go`);

    const empty = join(fixture.dir, 'empty.journal');
    await writeFile(empty, '');
    expect((await runCli(['bill', 'show', '--accounts-from', fixture.list, '--journal', empty], { env: env() })).code).toBe(0);
    expect((await readFile(empty, 'utf8')).startsWith(JOURNAL_HEADER)).toBe(true);
  });
});
