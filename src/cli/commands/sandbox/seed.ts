/**
 * `espace sandbox seed --accounts N`: a fresh database with the seeded customers plus N generated
 * accounts (BA-100001…) that agents and the CI client can read — volume for bulk runs and
 * benchmarks. Restarts the sandbox if it was running, like `reset`.
 */
import type { CommandDeps } from '../../command-deps.js';
import { reseedAndRestart } from './control.js';
import { type SandboxOptions, dataDirOf } from './options.js';

export interface SandboxSeedOptions extends SandboxOptions {
  accounts: number;
}

export async function run(options: SandboxSeedOptions, ctx: CommandDeps): Promise<void> {
  const dataDir = dataDirOf(options, ctx);
  const elapsedMs = await reseedAndRestart(dataDir, ['--synthetic-accounts', String(options.accounts)]);
  const seconds = (elapsedMs / 1000).toFixed(1);
  ctx.io.err(`${ctx.t('sandbox.seeded', { accounts: options.accounts, data: dataDir, seconds })}\n`);
}
