/**
 * User defaults (`espace config set lang fr`): a few settings kept in the config file under
 * `defaults`, each checked against the values it allows. They rank below the command line and the
 * environment and above espace's own defaults: `--lang` > `ESPACE_LANG` > `lang` > the locale.
 *
 * Reading them at start-up is one small file read and no dependency; a file that cannot be read,
 * or a value a hand edit broke, counts as unset there (the command that needs the file says why).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDir } from './paths.js';

/** Each key and the values it takes; `pager` is a command line, or `off`. */
export const DEFAULT_KEYS = {
  lang: ['en', 'fr'],
  pager: undefined,
  plain: ['true', 'false'],
  color: ['auto', 'always', 'never'],
} as const satisfies Record<string, readonly string[] | undefined>;

export type DefaultKey = keyof typeof DEFAULT_KEYS;
export type Defaults = Partial<Record<DefaultKey, string>>;

export const DEFAULT_KEY_NAMES = Object.keys(DEFAULT_KEYS) as DefaultKey[];

export function isDefaultKey(key: string): key is DefaultKey {
  return Object.prototype.hasOwnProperty.call(DEFAULT_KEYS, key);
}

/** The values a key allows, or undefined for a free-form one (`pager`). */
export function allowedValues(key: DefaultKey): readonly string[] | undefined {
  return DEFAULT_KEYS[key];
}

/**
 * The value as stored, or undefined when it is not one the key allows. A pager is any command
 * line without control characters (it is run by the shell, as git and gh run theirs).
 */
export function normalizeDefault(key: DefaultKey, value: string): string | undefined {
  const allowed = allowedValues(key);
  if (allowed) {
    const lowered = value.trim().toLowerCase();
    return allowed.includes(lowered) ? lowered : undefined;
  }
  const text = value.trim();
  // eslint-disable-next-line no-control-regex
  return text !== '' && !/[\u0000-\u001f\u007f]/.test(text) ? text : undefined;
}

/** The `defaults` of a parsed config file, keeping only known keys with valid values. */
export function validDefaults(raw: unknown): Defaults {
  const defaults: Defaults = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return defaults;
  for (const key of DEFAULT_KEY_NAMES) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value !== 'string') continue;
    const normal = normalizeDefault(key, value);
    if (normal !== undefined) defaults[key] = normal;
  }
  return defaults;
}

type Env = Record<string, string | undefined>;

/** The defaults stored in the config directory `env` points at. */
export function storedDefaults(env: Env): Defaults {
  try {
    return validDefaults((JSON.parse(readFileSync(join(configDir(env), 'config.json'), 'utf8')) as { defaults?: unknown }).defaults);
  } catch {
    // Missing or broken: no defaults here; commands that read the config report a broken file.
    return {};
  }
}

/**
 * The user's default for `key` from the config file, or undefined when none is set. Flags and
 * environment variables outrank it: callers check those first.
 * `configuredDefault('pager', env)` is a command line or `'off'`; `configuredDefault('plain', env)`
 * is `'true'` or `'false'`.
 */
export function configuredDefault(key: DefaultKey, env: Env = process.env): string | undefined {
  return storedDefaults(env)[key];
}

/** `plain` as a boolean, or undefined when not set. */
export function configuredPlain(env: Env = process.env): boolean | undefined {
  const value = configuredDefault('plain', env);
  return value === undefined ? undefined : value === 'true';
}
