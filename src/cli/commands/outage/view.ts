/** How an outage reads: labels for its codes, and its stable JSON shape. */
import type { Outage } from '../../../domain/outage.js';
import { formatWithFirst } from '../../../output/first-of-month.js';
import type { MessageKey, Translate } from '../../../i18n/catalog.js';

const STATUS_KEYS: Record<string, MessageKey> = {
  acknowledged: 'outage.status.acknowledged',
  inProgress: 'outage.status.inProgress',
  pending: 'outage.status.pending',
  held: 'outage.status.held',
  resolved: 'outage.status.resolved',
  closed: 'outage.status.closed',
  cancelled: 'outage.status.cancelled',
  rejected: 'outage.status.rejected',
};

const CATEGORY_KEYS: Record<string, MessageKey> = {
  outage: 'outage.category.outage',
  plannedMaintenance: 'outage.category.plannedMaintenance',
};

const SERVICE_KEYS: Record<string, MessageKey> = {
  internet: 'outage.service.internet',
  tv: 'outage.service.tv',
  homePhone: 'outage.service.homePhone',
  mobile: 'outage.service.mobile',
};

/** A known code in the user's language; an unknown one as the server sent it. */
function label(keys: Record<string, MessageKey>, code: string, t: Translate): string {
  const key = keys[code];
  return key ? t(key) : code;
}

export const statusLabel = (status: string, t: Translate) => label(STATUS_KEYS, status, t);
export const categoryLabel = (category: string, t: Translate) => label(CATEGORY_KEYS, category, t);
export const servicesLabel = (services: readonly string[], t: Translate) => services.map((service) => label(SERVICE_KEYS, service, t)).join(', ');

/**
 * Date and time in the user's locale and time zone, without the year: outages are about the days
 * around now, and the table must fit a terminal.
 */
export function formatDateTime(iso: string | undefined, locale: string): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return formatWithFirst(
    new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
    time,
    locale,
  );
}

export function outageJson(outage: Outage) {
  return {
    id: outage.id,
    name: outage.name,
    description: outage.description ?? null,
    category: outage.category,
    status: outage.status,
    areas: outage.areas,
    services: outage.services,
    raisedAt: outage.raisedAt ?? null,
    windowStart: outage.windowStart ?? null,
    estimatedRestoration: outage.estimatedRestoration ?? null,
    resolvedAt: outage.resolvedAt ?? null,
  };
}
