/**
 * Confirmations in the user's language, in a real terminal (tmux runs the built CLI): `(o/N)`,
 * `o`/`oui`/`n`/`non` and `Oui`/`Non` in French, `(y/N)` and `Yes`/`No` in English; an answer that
 * is neither is asked again rather than taken as the default. The language comes from the same
 * places as for any message, POSIX precedence included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { TmuxTerminal } from '../helpers/terminal.js';
import { cliEnv } from '../helpers/env.js';

const terminal = new TmuxTerminal('french-prompt');
let sandbox: TestSandbox;
let home: string;

/** `espace autopay enable` as Marie, in a terminal, with these language settings. */
function autopayEnable(session: string, args: string[], language: Record<string, string>) {
  terminal.startEspace(session, [...args, 'autopay', 'enable'], cliEnv({ url: sandbox.url, token: sandbox.tokens.marie, home, extra: { ...language } }), {
    columns: 200,
    rows: 40,
  });
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-french-prompt-'));
});
afterAll(async () => {
  await terminal.close();
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('confirmations in French', () => {
  it('shows (o/N), takes "o" as yes and says Oui', async () => {
    autopayEnable('oui', ['--lang', 'fr'], { LANG: 'en_CA.UTF-8' });
    await terminal.waitFor('oui', /Acceptez-vous ces conditions\s\? \(o\/N\)/);
    terminal.send('oui', 'o', 'Enter');
    const final = await terminal.waitFor('oui', /EXIT=\d+/);
    expect(final).toMatch(/Acceptez-vous ces conditions\s\? Oui/);
    expect(final).toMatch(/Paiement préautorisé activé pour le compte/);
    expect(final).toMatch(/EXIT=0/);
    expect(final).not.toMatch(/y\/N|\bYes\b/);
  });

  it('asks again after an English "yes", then takes "NON" as no and cancels', async () => {
    autopayEnable('non', [], { LC_ALL: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' });
    await terminal.waitFor('non', /\(o\/N\)/);
    terminal.send('non', 'yes', 'Enter');
    await terminal.waitFor('non', /Répondez o \(oui\) ou n \(non\)\./);
    // The refused text is still on the line, to be corrected.
    terminal.send('non', 'BSpace', 'BSpace', 'BSpace', 'NON', 'Enter');
    const final = await terminal.waitFor('non', /EXIT=\d+/);
    expect(final).toMatch(/Acceptez-vous ces conditions\s\? Non/);
    expect(final).toMatch(/Annulé/);
    expect(final).toMatch(/EXIT=130/);
    expect(final).not.toMatch(/Paiement préautorisé activé/);
  });

  it('accepts "Oui" whatever its case', async () => {
    autopayEnable('oui-mot', [], { ESPACE_LANG: 'fr' });
    await terminal.waitFor('oui-mot', /\(o\/N\)/);
    terminal.send('oui-mot', 'OuI', 'Enter');
    const final = await terminal.waitFor('oui-mot', /EXIT=\d+/);
    expect(final).toMatch(/conditions\s\? Oui/);
    expect(final).toMatch(/EXIT=0/);
  });

  it('offers the other answer, spelled out in French, on Tab', async () => {
    autopayEnable('tab', ['--lang', 'fr'], {});
    await terminal.waitFor('tab', /\(o\/N\)/);
    terminal.send('tab', 'Tab');
    await terminal.waitFor('tab', /\(o\/N\) Oui/);
    terminal.send('tab', 'Enter');
    const final = await terminal.waitFor('tab', /EXIT=\d+/);
    expect(final).toMatch(/conditions\s\? Oui/);
    expect(final).toMatch(/EXIT=0/);
  });
});

describe('confirmations in English', () => {
  it('shows (y/N), takes "Y" as yes and says Yes, with LC_ALL=C over a French LANG', async () => {
    autopayEnable('yes', [], { LC_ALL: 'C.UTF-8', LANG: 'fr_CA.UTF-8' });
    await terminal.waitFor('yes', /Do you accept these terms\? \(y\/N\)/);
    terminal.send('yes', 'Y', 'Enter');
    const final = await terminal.waitFor('yes', /EXIT=\d+/);
    expect(final).toMatch(/Do you accept these terms\? Yes/);
    expect(final).toMatch(/Autopay is on for account/);
    expect(final).toMatch(/EXIT=0/);
  });

  it('does not take the French "o" as an answer in English', async () => {
    autopayEnable('o-en', ['--lang', 'en'], { LANG: 'fr_CA.UTF-8' });
    await terminal.waitFor('o-en', /\(y\/N\)/);
    terminal.send('o-en', 'o', 'Enter');
    await terminal.waitFor('o-en', /Answer y \(yes\) or n \(no\)\./);
    terminal.send('o-en', 'C-c');
    const final = await terminal.waitFor('o-en', /EXIT=\d+/);
    expect(final).toMatch(/EXIT=130/);
  });
});
