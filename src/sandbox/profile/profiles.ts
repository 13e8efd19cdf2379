/**
 * The sandbox's profiles: `default` is espace's own server (every filter, `sort`, its documented
 * extensions); `plain` is a minimal conformant TMF v4 server (see plain.ts).
 */
export const SANDBOX_PROFILES = ['default', 'plain'] as const;

export type SandboxProfile = (typeof SANDBOX_PROFILES)[number];

/** The profile of a sandbox started without `--profile`. */
export const PROFILE_ENV = 'ESPACE_SANDBOX_PROFILE';

/** The profile a name stands for; throws, naming the known ones, for any other name. */
export function parseProfile(name: string): SandboxProfile {
  const found = SANDBOX_PROFILES.find((profile) => profile === name);
  if (!found) throw new Error(`unknown profile "${name}"; known profiles: ${SANDBOX_PROFILES.join(', ')}`);
  return found;
}
