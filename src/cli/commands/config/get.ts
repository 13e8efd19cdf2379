/** `espace config get KEY`: the stored value of one default, alone on a line (for scripts); exit 1 when unset, as git does. */
import { GeneralError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import type { CommandDeps } from '../../command-deps.js';
import { checkedKey } from './keys.js';

export interface ConfigGetOptions {
  key: string;
}

export async function run(options: ConfigGetOptions, ctx: CommandDeps): Promise<void> {
  const key = checkedKey(options.key);
  const value = ctx.config().defaults?.[key];
  if (ctx.globals.json) {
    ctx.io.out(toJson({ key, value: value ?? null }));
    return;
  }
  if (value === undefined) throw new GeneralError('config.notSet', { params: { key } });
  ctx.io.out(`${value}\n`);
}
