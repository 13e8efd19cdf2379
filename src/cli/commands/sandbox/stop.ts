/** `espace sandbox stop`. */
import type { CommandDeps } from '../../command-deps.js';
import { stopSandboxProcess } from './control.js';
import { type SandboxOptions, dataDirOf } from './options.js';

export async function run(options: SandboxOptions, ctx: CommandDeps): Promise<void> {
  const stopped = await stopSandboxProcess(dataDirOf(options, ctx));
  ctx.io.err(`${ctx.t(stopped ? 'sandbox.stopped' : 'sandbox.notRunning')}\n`);
}
