/** `espace sandbox reset`: back to the seeded data, restarting the sandbox if it was running. */
import type { CommandDeps } from '../../command-deps.js';
import { reseedAndRestart } from './control.js';
import { type SandboxOptions, dataDirOf } from './options.js';

export async function run(options: SandboxOptions, ctx: CommandDeps): Promise<void> {
  const dataDir = dataDirOf(options, ctx);
  await reseedAndRestart(dataDir);
  ctx.io.err(`${ctx.t('sandbox.reset', { data: dataDir })}\n`);
}
