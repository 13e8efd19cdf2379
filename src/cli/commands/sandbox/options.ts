import { sandboxPort } from '../../../config/contexts.js';
import { sandboxDataDir } from '../../../config/paths.js';
import { UsageError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';

export interface SandboxOptions {
  /** The data directory (default: the user's data directory). */
  data?: string;
  /** `--port`; default: ESPACE_SANDBOX_PORT or 8642 (sandboxPort). */
  port?: number;
  /** `--profile` (start only): `default` or `plain`; default ESPACE_SANDBOX_PROFILE, else the sandbox's default. */
  profile?: string;
}

/** The sandbox options in commander's values: a verb's other flags (seed's `--accounts`) are its own. */
export function sandboxOptionsOf(flags: SandboxOptions): SandboxOptions {
  return { data: flags.data, port: flags.port, profile: flags.profile };
}

export function dataDirOf(options: SandboxOptions, ctx: CommandDeps): string {
  return options.data ?? sandboxDataDir(ctx.env);
}

export function portOf(options: SandboxOptions, ctx: CommandDeps): number {
  return options.port ?? sandboxPort(ctx.env);
}

/** The sandbox's profiles (the sandbox program checks them too). */
export const SANDBOX_PROFILES = ['default', 'plain'] as const;

/** The profile to ask the sandbox for, if any: the flag (checked by commander), then ESPACE_SANDBOX_PROFILE. */
export function profileOptionOf(options: SandboxOptions, ctx: CommandDeps): string | undefined {
  if (options.profile !== undefined) return options.profile;
  const value = ctx.env.ESPACE_SANDBOX_PROFILE;
  if (value === undefined || value === '') return undefined;
  if (!(SANDBOX_PROFILES as readonly string[]).includes(value)) {
    throw new UsageError('sandbox.badProfileEnv', { params: { value, profiles: SANDBOX_PROFILES.join(', ') } });
  }
  return value;
}
