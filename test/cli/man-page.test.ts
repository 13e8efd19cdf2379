/** The manual page: written from the command tree, read by the real man(1) (or groff/mandoc). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTree } from '../../src/cli/completion/tree.js';
import { renderManPage } from '../../src/cli/man/generate.js';
import { roffText } from '../../src/cli/man/roff.js';
import { buildProgram } from '../../src/cli/program.js';
import { ENVIRONMENT } from '../../src/cli/commands/help-topics/topics.js';
import { translator } from '../../src/i18n/catalog.js';
import { createIO } from '../../src/output/io.js';

const root = new URL('../..', import.meta.url).pathname;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'espace-man-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/**
 * The page as a person reads it: man -l, else groff or mandoc; wide, so that no heading wraps.
 * Where none of them is installed, the page's own text with its macros read naively, so that the
 * checks on its content still run.
 */
function rendered(page: string): { text: string; warnings: string } {
  const file = join(dir, `page-${Math.random().toString(36).slice(2)}.1`);
  writeFileSync(file, page);
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', MANWIDTH: '250', MANPAGER: 'cat', PAGER: 'cat' };
  const tool = ['man', 'groff', 'mandoc'].find(has);
  if (tool === undefined) return { text: naive(page), warnings: '' };
  const args = { man: ['-l', file], groff: ['-man', '-Tutf8', '-rLL=250n', file], mandoc: ['-Tutf8', '-Owidth=250', file] }[tool]!;
  const result = spawnSync(tool, args, { env, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  // Overstrike (bold/underline as "x\bx") would hide words from a search.
  // eslint-disable-next-line no-control-regex -- the backspace of overstrike is what this removes
  return { text: result.stdout.replace(/.\u0008/g, ''), warnings: result.stderr };
}

function naive(page: string): string {
  return page
    .split('\n')
    .map((line) =>
      line
        .replace(/^\.SS /, '   ')
        .replace(/^\.TP$/, '')
        .replace(/^\.(SH|B|I|RI|TH|RS|RE|PP) ?/, '       '),
    )
    .join('\n')
    .replace(
      /^ {7}(NAME|SYNOPSIS|DESCRIPTION|GLOBAL OPTIONS|COMMANDS|ENVIRONMENT|EXIT STATUS|FILES|SEE ALSO|NOM|COMMANDES|ENVIRONNEMENT|CODE DE RETOUR|FICHIERS|VOIR AUSSI|OPTIONS GLOBALES)$/gm,
      '$1',
    )
    .replace(/\\-/g, '-')
    .replace(/\\&/g, '')
    .replace(/\\e/g, '\\');
}

async function commandPaths(): Promise<string[]> {
  const t = translator('en');
  const io = await createIO({ stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), colorAllowed: false });
  const program = buildProgram({
    t,
    lang: 'en',
    io,
    argv: [],
    makeDeps: () => {
      throw new Error('no command runs');
    },
  });
  return describeTree(program)
    .map((spec) => spec.path)
    .filter((path) => path !== '' && !path.split(' ').includes('help'));
}

describe('man/espace.1', () => {
  it('names every command, its options, the environment and the exit codes, and man renders it without a warning', async () => {
    const { text, warnings } = rendered(await renderManPage('en'));
    expect(warnings).toBe('');
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'GLOBAL OPTIONS', 'COMMANDS', 'ENVIRONMENT', 'EXIT STATUS', 'FILES']) {
      expect(text).toMatch(new RegExp(`^${section}$`, 'm'));
    }
    const paths = await commandPaths();
    expect(paths.length).toBeGreaterThan(60);
    for (const path of paths) expect(text, path).toMatch(new RegExp(`^ {3}espace ${path}( |$)`, 'm'));
    expect(text).toContain('espace config set [options] <key> <value>');
    // A leaf's own options, under its heading.
    const pay = text.slice(text.indexOf('   espace pay '), text.indexOf('   espace payment '));
    expect(pay).toContain('--dry-run');
    for (const variable of ENVIRONMENT) expect(text).toContain(variable.name);
    expect(text).toMatch(/^\s+130\s+cancelled/m);
    expect(text).toMatch(/^\s+5\s+a payment’s outcome is unknown/m);
  });

  it('has a French page', async () => {
    const { text } = rendered(await renderManPage('fr'));
    expect(text).toMatch(/^COMMANDES$/m);
    expect(text).toContain('espace config set');
    expect(text).toContain('CODE DE RETOUR');
  });

  it('escapes what roff would act on', () => {
    expect(roffText(".TH evil\n'x --a \\b")).toBe("\\&.TH evil\n\\&'x \\-\\-a \\eb");
  });

  it('is shipped: package.json names it, and the build wrote the page the tree gives', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[]; man: string[]; scripts: Record<string, string> };
    expect(pkg.files).toContain('man');
    expect(pkg.man).toEqual(['./man/espace.1']);
    expect(pkg.scripts.build).toContain('scripts/man.mjs');
    execFileSync(process.execPath, [join(root, 'scripts/man.mjs')], { cwd: root });
    expect(readFileSync(join(root, 'man/espace.1'), 'utf8')).toBe(await renderManPage('en'));
  });
});
