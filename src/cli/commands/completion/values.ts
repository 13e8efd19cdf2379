/** `espace __complete KIND`: the dynamic values completion scripts ask for, one per line. */
import { completionValues } from '../../completion/values.js';
import type { ValueKind } from '../../completion/tree.js';
import type { CommandDeps } from '../../command-deps.js';

export interface CompleteOptions {
  kind: ValueKind;
}

export async function run(options: CompleteOptions, ctx: CommandDeps): Promise<void> {
  const values = await completionValues(options.kind, ctx);
  if (values.length > 0) ctx.io.out(`${values.join('\n')}\n`);
}
