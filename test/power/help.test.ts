/**
 * Help for the whole command tree: every visible command's --help has a description and at least
 * one example, in English and French; the exit-code and environment pages list what the code
 * defines; unknown words get the closest match.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type CommandUnknownOpts, Help } from '../../src/cli/commander.js';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT, environmentMarkdown } from '../../src/cli/commands/help-topics/topics.js';
import { buildProgram } from '../../src/cli/program.js';
import { EXIT_CODES } from '../../src/errors.js';
import { translator } from '../../src/i18n/catalog.js';
import type { IO } from '../../src/output/io.js';
import { runCli } from '../helpers/cli.js';

const root = new URL('../../', import.meta.url).pathname;

/** Every visible command path of the full tree (the implicit `help` commands aside). */
function commandPaths(): string[][] {
  const program = buildProgram({
    t: translator('en'),
    lang: 'en',
    io: { out: () => {}, err: () => {} } as unknown as IO,
    argv: [],
    makeDeps: () => {
      throw new Error('not run');
    },
  });
  const help = new Help();
  const paths: string[][] = [];
  const visit = (command: CommandUnknownOpts, path: string[]) => {
    for (const sub of help.visibleCommands(command)) {
      if (sub.name() === 'help') continue;
      paths.push([...path, sub.name()]);
      visit(sub, [...path, sub.name()]);
    }
  };
  visit(program, []);
  return paths;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('help', () => {
  const paths = commandPaths();

  it('walks a tree that holds every noun', () => {
    expect(paths.length).toBeGreaterThan(20);
    for (const noun of ['bill', 'outage', 'doctor', 'completion', 'api', 'support']) expect(paths).toContainEqual([noun]);
  });

  it('gives every command a description and at least one example, in English and French', async () => {
    const missing: string[] = [];
    for (const path of [[], ...paths]) {
      for (const [lang, examples] of [
        ['en', /\nExamples:\n {2}\$ espace /],
        ['fr', /\nExemples\s:\n {2}\$ espace /],
      ] as const) {
        const result = await runCli(['--lang', lang, ...path, '--help']);
        const description = result.stdout.split('\n')[2] ?? '';
        if (result.code !== 0 || description.trim() === '' || !examples.test(result.stdout)) missing.push(`${lang}: espace ${path.join(' ')}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists every exit code of src/errors.ts, in both languages', async () => {
    const english = await runCli(['help', 'exit-codes']);
    expect(english.code).toBe(0);
    for (const code of Object.values(EXIT_CODES)) expect(english.stdout).toMatch(new RegExp(`^ +${code}  \\S`, 'm'));
    expect(english.stdout).toMatch(/5 {2}a payment’s outcome is unknown/);
    const french = await runCli(['--lang', 'fr', 'help', 'exit-codes']);
    expect(french.stdout).toMatch(/130 {2}annulé/);
  });

  it('lists every environment variable the code reads, and the README lists them too', async () => {
    const page = await runCli(['help', 'environment']);
    expect(page.code).toBe(0);
    const documented = ENVIRONMENT.flatMap((variable) => variable.name.split(', '));
    for (const name of documented) expect(page.stdout).toContain(name);
    const read = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\benv(?:\.|\[')(ESPACE_[A-Z_]+)/g)) read.add(match[1]!);
    }
    expect(read.size).toBeGreaterThan(5);
    for (const name of read) expect(documented, `${name} is read but not in ENVIRONMENT`).toContain(name);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    // The README's table is the code's, rendered in English: copy it from this assertion when it changes.
    expect(readme).toContain(`${environmentMarkdown(translator('en'))}\n\n`);
    for (const code of Object.values(EXIT_CODES)) expect(readme).toMatch(new RegExp(`\\| ${code} \\|`));
  });

  it('suggests the closest command or verb for an unknown word, in English and French', async () => {
    const noun = await runCli(['outgae']);
    expect(noun.code).toBe(2);
    expect(noun.stderr).toMatch(/unknown command 'outgae'\. Did you mean outage\?/);
    const verb = await runCli(['support', 'contcat']);
    expect(verb.stderr).toMatch(/Did you mean contact\?/);
    const french = await runCli(['--lang', 'fr', 'doctr']);
    expect(french.stderr).toMatch(/commande inconnue «\sdoctr\s»\. Vouliez-vous dire doctor\s\?/);
  });
});
