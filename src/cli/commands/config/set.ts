/** `espace config set KEY VALUE`: checks the value, then rewrites the config file atomically. */
import { configFile, updateConfig } from '../../../config/contexts.js';
import { toJson } from '../../../output/formats.js';
import type { CommandDeps } from '../../command-deps.js';
import { checkedKey, checkedValue } from './keys.js';

export interface ConfigSetOptions {
  key: string;
  value: string;
}

export async function run(options: ConfigSetOptions, ctx: CommandDeps): Promise<void> {
  const key = checkedKey(options.key);
  const value = checkedValue(key, options.value);
  // Read before writing, so that a broken file is reported rather than replaced.
  ctx.config();
  await updateConfig(ctx.configDir, (config) => ({ ...config, defaults: { ...config.defaults, [key]: value } }));
  if (ctx.globals.json) ctx.io.out(toJson({ key, value }));
  ctx.io.err(`${ctx.t('config.saved', { key, value, path: configFile(ctx.configDir) })}\n`);
}
