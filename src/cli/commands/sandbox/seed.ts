/**
 * `espace sandbox seed --accounts N`: a fresh database with the seeded customers plus N generated
 * accounts (BA-100001…) that agents and the CI client can read — volume for bulk runs and
 * benchmarks. Restarts the sandbox if it was running, like `reset`.
 */
import type { Context } from '../../context.js';
import { reseed, runningSandbox, startSandboxProcess, stopSandboxProcess } from './control.js';
import { type SandboxOptions, dataDirOf } from './options.js';

export interface SandboxSeedOptions extends SandboxOptions {
  accounts: number;
}

export async function run(options: SandboxSeedOptions, ctx: Context): Promise<void> {
  const dataDir = dataDirOf(options, ctx);
  const running = await runningSandbox(dataDir);
  if (running) await stopSandboxProcess(dataDir);
  const started = Date.now();
  await reseed(dataDir, ['--synthetic-accounts', String(options.accounts)]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (running) await startSandboxProcess({ dataDir, port: running.port });
  ctx.io.err(`${ctx.t('sandbox.seeded', { accounts: options.accounts, data: dataDir, seconds })}\n`);
}
