/**
 * TAB in bash asks the server only for values that live there (bill, ticket and account ids):
 * completing a noun, a verb, a flag or a fixed value makes no request at all. The real bash runs
 * the checked-in completion function, with the built CLI on PATH and a counting proxy in front of
 * a test sandbox; the same words complete with the server gone.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startProxy, type Proxy } from '../bulk/proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ESPACE_BIN } from '../helpers/spawn.js';

const COMPLETION_SCRIPT = new URL('../../completions/espace.bash', import.meta.url).pathname;
let sandbox: TestSandbox;
let proxy: Proxy;
let home: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  proxy = await startProxy(sandbox.url);
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-tab-'));
  mkdirSync(join(home, 'bin'));
  writeFileSync(join(home, 'bin', 'espace'), `#!/bin/sh\nexec '${process.execPath}' '${ESPACE_BIN}' "$@"\n`);
  chmodSync(join(home, 'bin', 'espace'), 0o755);
}, 300_000);
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});
beforeEach(() => proxy.reset());

/** What bash offers for the last of `words` (the word being completed), as readline would ask. */
async function complete(words: string[], apiUrl = proxy.url): Promise<string[]> {
  const quoted = words.map((word) => `'${word}'`).join(' ');
  const script = [
    `source '${COMPLETION_SCRIPT}'`,
    `COMP_WORDS=(${quoted})`,
    `COMP_CWORD=${words.length - 1}`,
    '_espace',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const { stdout } = await promisify(execFile)('bash', ['-c', script], {
    env: {
      PATH: `${join(home, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: home,
      ESPACE_API_URL: apiUrl,
      ESPACE_TOKEN: sandbox.tokens.marie,
      ESPACE_CONFIG_DIR: join(home, 'config'),
      LANG: 'en_CA.UTF-8',
      // A loaded test machine must not turn a slow answer into no answer.
      ESPACE_COMPLETION_TIMEOUT_MS: '30000',
    },
  });
  return stdout.split('\n').filter((line) => line !== '');
}

/** Words whose candidates are in the completion script itself, with one candidate each must offer. */
const LOCAL_WORDS: [string, string[], string][] = [
  ['a noun', ['espace', 'bi'], 'bill'],
  ['a verb', ['espace', 'bill', 's'], 'show'],
  ['a verb after a flag', ['espace', '--json', 'bill', ''], 'show'],
  ['a flag', ['espace', 'bill', 'show', '--acc'], '--account'],
  ['a fixed value', ['espace', 'usage', 'show', '--period', ''], 'current'],
];

describe('TAB in bash', () => {
  it.each(LOCAL_WORDS)('completing %s makes no request', async (_what, words, offered) => {
    expect(await complete(words)).toContain(offered);
    expect(proxy.log).toEqual([]);
  });

  it.each(LOCAL_WORDS)('completing %s works with the server gone', async (_what, words, offered) => {
    // A port nothing listens on: the proxy's, once closed, would be reused by the next test.
    expect(await complete(words, 'http://127.0.0.1:9')).toContain(offered);
  });

  it('completing a bill id asks the server once, for ids only, and offers the customer’s bills', async () => {
    const offered = await complete(['espace', 'bill', 'show', '']);
    expect(offered).toContain('latest');
    expect(offered.some((id) => /^CB-\d+-\d{6}$/.test(id))).toBe(true);
    expect(proxy.log).toHaveLength(1);
    const asked = new URL(proxy.log[0]!.url, 'http://x');
    expect(asked.pathname).toMatch(/\/customerBill$/);
    expect(asked.searchParams.get('fields')).toBe('id');
  });
});
