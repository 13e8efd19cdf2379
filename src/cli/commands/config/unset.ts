/** `espace config unset KEY`: removes a default (not an error when it was not set). */
import { configFile, updateConfig } from '../../../config/contexts.js';
import { toJson } from '../../../output/formats.js';
import type { CommandDeps } from '../../command-deps.js';
import { checkedKey } from './keys.js';

export interface ConfigUnsetOptions {
  key: string;
}

export async function run(options: ConfigUnsetOptions, ctx: CommandDeps): Promise<void> {
  const key = checkedKey(options.key);
  const was = ctx.config().defaults?.[key];
  if (was !== undefined) {
    await updateConfig(ctx.configDir, (config) => {
      const { [key]: _removed, ...rest } = config.defaults ?? {};
      return { ...config, defaults: rest };
    });
  }
  if (ctx.globals.json) ctx.io.out(toJson({ key, removed: was !== undefined }));
  ctx.io.err(`${was !== undefined ? ctx.t('config.removed', { key, path: configFile(ctx.configDir) }) : ctx.t('config.wasNotSet', { key })}\n`);
}
