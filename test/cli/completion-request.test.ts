/**
 * Which command lines the launcher answers itself as `__complete` (completion/main.ts): exactly
 * the ones the completion scripts write. Anything else goes to the CLI's main, which parses it with
 * every option and says what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { completionRequest } from '../../src/cli/completion/main.js';

describe('completionRequest', () => {
  it.each([
    [['__complete', 'bill'], { kind: 'bill' }],
    [['__complete', 'context'], { kind: 'context' }],
    [['--context', 'prod', '__complete', 'ticket'], { kind: 'ticket', context: 'prod' }],
    [['--api-url', 'https://api.example', '--context', 'prod', '__complete', 'account'], { kind: 'account', context: 'prod', apiUrl: 'https://api.example' }],
    [['--context=prod', '--api-url=https://api.example/a=b', '__complete', 'bill'], { kind: 'bill', context: 'prod', apiUrl: 'https://api.example/a=b' }],
    [['--context', 'a', '--context', 'b', '__complete', 'bill'], { kind: 'bill', context: 'b' }],
  ])('answers %j', (argv, request) => {
    expect(completionRequest(argv)).toEqual(request);
  });

  it.each([
    [[]],
    [['__complete']],
    [['__complete', 'bogus']],
    [['__complete', 'bill', 'extra']],
    [['--lang', 'fr', '__complete', 'bill']],
    [['--context', '__complete', 'bill']],
    [['--context=', '__complete', 'bill']],
    [['--context']],
    [['--json', '__complete', 'bill']],
    [['bill', 'show']],
    [['--', '__complete', 'bill']],
  ])('leaves %j to the CLI', (argv) => {
    expect(completionRequest(argv)).toBeUndefined();
  });
});
