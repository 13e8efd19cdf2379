/** The terms a customer accepts with an order, in their language. */
import type { Offering, Product } from '../../../domain/plan.js';
import { formatMoney } from '../../../domain/money.js';
import type { Translate } from '../../../i18n/catalog.js';
import { formatDate } from '../../../output/formats.js';

/** The end of a term that starts on `start` (YYYY-MM-DD), as the sandbox computes it. */
function termEnd(start: string, months: number): string {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, 28))).toISOString().slice(0, 10);
}

export function planChangeTerms(product: Product, offering: Offering, effectiveDate: string, now: Date, t: Translate, locale: string): string[] {
  const terms: string[] = [];
  if (offering.termMonths > 0) {
    terms.push(
      t('plan.terms.contract', {
        months: offering.termMonths,
        start: formatDate(effectiveDate, locale),
        end: formatDate(termEnd(effectiveDate, offering.termMonths), locale),
      }),
    );
  } else if (product.contractEnd && Date.parse(product.contractEnd) > now.getTime()) {
    terms.push(t('plan.terms.contractKept', { end: formatDate(product.contractEnd, locale) }));
  } else {
    terms.push(t('plan.terms.noContract'));
  }
  terms.push(t('plan.terms.prorated'));
  return terms;
}

export function addOnTerms(offering: Offering, t: Translate, locale: string): string[] {
  return [t('plan.terms.addOn', { price: formatMoney(offering.monthly, locale) }), t('plan.terms.prorated')];
}

export function removalTerms(t: Translate): string[] {
  return [t('plan.terms.removal'), t('plan.terms.prorated')];
}
