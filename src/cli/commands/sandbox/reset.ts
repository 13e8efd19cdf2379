/** `espace sandbox reset`: back to the seeded data, restarting the sandbox if it was running. */
import type { Context } from '../../context.js';
import { reseed, runningSandbox, startSandboxProcess, stopSandboxProcess } from './control.js';
import { type SandboxOptions, dataDirOf } from './options.js';

export async function run(options: SandboxOptions, ctx: Context): Promise<void> {
  const dataDir = dataDirOf(options, ctx);
  const running = await runningSandbox(dataDir);
  if (running) await stopSandboxProcess(dataDir);
  await reseed(dataDir);
  if (running) await startSandboxProcess({ dataDir, port: running.port });
  ctx.io.err(`${ctx.t('sandbox.reset', { data: dataDir })}\n`);
}
