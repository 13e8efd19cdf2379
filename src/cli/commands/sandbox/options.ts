import { sandboxDataDir } from '../../../config/paths.js';
import type { Context } from '../../context.js';

export interface SandboxOptions {
  /** The data directory (default: the user's data directory). */
  data?: string;
  port: number;
}

export function dataDirOf(options: SandboxOptions, ctx: Context): string {
  return options.data ?? sandboxDataDir(ctx.env);
}
