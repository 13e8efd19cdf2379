import { sandboxPort } from '../../../config/contexts.js';
import { sandboxDataDir } from '../../../config/paths.js';
import type { Context } from '../../context.js';

export interface SandboxOptions {
  /** The data directory (default: the user's data directory). */
  data?: string;
  /** `--port`; default: ESPACE_SANDBOX_PORT or 8642 (sandboxPort). */
  port?: number;
  /** `--profile` (start only): `default` or `plain`; default ESPACE_SANDBOX_PROFILE, else the sandbox's default. */
  profile?: string;
}

export function dataDirOf(options: SandboxOptions, ctx: Context): string {
  return options.data ?? sandboxDataDir(ctx.env);
}

export function portOf(options: SandboxOptions, ctx: Context): number {
  return options.port ?? sandboxPort(ctx.env);
}

/** The profile to ask the sandbox for, if any: the flag, then ESPACE_SANDBOX_PROFILE (checked by the sandbox). */
export function profileOptionOf(options: SandboxOptions, ctx: Context): string | undefined {
  return options.profile ?? (ctx.env.ESPACE_SANDBOX_PROFILE || undefined);
}
