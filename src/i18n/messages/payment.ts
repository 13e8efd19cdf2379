import type { MessageTable } from '../catalog.js';

/** Payments, the payment journal and reconcile, payment methods, autopay. */
export const paymentMessages = {
  'pay.lang': { en: 'en', fr: 'fr' },
  'pay.description': {
    en: 'pay a bill (default: what remains on the latest bill, with the default payment method)',
    fr: 'payer une facture (par défaut : le solde de la dernière facture, avec le mode de paiement par défaut)',
  },
  'pay.argument': { en: "bill id, or 'latest'", fr: "identifiant de facture, ou « latest »" },
  'pay.option.amount': { en: 'amount in dollars, e.g. 50 or 50.25 (default: what remains on the bill)', fr: 'montant en dollars, p. ex. 50 ou 50.25 (par défaut : le solde de la facture)' },
  'pay.option.method': { en: 'payment method id (see espace payment-method list; default: the account’s default method)', fr: 'identifiant du mode de paiement (voir espace payment-method list; par défaut : celui du compte)' },
  'pay.option.yes': { en: 'do not ask for confirmation (needed when there is no terminal)', fr: 'ne pas demander de confirmation (requis sans terminal)' },
  'pay.option.account': { en: 'billing account (agents: take a payment by phone for any account)', fr: 'compte de facturation (agents : prendre un paiement par téléphone pour tout compte)' },
  'pay.byMail': { en: 'Pay by mail (cheque or money order):', fr: 'Payer par la poste (chèque ou mandat) :' },
  'pay.byPhone': { en: 'Pay by phone:', fr: 'Payer par téléphone :' },
  'pay.badAmount': {
    en: "'{amount}' is not an amount espace can pay: give dollars and at most two decimals, more than zero (e.g. 50 or 50.25).",
    fr: "« {amount} » n'est pas un montant qu'espace peut payer : indiquez des dollars avec au plus deux décimales, plus que zéro (p. ex. 50 ou 50.25).",
  },
  'pay.nothingOwed': { en: 'nothing is owed on bill {bill}: it is settled.', fr: 'rien n’est dû sur la facture {bill} : elle est réglée.' },
  'pay.overpay': {
    en: '{amount} is more than what remains on bill {bill} ({remaining}); pass a smaller --amount.',
    fr: '{amount} dépasse le solde de la facture {bill} ({remaining}); indiquez un --amount plus petit.',
  },
  'pay.noMethod': {
    en: 'account {account} has no default payment method: pass --method (see espace payment-method list).',
    fr: 'le compte {account} n’a pas de mode de paiement par défaut : passez --method (voir espace payment-method list).',
  },
  'pay.unknownMethod': {
    en: "payment method '{method}' is not on file for this account; methods on file: {known}.",
    fr: "le mode de paiement « {method} » n’est pas enregistré pour ce compte; modes enregistrés : {known}.",
  },
  'pay.summary': {
    en: 'About to charge {amount} to {method} for bill {bill} (account {account}; remaining on the bill: {remaining}).',
    fr: 'Sur le point de porter {amount} à {method} pour la facture {bill} (compte {account}; solde de la facture : {remaining}).',
  },
  'pay.needsYes': {
    en: 'a payment needs confirmation and there is no terminal to ask: pass --yes to confirm it.',
    fr: 'un paiement doit être confirmé et aucun terminal ne permet de le demander : passez --yes pour le confirmer.',
  },
  'pay.confirm': { en: 'Make this payment?', fr: 'Effectuer ce paiement?' },
  'pay.done': { en: 'Paid {amount} on bill {bill} with {method}: payment {id}.', fr: 'Payé {amount} sur la facture {bill} avec {method} : paiement {id}.' },

  'payment.unknown': {
    en: 'the outcome of the payment of bill {bill} is unknown ({reason}). It may or may not have been charged; it will never be charged twice. Its key {key} is kept in the payment journal.',
    fr: 'le résultat du paiement de la facture {bill} est inconnu ({reason}). Il a peut-être été porté, ou non; il ne le sera jamais deux fois. Sa clé {key} est conservée dans le journal des paiements.',
  },
  'payment.hintReconcile': {
    en: 'run `espace payment reconcile` to settle it with the server (it never charges twice).',
    fr: 'lancez `espace payment reconcile` pour le régler avec le serveur (jamais de double paiement).',
  },
  'payment.pendingWarning': {
    en: 'Warning: {count} earlier payment(s) have an unknown outcome (journal: {dir}); run `espace payment reconcile`.',
    fr: 'Attention : {count} paiement(s) antérieur(s) ont un résultat inconnu (journal : {dir}); lancez `espace payment reconcile`.',
  },
  'payment.description': { en: 'payment history, and settling payments whose outcome is unknown', fr: 'historique des paiements, et règlement des paiements au résultat inconnu' },
  'payment.list.description': { en: 'list payments, most recent first (id, date, amount, method, channel, bills, status)', fr: 'lister les paiements, les plus récents d’abord (identifiant, date, montant, mode, canal, factures, état)' },
  'payment.list.option.bill': { en: 'only payments applied to this bill', fr: 'seulement les paiements appliqués à cette facture' },
  'payment.list.option.limit': { en: 'at most this many payments', fr: 'au plus ce nombre de paiements' },
  'payment.list.empty': { en: 'No payments for account {account}.', fr: 'Aucun paiement pour le compte {account}.' },
  'payment.show.description': { en: 'show one payment', fr: 'afficher un paiement' },
  'payment.show.argument': { en: 'payment id', fr: 'identifiant du paiement' },
  'payment.column.id': { en: 'ID', fr: 'ID' },
  'payment.column.account': { en: 'Account', fr: 'Compte' },
  'payment.column.date': { en: 'Date', fr: 'Date' },
  'payment.column.amount': { en: 'Amount', fr: 'Montant' },
  'payment.column.method': { en: 'Method', fr: 'Mode' },
  'payment.column.channel': { en: 'Channel', fr: 'Canal' },
  'payment.column.bills': { en: 'Bill', fr: 'Facture' },
  'payment.column.status': { en: 'Status', fr: 'État' },
  'payment.column.key': { en: 'Idempotency key', fr: 'Clé d’idempotence' },
  'payment.reconcile.description': {
    en: 'settle every payment whose outcome is unknown with the server (never charges twice; exit code 5 while any stays unknown)',
    fr: 'régler avec le serveur chaque paiement au résultat inconnu (jamais de double paiement; code de sortie 5 tant qu’il en reste)',
  },
  'payment.reconcile.none': { en: 'No payment with an unknown outcome.', fr: 'Aucun paiement au résultat inconnu.' },
  'payment.reconcile.unreadable': {
    en: 'Warning: the journal entry {path} cannot be read; check it by hand before deleting it.',
    fr: 'Attention : l’entrée de journal {path} est illisible; vérifiez-la à la main avant de la supprimer.',
  },
  'payment.reconcile.charged': { en: '{key}\tbill {bill}\t{amount}\tcharged: payment {id}', fr: '{key}\tfacture {bill}\t{amount}\tporté : paiement {id}' },
  'payment.reconcile.chargedNow': {
    en: '{key}\tbill {bill}\t{amount}\tcharged now (it had not reached the server): payment {id}',
    fr: '{key}\tfacture {bill}\t{amount}\tporté maintenant (il n’avait pas atteint le serveur) : paiement {id}',
  },
  'payment.reconcile.notCharged': { en: '{key}\tbill {bill}\t{amount}\tnot charged: {reason}', fr: '{key}\tfacture {bill}\t{amount}\tnon porté : {reason}' },
  'payment.reconcile.stillUnknown': { en: '{key}\tbill {bill}\t{amount}\tstill unknown: {reason}', fr: '{key}\tfacture {bill}\t{amount}\ttoujours inconnu : {reason}' },
  'payment.reconcile.otherServer': {
    en: '{key}\tbill {bill}\t{amount}\tsent to another server ({url}): reconcile with --api-url {url}',
    fr: '{key}\tfacture {bill}\t{amount}\tenvoyé à un autre serveur ({url}) : réglez-le avec --api-url {url}',
  },
  'payment.reconcile.incomplete': {
    en: '{count} payment(s) still have an unknown outcome; run `espace payment reconcile` again later.',
    fr: '{count} paiement(s) ont toujours un résultat inconnu; relancez `espace payment reconcile` plus tard.',
  },
} satisfies MessageTable;
