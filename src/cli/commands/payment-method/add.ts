/**
 * `espace payment-method add [--bank] [--default]`: saves a card or a bank account for
 * pre-authorized debit. Card number, expiry and CVV (and bank account numbers) come only from a
 * masked prompt or from stdin, one per line, never from argv; the card is checked (Luhn, expiry)
 * before anything is sent, and nothing of it is kept or printed beyond brand and last four digits.
 */
import { createPaymentMethod, type NewPaymentMethod } from '../../../api/tmf/payment.js';
import { cardDigits, cardExpiry } from '../../../domain/card.js';
import { UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { Context } from '../../context.js';
import { stdinLines } from '../../stdin-lines.js';
import { paymentMethodJson } from '../../payment/view.js';

export interface PaymentMethodAddOptions {
  account?: string;
  bank: boolean;
  makeDefault: boolean;
}

/** Reads the values from prompts on a terminal, else one per line from stdin. */
async function readValues(ctx: Context, asks: { message: string; secret: boolean }[]): Promise<string[]> {
  if (ctx.io.interactive) {
    // The prompts only run on a terminal, so the flag they would name when there is none is never shown.
    const flag = 'stdin';
    const values: string[] = [];
    for (const ask of asks) {
      values.push(ask.secret ? await ctx.prompt.password({ message: ask.message, flag }) : await ctx.prompt.input({ message: ask.message, flag }));
    }
    return values;
  }
  const lines = await stdinLines(ctx, asks.length, 'payment-method add', 'paymentMethod.stdinShort');
  return lines.slice(0, asks.length).map((line) => line.trim());
}

async function readCard(ctx: Context): Promise<NewPaymentMethod> {
  const { t } = ctx;
  const [number = '', expiry = '', cvv = ''] = await readValues(ctx, [
    { message: t('paymentMethod.ask.cardNumber'), secret: true },
    { message: t('paymentMethod.ask.expiry'), secret: false },
    { message: t('paymentMethod.ask.cvv'), secret: true },
  ]);
  const digits = cardDigits(number);
  // The messages never repeat what was typed: it may be a card number.
  if (!digits) throw new UsageError('paymentMethod.badCardNumber');
  const month = cardExpiry(expiry, ctx.clock());
  if (!month) throw new UsageError('paymentMethod.badExpiry');
  if (!/^\d{3,4}$/.test(cvv)) throw new UsageError('paymentMethod.badCvv');
  return { kind: 'card', number: digits, expiry: month, cvv };
}

async function readBank(ctx: Context): Promise<NewPaymentMethod> {
  const { t } = ctx;
  const [institution = '', transit = '', account = ''] = await readValues(ctx, [
    { message: t('paymentMethod.ask.institution'), secret: false },
    { message: t('paymentMethod.ask.transit'), secret: false },
    { message: t('paymentMethod.ask.account'), secret: true },
  ]);
  if (!/^\d{3}$/.test(institution)) throw new UsageError('paymentMethod.badInstitution');
  if (!/^\d{5}$/.test(transit)) throw new UsageError('paymentMethod.badTransit');
  if (!/^\d{7,12}$/.test(account)) throw new UsageError('paymentMethod.badAccount');
  return { kind: 'bankAccount', institution, transit, account };
}

export async function run(options: PaymentMethodAddOptions, ctx: Context): Promise<void> {
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
