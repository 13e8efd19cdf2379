/** `espace sandbox status`: exit code 1 when the sandbox is not running, for scripts. */
import { GeneralError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import type { CommandDeps } from '../../command-deps.js';
import { profileOf, runningSandbox } from './control.js';
import { type SandboxOptions, dataDirOf } from './options.js';

export async function run(options: SandboxOptions, ctx: CommandDeps): Promise<void> {
  const dataDir = dataDirOf(options, ctx);
  const state = await runningSandbox(dataDir);
  if (ctx.globals.json) {
    ctx.io.out(toJson({ running: Boolean(state), url: state?.url ?? null, pid: state?.pid ?? null, profile: state ? profileOf(state) : null, dataDir }));
  }
  if (!state) throw new GeneralError('sandbox.notRunningStatus', { params: { data: dataDir }, hint: 'sandbox.hintStart' });
  if (!ctx.globals.json) ctx.io.out(`${ctx.t('sandbox.status', { url: state.url, pid: state.pid, data: dataDir, profile: profileOf(state) })}\n`);
}
