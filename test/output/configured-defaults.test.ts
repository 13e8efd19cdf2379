/**
 * The user's defaults for the pager and the plain layout (`espace config set pager|plain`) rank
 * below the flags and the environment, and above the general PAGER and the built-in choice.
 */
import { describe, expect, it } from 'vitest';
import { pagerCommand } from '../../src/output/pager.js';
import { plainLayout } from '../../src/output/plain.js';

describe('the configured pager', () => {
  it('comes after ESPACE_PAGER and before PAGER and less', () => {
    expect(pagerCommand({ PAGER: 'more' }, ['bill', 'list'], 'most')).toBe('most');
    expect(pagerCommand({ ESPACE_PAGER: 'less -S', PAGER: 'more' }, ['bill', 'list'], 'most')).toBe('less -S');
    expect(pagerCommand({}, ['bill', 'list'], undefined)).toBe('less -FRX');
    expect(pagerCommand({ PAGER: 'more' }, ['bill', 'list'], undefined)).toBe('more');
  });

  it('is none when set to off, and --no-pager outranks it', () => {
    expect(pagerCommand({ PAGER: 'more' }, ['bill', 'list'], 'off')).toBeUndefined();
    expect(pagerCommand({}, ['bill', 'list', '--no-pager'], 'most')).toBeUndefined();
  });
});

describe('the configured plain layout', () => {
  it('applies when nothing on the command line or in the environment says otherwise', () => {
    expect(plainLayout({}, ['bill', 'list'], 'true')).toBe(true);
    expect(plainLayout({}, ['bill', 'list'], 'false')).toBe(false);
    expect(plainLayout({}, ['bill', 'list'], undefined)).toBe(false);
  });

  it('gives way to --plain, ESPACE_PLAIN (0 turns it off) and TERM=dumb', () => {
    expect(plainLayout({}, ['--plain', 'bill', 'list'], 'false')).toBe(true);
    expect(plainLayout({ ESPACE_PLAIN: '0' }, ['bill', 'list'], 'true')).toBe(false);
    expect(plainLayout({ ESPACE_PLAIN: '1' }, ['bill', 'list'], 'false')).toBe(true);
    expect(plainLayout({ TERM: 'dumb' }, ['bill', 'list'], 'false')).toBe(true);
  });
});
