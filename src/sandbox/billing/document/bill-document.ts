/**
 * The PDF of a bill (TMF678 `billDocument`): account, dates, the five sections of the portal's
 * bill with their line items, and the totals. Generated on request from the stored bill, so the
 * same bill always gives the same bytes.
 */
import type { AccountRow } from '../billing-account-store.js';
import type { BillRow, PaymentLinkRow, RateRow, TaxRow } from '../bill-store.js';
import { BILL_LABELS, type BillLabels, type DocumentLang } from './bill-labels.js';
import { PAGE_HEIGHT, PdfWriter, type FontStyle } from './pdf-writer.js';

export interface BillDocumentInput {
  bill: BillRow;
  account: AccountRow;
  /** Line items in bill order. */
  rates: readonly RateRow[];
  taxes: readonly TaxRow[];
  received: readonly PaymentLinkRow[];
  lang: DocumentLang;
}

const LEFT = 56;
const RIGHT = 556;
const TOP = PAGE_HEIGHT - 56;
const BOTTOM = 64;
const LINE = 15;
/** Longer labels are shortened so that they never run into the amount column. */
const MAX_LABEL = 72;

/** The file name a client should save the document under, e.g. `facture-2026-11-1001.pdf`. */
export function billDocumentName(billNo: string, lang: DocumentLang): string {
  return `${BILL_LABELS[lang].fileStem}-${billNo}.pdf`;
}

export function renderBillDocument(input: BillDocumentInput): Buffer {
  const { bill, account, lang } = input;
  const labels = BILL_LABELS[lang];
  const locale = lang === 'fr' ? 'fr-CA' : 'en-CA';
  const money = moneyFormatter(locale, bill.currency);
  const date = dateFormatter(locale);
  const page = new PageCursor(new PdfWriter());

  page.text(LEFT, `${labels.title} ${bill.billNo}`, { style: 'bold', size: 18 });
  page.advance(10);
  for (const line of [account.ownerName, account.street1, account.street2, `${account.city} (${account.province})  ${account.postcode}`]) {
    if (line) page.text(LEFT, line);
  }
  page.advance(6);
  page.pair(labels.account, account.id);
  page.pair(labels.billNumber, bill.billNo);
  page.pair(labels.billDate, date(bill.billDate));
  page.pair(labels.period, `${date(bill.periodStart)} – ${date(bill.periodEnd)}`);
  page.pair(labels.dueDate, date(bill.paymentDueDate));

  const lineLabel = lineLabeller(input.rates, labels);
  const charges = (section: string) => input.rates.filter((rate) => rate.section === section);
  const total = (rows: readonly { taxExcludedCents: number }[]) => rows.reduce((sum, row) => sum + row.taxExcludedCents, 0);

  const service = charges('serviceCharges');
  page.section(labels.serviceCharges);
  for (const rate of service) page.amount(lineLabel(rate), money(rate.taxExcludedCents));
  page.amount(labels.subtotal, money(total(service)), 'bold');

  const addOns = charges('addOns');
  page.section(labels.addOns);
  if (addOns.length === 0) page.amount(labels.none, money(0));
  for (const rate of addOns) page.amount(lineLabel(rate), money(rate.taxExcludedCents));
  page.amount(labels.subtotal, money(total(addOns)), 'bold');

  const fees = charges('fees');
  page.section(labels.taxesAndFees);
  for (const tax of input.taxes) {
    const rate = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(tax.rate);
    page.amount(`${labels.taxNames[tax.category] ?? tax.category} (${rate})`, money(tax.cents));
  }
  for (const rate of fees) page.amount(lineLabel(rate), money(rate.taxExcludedCents));
  const taxCents = input.taxes.reduce((sum, tax) => sum + tax.cents, 0);
  page.amount(labels.subtotal, money(taxCents + total(fees)), 'bold');

  page.section(labels.previousBalanceAndPayments);
  page.amount(labels.previousBalance, money(bill.previousBalanceCents));
  for (const payment of input.received) page.amount(labels.paymentReceived(date(payment.date)), money(-payment.amountCents));
  const paid = input.received.reduce((sum, payment) => sum + payment.amountCents, 0);
  page.amount(labels.balanceForward, money(bill.previousBalanceCents - paid), 'bold');

  page.section(labels.currentChargesAndTotal);
  page.amount(labels.currentCharges, money(bill.taxIncludedCents));
  page.rule();
  page.amount(labels.totalDue, money(bill.amountDueCents), 'bold', 12);

  return page.pdf.render({ title: `${labels.title} ${bill.billNo}`, createdAt: bill.billDate });
}

/** Where the next line goes; starts a new page when the current one is full. */
class PageCursor {
  #y = TOP;

  constructor(readonly pdf: PdfWriter) {}

  text(x: number, text: string, options: { style?: FontStyle; size?: number } = {}): void {
    this.#room();
    this.pdf.text(x, this.#y, text, options);
    this.#y -= Math.max(LINE, (options.size ?? 10) + 6);
  }

  pair(label: string, value: string): void {
    this.#room();
    this.pdf.text(LEFT, this.#y, label, { style: 'bold' });
    this.pdf.text(LEFT + 150, this.#y, value);
    this.#y -= LINE;
  }

  section(title: string): void {
    this.advance(10);
    // A heading never ends a page: it needs room for itself and a line below it.
    if (this.#y - 2 * LINE < BOTTOM) this.#newPage();
    this.pdf.text(LEFT, this.#y, title, { style: 'bold', size: 12 });
    this.pdf.rule(LEFT, this.#y - 4, RIGHT);
    this.#y -= LINE + 4;
  }

  amount(label: string, amount: string, style: FontStyle = 'regular', size = 10): void {
    this.#room();
    this.pdf.text(LEFT + 12, this.#y, shorten(label), { style, size });
    this.pdf.text(RIGHT, this.#y, amount, { style, size, align: 'right' });
    this.#y -= LINE;
  }

  rule(): void {
    this.pdf.rule(LEFT + 12, this.#y + LINE - 4, RIGHT);
  }

  advance(points: number): void {
    this.#y -= points;
  }

  #room(): void {
    if (this.#y < BOTTOM) this.#newPage();
  }

  #newPage(): void {
    this.pdf.addPage();
    this.#y = TOP;
  }
}

function shorten(label: string): string {
  return label.length <= MAX_LABEL ? label : `${label.slice(0, MAX_LABEL - 1)}…`;
}

/** As `bill show` labels lines: the product tells apart two lines of the same name; credits say so. */
function lineLabeller(rates: readonly RateRow[], labels: BillLabels): (rate: RateRow) => string {
  const names = rates.map((rate) => rate.name);
  const repeated = new Set(names.filter((name, index) => names.indexOf(name) !== index));
  return (rate) => {
    const name = repeated.has(rate.name) && rate.productName ? `${rate.name} – ${rate.productName}` : rate.name;
    return rate.rateType === 'appliedBillingCredit' ? `${name} (${labels.credit})` : name;
  };
}

function moneyFormatter(locale: string, currency: string): (cents: number) => string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
  return (cents) => format.format(cents / 100);
}

function dateFormatter(locale: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return (iso) => {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? iso : format.format(time);
  };
}
