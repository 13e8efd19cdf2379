import { sandboxPort } from '../../../config/contexts.js';
import { sandboxDataDir } from '../../../config/paths.js';
import type { Context } from '../../context.js';

export interface SandboxOptions {
  /** The data directory (default: the user's data directory). */
  data?: string;
  /** `--port`; default: ESPACE_SANDBOX_PORT or 8642 (sandboxPort). */
  port?: number;
}

export function dataDirOf(options: SandboxOptions, ctx: Context): string {
  return options.data ?? sandboxDataDir(ctx.env);
}

export function portOf(options: SandboxOptions, ctx: Context): number {
  return options.port ?? sandboxPort(ctx.env);
}
