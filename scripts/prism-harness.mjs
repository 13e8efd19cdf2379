// What the conformance scripts share around the servers they start: a scratch directory and the
// child processes, both gone when the run ends (normally, by an error, or by Ctrl-C), and free
// ports on the loopback interface.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh directory under the system's temporary one, and the set of children to stop: on exit
 * each child gets SIGTERM and the directory is removed. SIGINT and SIGTERM end the run (130, 143).
 */
export function scratch(prefix) {
  const children = new Set();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  return { dir, children };
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort() {
  return new Promise((resolvePort) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}
