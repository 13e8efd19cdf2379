/** How commands name the target: the context, or the custom URL that replaced the context's. */
import { type Target, urlOverridesContext } from '../config/target.js';
import type { Translate } from '../i18n/catalog.js';

/**
 * The context's name, or "custom URL from --api-url (overrides context sandbox)" when a flag or
 * ESPACE_API_URL sent the requests elsewhere: the context then only lends its credentials, and
 * calling the server by the context's name would be false.
 */
export function contextLabel(target: Target, t: Translate): string {
  if (!urlOverridesContext(target)) return target.contextName;
  return t('apiMap.label.override', { source: target.apiUrlOrigin === 'flag' ? '--api-url' : 'ESPACE_API_URL', name: target.contextName });
}
