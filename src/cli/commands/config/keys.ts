/** Checking what `espace config` is given: a known key, and a value that key allows. */
import { DEFAULT_KEY_NAMES, type DefaultKey, allowedValues, isDefaultKey, normalizeDefault } from '../../../config/defaults.js';
import { UsageError } from '../../../errors.js';
import type { Translate } from '../../../i18n/catalog.js';
import { sanitizeLine } from '../../../output/sanitize.js';

/** The key, or a usage error listing the keys there are. */
export function checkedKey(key: string): DefaultKey {
  if (isDefaultKey(key)) return key;
  throw new UsageError('config.unknownKey', { params: { key: sanitizeLine(key), keys: DEFAULT_KEY_NAMES.join(', ') } });
}

/** The value as it will be stored, or a usage error saying which values the key takes. */
export function checkedValue(key: DefaultKey, value: string): string {
  const normal = normalizeDefault(key, value);
  if (normal !== undefined) return normal;
  const allowed = allowedValues(key);
  if (!allowed) throw new UsageError('config.badPager');
  throw new UsageError('config.badValue', { params: { key, value: sanitizeLine(value), allowed: allowed.join(', ') } });
}

/** The values a key takes, as a person reads them. */
export function allowedText(key: DefaultKey, t: Translate): string {
  return allowedValues(key)?.join(' | ') ?? t('config.pagerValues');
}

type Env = Record<string, string | undefined>;

/**
 * What outranks the stored value of `key` in this environment (the variable's name), if anything:
 * so that `config list` says why a default seems to have no effect.
 */
export function overriddenBy(key: DefaultKey, env: Env): string | undefined {
  const set = (name: string) => env[name] !== undefined && env[name] !== '';
  if (key === 'lang') return /^(en|fr)(?:[_.@-]|$)/i.test(env.ESPACE_LANG ?? '') ? 'ESPACE_LANG' : undefined;
  if (key === 'color') {
    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CLICOLOR_FORCE']) if (set(name)) return name;
    if (env.TERM === 'dumb') return 'TERM=dumb';
    if (env.CLICOLOR === '0') return 'CLICOLOR=0';
  }
  if (key === 'pager' && set('ESPACE_PAGER')) return 'ESPACE_PAGER';
  return undefined;
}
