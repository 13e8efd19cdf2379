/** `espace context use NAME`. */
import { findContext, updateConfig } from '../../../config/contexts.js';
import { UsageError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';

export async function run(options: { name: string }, ctx: CommandDeps): Promise<void> {
  if (!findContext(ctx.config(), options.name, ctx.env)) {
    throw new UsageError('context.unknown', { params: { name: options.name }, hint: 'context.hintList' });
  }
  await updateConfig(ctx.configDir, (config) => ({ ...config, currentContext: options.name }));
  ctx.io.err(`${ctx.t('context.used', { name: options.name })}\n`);
}
