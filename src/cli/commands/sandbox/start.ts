/** `espace sandbox start`: runs the embedded TMF server in the background. */
import type { CommandDeps } from '../../command-deps.js';
import { profileOf, runningSandbox, startSandboxProcess } from './control.js';
import { type SandboxOptions, dataDirOf, portOf, profileOptionOf } from './options.js';

export async function run(options: SandboxOptions, ctx: CommandDeps): Promise<void> {
  const dataDir = dataDirOf(options, ctx);
  const running = await runningSandbox(dataDir);
  if (running) {
    ctx.io.err(`${ctx.t('sandbox.alreadyRunning', { url: running.url, pid: running.pid, profile: profileOf(running) })}\n`);
    return;
  }
  const profile = profileOptionOf(options, ctx);
  const state = await startSandboxProcess({ dataDir, port: portOf(options, ctx), ...(profile ? { profile } : {}) });
  ctx.io.err(`${ctx.t('sandbox.started', { url: state.url, pid: state.pid, data: dataDir, profile: profileOf(state) })}\n`);
}
