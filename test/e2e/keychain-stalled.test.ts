/**
 * A keychain that stops answering (a D-Bus session bus that accepts the connection and never
 * replies) is reported as a keychain that is not responding, with what to do, not as "not logged
 * in": the login may well be in there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { espace } from '../helpers/spawn.js';
import { cliEnv } from '../helpers/env.js';

let home: string;
let server: Server;
const sockets = new Set<Socket>();

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-stalled-keychain-'));
  server = createServer((socket) => {
    sockets.add(socket);
    socket.resume(); // reads everything, answers nothing
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(join(home, 'bus'), resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server?.close(resolve));
  if (home) await rm(home, { recursive: true, force: true });
});

describe('a stalled keychain', () => {
  it('is named as such, with what to do, in both languages', async () => {
    const env = cliEnv({
      url: 'http://127.0.0.1:9',
      token: undefined,
      home,
      extra: {
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'bus')},guid=00`,
        ESPACE_KEYCHAIN_TIMEOUT_MS: '400',
        ESPACE_CLIENT_ID: undefined,
        ESPACE_CLIENT_SECRET: undefined,
      },
    });
    const english = await espace(['bill', 'list'], { env });
    expect(english.code).toBe(1);
    expect(english.stderr).toContain('the OS keychain is not responding (no answer within 400 ms)');
    expect(english.stderr).toContain('gnome-keyring-daemon --replace');
    expect(english.stderr).toContain('ESPACE_KEYCHAIN_TIMEOUT_MS');
    expect(english.stderr).not.toMatch(/not logged in/);

    const status = await espace(['auth', 'status'], { env });
    expect(status.stderr).toContain('the OS keychain is not responding');

    const french = await espace(['--lang', 'fr', 'bill', 'list'], { env });
    expect(french.stderr).toContain('le trousseau du système ne répond pas (aucune réponse en 400 ms)');
  });
});
