/** The API map's rules: which paths move, how configured paths are checked, stored and resolved. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_NAMES, DEFAULT_API_PATHS, apiOfPath, mapApiPath, parseApiPath, parseApiPathAssignment } from '../../src/api/api-map.js';
import { HttpClient } from '../../src/api/http.js';
import { PAYMENT_PATH } from '../../src/api/tmf/payment.js';
import { SERVICE_PROBLEM_PATH } from '../../src/api/tmf/service-problem.js';
import { TROUBLE_TICKET_PATH } from '../../src/api/tmf/trouble-ticket.js';
import { readConfig } from '../../src/config/contexts.js';
import { resolveTarget } from '../../src/config/target.js';
import { EspaceError } from '../../src/errors.js';
import { translator } from '../../src/i18n/catalog.js';

const t = translator('en');
const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof EspaceError) return error.describe(t);
    throw error;
  }
  throw new Error('expected an error');
};

describe('mapApiPath', () => {
  const map = { troubleTicket: '/gw/tt/tmf-api/troubleTicket/v4', serviceProblem: '/tmf-api/serviceProblem/v4' };

  it('swaps the default base path of a mapped API, keeping the rest of the path', () => {
    expect(mapApiPath(`${TROUBLE_TICKET_PATH}/TT-1001`, map)).toBe('/gw/tt/tmf-api/troubleTicket/v4/troubleTicket/TT-1001');
    expect(mapApiPath(SERVICE_PROBLEM_PATH, map)).toBe('/tmf-api/serviceProblem/v4/serviceProblem');
    expect(mapApiPath(DEFAULT_API_PATHS.troubleTicket, map)).toBe('/gw/tt/tmf-api/troubleTicket/v4');
  });

  it('leaves unmapped APIs, other paths and look-alike prefixes alone', () => {
    expect(mapApiPath(PAYMENT_PATH, map)).toBe(PAYMENT_PATH);
    expect(mapApiPath('/oauth/token', map)).toBe('/oauth/token');
    expect(mapApiPath('/tmf-api/troubleTicket/v40/troubleTicket', map)).toBe('/tmf-api/troubleTicket/v40/troubleTicket');
    expect(mapApiPath(TROUBLE_TICKET_PATH, undefined)).toBe(TROUBLE_TICKET_PATH);
    expect(mapApiPath(TROUBLE_TICKET_PATH, {})).toBe(TROUBLE_TICKET_PATH);
  });

  it('can mount an API at the root of the URL', () => {
    expect(mapApiPath(`${TROUBLE_TICKET_PATH}/TT-1`, { troubleTicket: '/' })).toBe('/troubleTicket/TT-1');
  });

  it('knows the API of every adapter path, and every API has a distinct default', () => {
    expect(apiOfPath(PAYMENT_PATH)).toBe('payment');
    expect(apiOfPath('/tmf-api/openid/v4/userinfo')).toBe('openid');
    expect(apiOfPath('/health')).toBeUndefined();
    expect(new Set(API_NAMES.map((api) => DEFAULT_API_PATHS[api])).size).toBe(API_NAMES.length);
  });
});

describe('configured paths', () => {
  it('accept a path from the root, without its trailing slash', () => {
    expect(parseApiPath('troubleTicket', '/tt/tmf-api/troubleTicket/v4/')).toBe('/tt/tmf-api/troubleTicket/v4');
    expect(parseApiPath('troubleTicket', '/')).toBe('/');
  });

  it.each(['tmf-api/troubleTicket/v4', '/tt?x=1', '/tt#frag', '/a/../b', '//evil.example/tt', '/a b', 'https://x.example/tt', ''])(
    'refuse %j, saying what a base path is',
    (value) => {
      expect(messageOf(() => parseApiPath('troubleTicket', value))).toMatch(/is not a base path for troubleTicket: it starts with \//);
    },
  );

  it('take API=PATH, and name the APIs there are when one is unknown', () => {
    expect(parseApiPathAssignment('troubleTicket=/tt/v4')).toEqual(['troubleTicket', '/tt/v4']);
    expect(messageOf(() => parseApiPathAssignment('tickets=/tt/v4'))).toMatch(
      /'tickets' is not an API espace speaks; use one of: customerBill, account, .*openid/,
    );
    expect(messageOf(() => parseApiPathAssignment('/tt/v4'))).toMatch(/is not API=PATH/);
  });
});

describe('stored API maps', () => {
  const withConfig = (data: unknown, check: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'espace-api-map-'));
    try {
      writeFileSync(join(dir, 'config.json'), JSON.stringify(data));
      check(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('are read back, and a bad entry is a broken file rather than a silent default', () => {
    withConfig({ contexts: { gw: { apiUrl: 'https://gw.example', apiPaths: { troubleTicket: '/tt/v4' } } } }, (dir) => {
      expect(readConfig(dir).contexts.gw!.apiPaths).toEqual({ troubleTicket: '/tt/v4' });
    });
    for (const apiPaths of [{ troubleTicket: 'tt/v4' }, { tickets: '/tt/v4' }, { troubleTicket: 4 }, ['/tt']]) {
      withConfig({ contexts: { gw: { apiUrl: 'https://gw.example', apiPaths } } }, (dir) => {
        expect(messageOf(() => readConfig(dir))).toMatch(/config/i);
      });
    }
  });

  it('apply to the context’s own URL only: a custom URL is another server, with the default paths', () => {
    const config = { currentContext: 'gw', contexts: { gw: { apiUrl: 'https://gw.example', apiPaths: { troubleTicket: '/tt/v4' } } } };
    expect(resolveTarget({ env: {}, config }).apiPaths).toEqual({ troubleTicket: '/tt/v4' });
    const flag = resolveTarget({ apiUrlFlag: 'https://other.example', env: {}, config });
    expect(flag).toMatchObject({ apiUrlOrigin: 'flag' });
    expect(flag.apiPaths).toBeUndefined();
    const env = resolveTarget({ env: { ESPACE_API_URL: 'https://other.example' }, config });
    expect(env).toMatchObject({ apiUrlOrigin: 'env' });
    expect(env.apiPaths).toBeUndefined();
    // The context's own URL spelt again is still the context.
    expect(resolveTarget({ apiUrlFlag: 'https://gw.example/', env: {}, config })).toMatchObject({
      apiUrlOrigin: 'config',
      apiPaths: { troubleTicket: '/tt/v4' },
    });
  });
});

describe('the HTTP client with an API map', () => {
  it('requests the mapped path below the base URL’s own path, and names that URL', async () => {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('[]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = new HttpClient({ baseUrl: `http://127.0.0.1:${port}/api`, userAgent: 'test', apiMap: { troubleTicket: '/gw/tt/v4' } });
    try {
      const answer = await client.get(TROUBLE_TICKET_PATH, { limit: 1 });
      await client.get(PAYMENT_PATH);
      expect(seen).toEqual(['/api/gw/tt/v4/troubleTicket?limit=1', `/api${PAYMENT_PATH}`]);
      expect(answer.url).toBe(`http://127.0.0.1:${port}/api/gw/tt/v4/troubleTicket?limit=1`);
    } finally {
      await client.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
