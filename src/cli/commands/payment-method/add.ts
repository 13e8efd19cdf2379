/**
 * `espace payment-method add [--bank] [--default]`: saves a card or a bank account for
 * pre-authorized debit. Card number, expiry and CVV (and bank account numbers) come only from a
 * masked prompt or from stdin, one per line, never from argv; each value is checked (card network,
 * length and Luhn digit, expiry, CVV) before the next is asked, and before anything is sent, and nothing of it is kept or printed beyond brand and last four digits.
 */
import { createPaymentMethod, type NewPaymentMethod } from '../../../api/tmf/payment.js';
import { CARD_BRANDS, cardDigits, cardExpiry, checkCardNumber } from '../../../domain/card.js';
import { UsageError } from '../../../errors.js';
import type { MessageKey, MessageParams } from '../../../i18n/catalog.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { stdinLines } from '../../stdin-lines.js';
import { paymentMethodJson } from '../../payment/view.js';

export interface PaymentMethodAddOptions {
  account?: string;
  bank: boolean;
  makeDefault: boolean;
}

/** What is wrong with one answer: a message key and its parameters (never the answer itself: it may be a card number). */
type Problem = { key: MessageKey; params?: MessageParams } | undefined;

/** One value to ask for, and the check it must pass. */
interface Ask {
  message: string;
  secret: boolean;
  check: (value: string) => Problem;
}

/**
 * Reads the values: on a terminal, each prompt checks its answer as it is given and asks again
 * on a bad one, so nothing is typed twice; from stdin (one per line), the first bad value is a
 * usage error.
 */
async function readValues(ctx: CommandDeps, asks: readonly Ask[]): Promise<string[]> {
  if (ctx.io.interactive) {
    // The prompts only run on a terminal, so the flag they would name when there is none is never shown.
    const flag = 'stdin';
    const values: string[] = [];
    for (const ask of asks) {
      const validate = (value: string) => {
        const problem = ask.check(value.trim());
        return problem ? ctx.t(problem.key, problem.params) : true;
      };
      const value = ask.secret
        ? await ctx.prompt.password({ message: ask.message, flag, validate })
        : await ctx.prompt.input({ message: ask.message, flag, validate });
      values.push(value.trim());
    }
    return values;
  }
  const lines = await stdinLines(ctx, asks.length, 'payment-method add', 'paymentMethod.stdinShort');
  const values = lines.slice(0, asks.length).map((line) => line.trim());
  asks.forEach((ask, index) => {
    const problem = ask.check(values[index] ?? '');
    if (problem) throw new UsageError(problem.key, { params: problem.params });
  });
  return values;
}

/** The card number's problem: the message says which check failed (network, length, check digit). */
function cardNumberProblem(typed: string): Problem {
  const check = checkCardNumber(typed);
  if (check.ok) return undefined;
  if (check.problem === 'unknownBrand') return { key: 'paymentMethod.unknownCardBrand', params: { brands: CARD_BRANDS.map((b) => b.name).join(', ') } };
  if (check.problem === 'length') return { key: 'paymentMethod.badCardLength', params: { brand: check.brand.name, lengths: check.brand.lengths.join(', ') } };
  return { key: 'paymentMethod.badCardNumber' };
}

async function readCard(ctx: CommandDeps): Promise<NewPaymentMethod> {
  const { t } = ctx;
  const now = ctx.clock();
  const [number = '', expiry = '', cvv = ''] = await readValues(ctx, [
    { message: t('paymentMethod.ask.cardNumber'), secret: true, check: cardNumberProblem },
    { message: t('paymentMethod.ask.expiry'), secret: false, check: (value) => (cardExpiry(value, now) ? undefined : { key: 'paymentMethod.badExpiry' }) },
    { message: t('paymentMethod.ask.cvv'), secret: true, check: (value) => (/^\d{3,4}$/.test(value) ? undefined : { key: 'paymentMethod.badCvv' }) },
  ]);
  return { kind: 'card', number: cardDigits(number)!, expiry: cardExpiry(expiry, now)!, cvv };
}

/** A check that the whole answer matches `pattern`, else the message `key`. */
function matching(pattern: RegExp, key: MessageKey): (value: string) => Problem {
  return (value) => (pattern.test(value) ? undefined : { key });
}

async function readBank(ctx: CommandDeps): Promise<NewPaymentMethod> {
  const { t } = ctx;
  const [institution = '', transit = '', account = ''] = await readValues(ctx, [
    { message: t('paymentMethod.ask.institution'), secret: false, check: matching(/^\d{3}$/, 'paymentMethod.badInstitution') },
    { message: t('paymentMethod.ask.transit'), secret: false, check: matching(/^\d{5}$/, 'paymentMethod.badTransit') },
    { message: t('paymentMethod.ask.account'), secret: true, check: matching(/^\d{7,12}$/, 'paymentMethod.badAccount') },
  ]);
  return { kind: 'bankAccount', institution, transit, account };
}

export async function run(options: PaymentMethodAddOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const method = options.bank ? await readBank(ctx) : await readCard(ctx);
  const saved = await createPaymentMethod(api, accountId, method, options.makeDefault);
  if (ctx.globals.json) {
    ctx.io.out(toJson(paymentMethodJson(saved)));
    return;
  }
  ctx.io.out(`${ctx.t('paymentMethod.added', { id: sanitizeCell(saved.id), name: sanitizeCell(saved.name) })}\n`);
}
