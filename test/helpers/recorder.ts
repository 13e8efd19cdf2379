/**
 * A server that records what reaches it and answers every request with an empty list: for tests
 * that show a bad input is refused before anything is sent.
 */
import { afterEach } from 'vitest';
import { type HostileServer, hostileServer } from './hostile-server.js';
import { cliEnv } from './env.js';

/** Environment pointing the CLI at `server`, with config and data directories that do not exist. */
export const recorderEnv = (server: HostileServer) => cliEnv({ url: server.url, token: 'token' });

/**
 * Registers, in the calling test file, clean-ups run after each test; returns them (for the
 * file's own, e.g. temporary directories) and `recorder()`, whose servers are closed by them.
 */
export function useRecorder(): { cleanups: Array<() => Promise<void>>; recorder(): Promise<HostileServer> } {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });
  return {
    cleanups,
    async recorder() {
      const server = await hostileServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('[]');
      });
      cleanups.push(() => server.close());
      return server;
    },
  };
}
