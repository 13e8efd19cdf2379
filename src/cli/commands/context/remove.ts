/** `espace context remove NAME`: also forgets the credentials stored for it. */
import { SANDBOX_CONTEXT, updateConfig } from '../../../config/contexts.js';
import { UsageError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';

export async function run(options: { name: string }, ctx: CommandDeps): Promise<void> {
  const config = ctx.config();
  if (!(options.name in config.contexts)) {
    const key = options.name === SANDBOX_CONTEXT ? 'context.builtIn' : 'context.unknown';
    throw new UsageError(key, { params: { name: options.name }, hint: 'context.hintList' });
  }
  await (await ctx.vault()).remove(options.name);
  await updateConfig(ctx.configDir, (current) => {
    const { [options.name]: _removed, ...contexts } = current.contexts;
    return { contexts, currentContext: current.currentContext === options.name ? undefined : current.currentContext };
  });
  ctx.io.err(`${ctx.t('context.removed', { name: options.name })}\n`);
}
