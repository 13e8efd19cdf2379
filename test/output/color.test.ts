/**
 * Colour follows the command line and the environment, everywhere: `--no-color`, NO_COLOR,
 * FORCE_COLOR (0 turns it off), CLICOLOR_FORCE, TERM=dumb and CLICOLOR=0, with the precedence the
 * README states. Checked on a command's table (stdout) against a real sandbox, and on the QR code
 * of `auth 2fa enable` (stderr), which must carry no escape sequence when colour is off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { colorPolicy } from '../../src/output/color-policy.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

const ESC = '\u001b[';
/** Each way of turning colour off on a terminal, one variable at a time. */
const OFF: Record<string, string>[] = [{ NO_COLOR: '1' }, { CLICOLOR: '0' }, { TERM: 'dumb' }, { FORCE_COLOR: '0' }];
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

/** Only the variables a case sets: runCli's default NO_COLOR is cleared, TERM too. */
const colourEnv = (token: string, vars: Record<string, string>) => ({ ...cliEnv({ url: sandbox.url, token }), NO_COLOR: undefined, TERM: undefined, ...vars });

describe('colour policy', () => {
  const decide = (env: Record<string, string>, argv: string[] = []) => colorPolicy(env, argv);

  it('is on for a terminal when nothing says otherwise', () => {
    expect(decide({})).toEqual({ allowed: true, forced: false });
    expect(decide({ TERM: 'xterm-256color', CLICOLOR: '1', NO_COLOR: '' })).toEqual({ allowed: true, forced: false });
  });

  it('is off with --no-color, NO_COLOR, FORCE_COLOR=0, TERM=dumb or CLICOLOR=0', () => {
    expect(decide({}, ['bill', 'list', '--no-color']).allowed).toBe(false);
    expect(decide({ NO_COLOR: '1' }).allowed).toBe(false);
    expect(decide({ FORCE_COLOR: '0' }).allowed).toBe(false);
    expect(decide({ FORCE_COLOR: 'false' }).allowed).toBe(false);
    expect(decide({ TERM: 'dumb' }).allowed).toBe(false);
    expect(decide({ CLICOLOR: '0' }).allowed).toBe(false);
  });

  it('is forced, even piped, by FORCE_COLOR or CLICOLOR_FORCE, which outrank TERM=dumb and CLICOLOR=0', () => {
    expect(decide({ FORCE_COLOR: '1' })).toEqual({ allowed: true, forced: true });
    expect(decide({ CLICOLOR_FORCE: '1' })).toEqual({ allowed: true, forced: true });
    expect(decide({ CLICOLOR_FORCE: '0' })).toEqual({ allowed: true, forced: false });
    expect(decide({ FORCE_COLOR: '3', TERM: 'dumb', CLICOLOR: '0' })).toEqual({ allowed: true, forced: true });
  });

  it('lets --no-color and NO_COLOR outrank any forcing', () => {
    expect(decide({ FORCE_COLOR: '1', CLICOLOR_FORCE: '1' }, ['--no-color']).allowed).toBe(false);
    expect(decide({ FORCE_COLOR: '1', CLICOLOR_FORCE: '1', NO_COLOR: 'yes' }).allowed).toBe(false);
    // After `--`, --no-color is an argument (a ticket's text), not the flag.
    expect(decide({}, ['ticket', 'open', '--', '--no-color']).allowed).toBe(true);
  });
});

describe('colour of a command’s output', () => {
  const billList = (vars: Record<string, string>, tty: boolean, extra: string[] = []) =>
    runCli(['bill', 'list', ...extra], { env: colourEnv(sandbox.tokens.marie, vars), tty });

  it('colours a terminal’s table by default, and not once any variable or the flag turns it off', async () => {
    const coloured = await billList({}, true);
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain(ESC);
    for (const vars of OFF) {
      const plain = await billList(vars, true);
      expect(plain.code, JSON.stringify(vars)).toBe(0);
      expect(plain.stdout, JSON.stringify(vars)).not.toContain(ESC);
      expect(plain.stdout).toContain('Total');
    }
    const flag = await billList({ FORCE_COLOR: '1' }, true, ['--no-color']);
    expect(flag.stdout).not.toContain(ESC);
  });

  it('colours piped output only when forced', async () => {
    expect((await billList({}, false)).stderr + (await billList({}, false)).stdout).not.toContain(ESC);
    // Piped, `bill list` writes tab-separated lines; the error on stderr shows the colour instead.
    const unknown = (vars: Record<string, string>) => runCli(['bill', 'show', 'CB-NOPE'], { env: colourEnv(sandbox.tokens.marie, vars) });
    expect((await unknown({})).stderr).not.toContain(ESC);
    expect((await unknown({ FORCE_COLOR: '1' })).stderr).toContain(ESC);
    expect((await unknown({ CLICOLOR_FORCE: '1' })).stderr).toContain(ESC);
    expect((await unknown({ CLICOLOR_FORCE: '1', NO_COLOR: '1' })).stderr).not.toContain(ESC);
  });
});

describe('the 2FA QR code', () => {
  /** Enrolment up to the code prompt, which is then cancelled: the QR code is on stderr by then. */
  const qrScreen = async (vars: Record<string, string>) => {
    let prompts = 0;
    const result = await runCli(['auth', '2fa', 'enable'], {
      env: colourEnv(sandbox.tokens.james, vars),
      tty: true,
      prompt: {
        password: async () => (prompts++, DEMO_PASSWORD),
        input: async () => {
          throw new CancelledError();
        },
        confirm: async () => false,
        select: async () => {
          throw new CancelledError();
        },
      },
    });
    expect(result.code).toBe(130);
    expect(prompts).toBe(1);
    return result.stderr;
  };

  it('is drawn in colour on a colour terminal', async () => {
    const screen = await qrScreen({});
    expect(screen).toMatch(/Scan this QR code/);
    expect(screen).toContain(`${ESC}47m`);
  });

  it('is drawn with block characters alone, no escape sequence, when colour is off', async () => {
    // TERM=dumb also asks for the plain layout, which shows no QR code at all (see below).
    for (const vars of OFF.filter((off) => off.TERM !== 'dumb')) {
      const screen = await qrScreen(vars);
      expect(screen).toMatch(/Scan this QR code/);
      expect(screen, JSON.stringify(vars)).not.toContain('\u001b');
      // A whole QR code: at least 10 rows of at least 20 blocks (a 33-module code in half-height rows),
      // its quiet zone drawn (light modules are the blocks, for a light-on-dark terminal), not
      // left as blank space the way stripping the colours off the colour drawing would leave it.
      const rows = screen.match(/^[ █▀▄]{20,}$/gm) ?? [];
      expect(rows.length, JSON.stringify(vars)).toBeGreaterThanOrEqual(10);
      expect(rows[0]).toMatch(/^█+$/);
    }
  });

  it('is left out of the plain layout (TERM=dumb), which gives the secret a screen reader can read', async () => {
    const screen = await qrScreen({ TERM: 'dumb' });
    expect(screen).not.toContain('\u001b');
    expect(screen).not.toMatch(/[\u2580-\u259f]/);
    expect(screen).toMatch(/Enter this secret in your authenticator app/);
    expect(screen).toMatch(/Secret: [A-Z2-7]{32}\n/);
  });
});
