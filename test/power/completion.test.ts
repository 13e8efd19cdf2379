/**
 * Completion scripts: the checked-in files are what the command tree generates (regenerate with
 * `npm run completions`), every command of the tree is in them, and `espace __complete` prints
 * dynamic values from the config and the sandbox, or nothing at all when it cannot.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTree } from '../../src/cli/completion/tree.js';
import { buildProgram } from '../../src/cli/program.js';
import { translator } from '../../src/i18n/catalog.js';
import type { IO } from '../../src/output/io.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

const root = new URL('../../', import.meta.url).pathname;
const program = (argv: string[]) =>
  buildProgram({
    t: translator('en'),
    lang: 'en',
    io: { out: () => {}, err: () => {} } as unknown as IO,
    argv,
    makeDeps: () => {
      throw new Error('not run');
    },
  });

let sandbox: TestSandbox;
let configDir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  configDir = mkdtempSync(join(tmpdir(), 'espace-completion-'));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(configDir, { recursive: true, force: true });
});

describe('checked-in completion scripts', () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    it(`completions/espace.${shell} is what the command tree generates (else run: npm run completions)`, async () => {
      const generated = await runCli(['--lang', 'en', 'completion', shell]);
      expect(generated.code, generated.stderr).toBe(0);
      expect(readFileSync(join(root, 'completions', `espace.${shell}`), 'utf8')).toBe(generated.stdout);
    });
  }

  it('cover every visible command path, with dynamic values where ids are expected', () => {
    const specs = describeTree(program([]));
    const bash = readFileSync(join(root, 'completions', 'espace.bash'), 'utf8');
    for (const spec of specs) expect(bash).toContain(`'${spec.path}') subs=`);
    const billShow = specs.find((spec) => spec.path === 'bill show')!;
    expect(billShow.args).toEqual([{ kind: 'bill' }]);
    expect(specs.find((spec) => spec.path === 'context use')!.args).toEqual([{ kind: 'context' }]);
    expect(specs.find((spec) => spec.path === 'context add')!.args).toEqual([{}]);
    expect(specs.find((spec) => spec.path === '')!.flags.find((flag) => flag.names.includes('--context'))!.kind).toBe('context');
    expect(specs.some((spec) => spec.path.includes('__complete') || spec.path === 'exit-codes')).toBe(false);
  });

  it('offer the fixed value sets of usage periods and plan services', () => {
    const specs = describeTree(program([]));
    const choicesOf = (path: string, flag: string) => specs.find((spec) => spec.path === path)!.flags.find((f) => f.names.includes(flag))!.choices;
    expect(choicesOf('usage show', '--period')).toEqual(['current', 'previous']);
    expect(choicesOf('plan catalog', '--service')).toEqual(['internet', 'tv', 'phone', 'mobile', 'addOn']);
    expect(choicesOf('plan change', '--service')).toEqual(['internet', 'tv', 'phone', 'mobile']);
  });
});

describe('dynamic values recognised by name', () => {
  it('cover commands other nouns add, without any registration', async () => {
    const { Command } = await import('../../src/cli/commander.js');
    const tree = new Command('espace').option('--context <name>');
    const ticket = tree.command('ticket');
    ticket.command('show').argument('<ID>');
    ticket.command('open').argument('[name]');
    ticket.command('comment').argument('<ticket-id>').option('--bill <id>');
    tree.command('bill').command('dispute').argument('[BILL]').option('--item <line>');
    const specs = describeTree(tree);
    const spec = (path: string) => specs.find((candidate) => candidate.path === path)!;
    expect(spec('ticket show').args).toEqual([{ kind: 'ticket' }]);
    expect(spec('ticket open').args).toEqual([{}]);
    expect(spec('ticket comment').args).toEqual([{ kind: 'ticket' }]);
    expect(spec('ticket comment').flags.find((flag) => flag.names.includes('--bill'))!.kind).toBe('bill');
    expect(spec('bill dispute').args).toEqual([{ kind: 'bill' }]);
    expect(spec('bill dispute').flags.find((flag) => flag.names.includes('--item'))!.kind).toBeUndefined();
  });
});

describe('espace __complete', () => {
  it('builds only its own command, so that each TAB starts little', () => {
    expect(program(['__complete', 'bill']).commands.map((command) => command.name())).toEqual(['__complete']);
  });

  it('prints the bill ids of the logged-in customer, newest first, after "latest"', async () => {
    const env = cliEnv({ url: sandbox.url, token: sandbox.tokens.marie, extra: { ESPACE_CONFIG_DIR: configDir, ESPACE_COMPLETION_TIMEOUT_MS: '30000' } });
    const result = await runCli(['__complete', 'bill'], { env });
    expect(result.code).toBe(0);
    const values = result.stdout.trim().split('\n');
    expect(values[0]).toBe('latest');
    expect(values.slice(1)).toHaveLength(12);
    expect(values.slice(1).every((id) => /^CB-1001-\d{6}$/.test(id))).toBe(true);
    expect([...values.slice(1)].sort().reverse()).toEqual(values.slice(1));
  });

  it('prints context names from the config', async () => {
    const added = await runCli(['context', 'add', 'staging', '--url', 'https://staging.example.com'], {
      env: cliEnv({ extra: { ESPACE_CONFIG_DIR: configDir } }),
    });
    expect(added.code, added.stderr).toBe(0);
    const result = await runCli(['__complete', 'context'], { env: cliEnv({ extra: { ESPACE_CONFIG_DIR: configDir } }) });
    expect(result.stdout.split('\n')).toEqual(expect.arrayContaining(['sandbox', 'staging']));
  });

  it('prints nothing and succeeds when offline, not logged in, or the API does not exist', async () => {
    const stopped = await startTestSandbox();
    await stopped.close();
    const offline = await runCli(['__complete', 'bill'], { env: cliEnv({ url: stopped.url, token: 'esp_at_x', extra: { ESPACE_CONFIG_DIR: configDir } }) });
    expect(offline).toEqual({ code: 0, stdout: '', stderr: '' });
    const anonymous = await runCli(['__complete', 'account'], { env: cliEnv({ url: sandbox.url }) });
    expect(anonymous).toEqual({ code: 0, stdout: '', stderr: '' });
    // Until the trouble-ticket API exists on the server, ticket ids are simply not offered.
    const tickets = await runCli(['__complete', 'ticket'], {
      env: cliEnv({ url: sandbox.url, token: sandbox.tokens.marie, extra: { ESPACE_CONFIG_DIR: configDir, ESPACE_COMPLETION_TIMEOUT_MS: '30000' } }),
    });
    expect(tickets.code).toBe(0);
    expect(tickets.stderr).toBe('');
  });
});
