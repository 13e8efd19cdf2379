/**
 * Runs the CLI in-process, as `bin/espace.js` does, over buffers: for tests that exercise a
 * command end to end against a test sandbox without paying a process start each time.
 */
import { PassThrough } from 'node:stream';
import type { StoredCredentials, CredentialSource } from '../../src/auth/credential-store.js';
import type { VaultLike } from '../../src/auth/session.js';
import type { Prompter } from '../../src/cli/prompt.js';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  vault?: VaultLike;
  prompt?: Prompter;
  /** Pretend stdout/stderr/stdin are terminals. */
  tty?: boolean;
  clock?: () => Date;
}

export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  const tty = options.tty ?? false;
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  stdin.end(options.stdin ?? '');
  const collect = () => {
    const chunks: Buffer[] = [];
    const stream = Object.assign(new PassThrough(), { isTTY: tty, columns: 120 });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const stdout = collect();
  const stderr = collect();
  const code = await main({
    argv,
    env: { LANG: 'en_CA.UTF-8', NO_COLOR: '1', ...options.env },
    stdin,
    stdout: stdout.stream,
    stderr: stderr.stream,
    depsOverrides: {
      ...(options.vault ? { vault: async () => options.vault! } : {}),
      ...(options.prompt ? { prompt: options.prompt } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** A vault in memory that behaves like the real one for the session's purposes. */
export class MemoryVault implements VaultLike {
  readonly entries = new Map<string, StoredCredentials>();
  saves = 0;

  async load(account: string) {
    const credentials = this.entries.get(account);
    return credentials ? { credentials, source: 'memory' as CredentialSource } : undefined;
  }

  async save(account: string, credentials: StoredCredentials): Promise<CredentialSource> {
    this.saves++;
    this.entries.set(account, credentials);
    return 'memory';
  }

  async remove(account: string): Promise<boolean> {
    return this.entries.delete(account);
  }
}
