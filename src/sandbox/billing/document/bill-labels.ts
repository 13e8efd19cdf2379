/**
 * The words printed on a bill document, in the two languages the operator bills in. The sandbox
 * is a separate program from the CLI, so it keeps its own short table rather than the CLI catalog.
 */
export type DocumentLang = 'en' | 'fr';

export interface BillLabels {
  title: string;
  fileStem: string;
  account: string;
  billNumber: string;
  billDate: string;
  period: string;
  dueDate: string;
  serviceCharges: string;
  addOns: string;
  taxesAndFees: string;
  previousBalanceAndPayments: string;
  currentChargesAndTotal: string;
  subtotal: string;
  none: string;
  credit: string;
  previousBalance: string;
  paymentReceived: (date: string) => string;
  balanceForward: string;
  currentCharges: string;
  totalDue: string;
  taxNames: Readonly<Record<string, string>>;
}

export const BILL_LABELS: Readonly<Record<DocumentLang, BillLabels>> = {
  en: {
    title: 'Bill',
    fileStem: 'bill',
    account: 'Account',
    billNumber: 'Bill number',
    billDate: 'Bill date',
    period: 'Billing period',
    dueDate: 'Due date',
    serviceCharges: 'Service charges',
    addOns: 'Add-ons and features',
    taxesAndFees: 'Taxes and fees',
    previousBalanceAndPayments: 'Previous balance and payments',
    currentChargesAndTotal: 'Current charges and total due',
    subtotal: 'Subtotal',
    none: '(none)',
    credit: 'credit',
    previousBalance: 'Previous balance',
    paymentReceived: (date) => `Payment received ${date}`,
    balanceForward: 'Balance carried forward',
    currentCharges: 'Current charges',
    totalDue: 'Total due',
    taxNames: { GST: 'GST', QST: 'QST', HST: 'HST', PST: 'PST' },
  },
  fr: {
    title: 'Facture',
    fileStem: 'facture',
    account: 'Compte',
    billNumber: 'Numéro de facture',
    billDate: 'Date de facturation',
    period: 'Période de facturation',
    dueDate: 'Date d’échéance',
    serviceCharges: 'Frais de services',
    addOns: 'Options et fonctionnalités',
    taxesAndFees: 'Taxes et frais',
    previousBalanceAndPayments: 'Solde précédent et paiements',
    currentChargesAndTotal: 'Frais courants et total à payer',
    subtotal: 'Sous-total',
    none: '(aucun)',
    credit: 'crédit',
    previousBalance: 'Solde précédent',
    paymentReceived: (date) => `Paiement reçu le ${date}`,
    balanceForward: 'Solde reporté',
    currentCharges: 'Frais courants',
    totalDue: 'Total à payer',
    taxNames: { GST: 'TPS', QST: 'TVQ', HST: 'TVH', PST: 'TVP' },
  },
};

/**
 * The document's language: the first of fr/en the client accepts (the CLI sends its own), else
 * French for Quebec accounts and English elsewhere.
 */
export function documentLang(acceptLanguage: string | undefined, province: string): DocumentLang {
  for (const range of (acceptLanguage ?? '').split(',')) {
    const tag = range.trim().split(';')[0]?.toLowerCase() ?? '';
    if (tag === 'fr' || tag.startsWith('fr-')) return 'fr';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return province === 'QC' ? 'fr' : 'en';
}
