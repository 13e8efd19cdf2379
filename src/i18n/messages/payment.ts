import type { MessageTable } from '../catalog.js';

/** Payments, the payment journal and reconcile, payment methods, autopay. */
export const paymentMessages = {
  'pay.description': {
    en: 'pay a bill (default: what remains on the latest bill, with the default payment method)',
    fr: 'payer une facture (par défaut : le solde de la dernière facture, avec le mode de paiement par défaut)',
  },
  'pay.argument': { en: "bill id, or 'latest'", fr: 'identifiant de facture, ou « latest »' },
  'pay.option.amount': {
    en: 'amount in dollars, e.g. 50, 50.25 or 50,25 (default: what remains on the bill)',
    fr: 'montant en dollars, p. ex. 50, 50,25 ou 50.25 (par défaut : le solde de la facture)',
  },
  'pay.option.method': {
    en: 'payment method id (see espace payment-method list; default: the account’s default method)',
    fr: 'identifiant du mode de paiement (voir espace payment-method list ; par défaut : celui du compte)',
  },
  'pay.option.yes': { en: 'do not ask for confirmation (needed when there is no terminal)', fr: 'ne pas demander de confirmation (requis sans terminal)' },
  'pay.option.account': {
    en: 'billing account (agents: take a payment by phone for any account)',
    fr: 'compte de facturation (agents : prendre un paiement par téléphone pour tout compte)',
  },
  'pay.byMail': { en: 'Pay by mail (cheque or money order):', fr: 'Payer par la poste (chèque ou mandat) :' },
  'pay.byPhone': { en: 'Pay by phone:', fr: 'Payer par téléphone :' },
  'pay.badAmount': {
    en: "--amount takes dollars, more than zero, with at most two decimals after a point or a comma (50, 50.25 or 50,25; thousands may be grouped with spaces: 1 234,56), not '{amount}'. Nothing was sent.",
    fr: '--amount prend des dollars, plus que zéro, avec au plus deux décimales après un point ou une virgule (50, 50.25 ou 50,25 ; les milliers peuvent être séparés par des espaces : 1 234,56), pas « {amount} ». Rien n’a été envoyé.',
  },
  'pay.waitingForLock': {
    en: 'Another espace payment is in progress (process {pid}); waiting for it to finish…',
    fr: 'Un autre paiement espace est en cours (processus {pid}) ; attente de sa fin…',
  },
  'pay.billChanged': {
    en: 'bill {bill} changed while this payment waited: {before} remained, now {now}. Nothing was sent; check the bill and run espace pay again.',
    fr: 'la facture {bill} a changé pendant que ce paiement attendait : il restait {before}, maintenant {now}. Rien n’a été envoyé ; vérifiez la facture et relancez espace pay.',
  },
  'pay.unissuedBill': {
    en: 'bill {bill} is a preview of your next bill, not issued yet: it cannot be paid. Pay an issued bill (`espace bill list`).',
    fr: 'la facture {bill} est un aperçu de votre prochaine facture, pas encore émise : elle ne peut pas être payée. Payez une facture émise (`espace bill list`).',
  },
  'pay.nothingOwed': { en: 'nothing is owed on bill {bill}: it is settled.', fr: 'rien n’est dû sur la facture {bill} : elle est réglée.' },
  'pay.overpay': {
    en: '{amount} is more than what remains on bill {bill} ({remaining}); pass a smaller --amount.',
    fr: '{amount} dépasse le solde de la facture {bill} ({remaining}) ; indiquez un --amount plus petit.',
  },
  'pay.noMethod': {
    en: 'account {account} has no default payment method: pass --method (see espace payment-method list).',
    fr: 'le compte {account} n’a pas de mode de paiement par défaut : passez --method (voir espace payment-method list).',
  },
  'pay.unknownMethod': {
    en: "payment method '{method}' is not on file for this account; methods on file: {known}.",
    fr: 'le mode de paiement « {method} » n’est pas enregistré pour ce compte ; modes enregistrés : {known}.',
  },
  'pay.summary': {
    en: 'About to charge {amount} to {method} for bill {bill} (account {account}; remaining on the bill: {remaining}).',
    fr: 'Sur le point de porter {amount} à {method} pour la facture {bill} (compte {account} ; solde de la facture : {remaining}).',
  },
  'pay.needsYes': {
    en: 'a payment needs confirmation and there is no terminal to ask: pass --yes to confirm it.',
    fr: 'un paiement doit être confirmé et aucun terminal ne permet de le demander : passez --yes pour le confirmer.',
  },
  'pay.pendingSameBill': {
    en: 'an earlier payment of bill {bill} has an unknown outcome (key {key}): it may have been charged. Settle it before paying this bill again.',
    fr: 'un paiement antérieur de la facture {bill} a un résultat inconnu (clé {key}) : il a peut-être été porté. Réglez-le avant de payer cette facture de nouveau.',
  },
  'pay.confirm': { en: 'Make this payment?', fr: 'Effectuer ce paiement ?' },
  'pay.option.all': {
    en: 'pay every bill with something owed, overdue first (one payment per bill)',
    fr: 'payer chaque facture qui a un solde, en souffrance d’abord (un paiement par facture)',
  },
  'pay.option.dryRun': {
    en: 'check and show what would be paid; charge nothing, send nothing',
    fr: 'vérifier et montrer ce qui serait payé ; rien n’est porté ni envoyé',
  },
  'pay.confirmMany': { en: 'Make these {count} payments (one per bill)?', fr: 'Effectuer ces {count} paiements (un par facture) ?' },
  'pay.allAlone': {
    en: '--all pays what remains on every bill; it takes neither a bill nor --amount.',
    fr: '--all paie le solde de chaque facture ; il ne prend ni facture ni --amount.',
  },
  'pay.nothingOwedOnAccount': { en: 'nothing is owed on account {account}.', fr: 'rien n’est dû sur le compte {account}.' },
  'pay.dryRun': {
    en: 'Dry run: {count} payment(s) checked, nothing was charged or sent.',
    fr: 'Essai à blanc : {count} paiement(s) vérifié(s), rien n’a été porté ni envoyé.',
  },
  'pay.balance.total': { en: 'Account {account} owes {total}:', fr: 'Le compte {account} doit {total} :' },
  'pay.balance.withOverdue': {
    en: 'Account {account} owes {total} in all, {overdue} of it overdue:',
    fr: 'Le compte {account} doit {total} en tout, dont {overdue} en souffrance :',
  },
  'pay.balance.due': { en: 'due {date}', fr: 'échéance {date}' },
  'pay.balance.overdue': { en: 'OVERDUE', fr: 'EN SOUFFRANCE' },
  'pay.balance.hintAll': {
    en: 'Paying the latest bill only; `espace pay --all` pays everything owed ({total}), overdue bills first.',
    fr: 'Seule la dernière facture est payée ; `espace pay --all` paie tout ce qui est dû ({total}), factures en souffrance d’abord.',
  },
  'pay.balance.which': { en: 'Pay which bill?', fr: 'Payer quelle facture ?' },
  'pay.balance.choiceAll': { en: 'Everything owed: {total}, overdue bills first', fr: 'Tout ce qui est dû : {total}, factures en souffrance d’abord' },
  'pay.balance.choiceBill': { en: '{bill}: {amount}, due {date}', fr: '{bill} : {amount}, échéance {date}' },
  'pay.balance.choiceOverdue': { en: '{bill}: {amount}, OVERDUE since {date}', fr: '{bill} : {amount}, EN SOUFFRANCE depuis le {date}' },
  'pay.done': { en: 'Paid {amount} on bill {bill} with {method}: payment {id}.', fr: 'Payé {amount} sur la facture {bill} avec {method} : paiement {id}.' },

  'payment.unknown': {
    en: 'the outcome of the payment of bill {bill} is unknown ({reason}). It may or may not have been charged; it will never be charged twice. Its key {key} is kept in the payment journal.',
    fr: 'le résultat du paiement de la facture {bill} est inconnu ({reason}). Il a peut-être été porté, ou non ; il ne le sera jamais deux fois. Sa clé {key} est conservée dans le journal des paiements.',
  },
  'payment.interrupted': {
    en: 'the outcome of payment {key} (bill {bill}) is not known yet: espace was stopped while the payment was with the server. It may or may not have been charged; it will never be charged twice. Its key is kept in the payment journal.',
    fr: 'le résultat du paiement {key} (facture {bill}) n’est pas encore connu : espace a été arrêté pendant que le paiement était chez le serveur. Il a peut-être été porté, ou non ; il ne le sera jamais deux fois. Sa clé est conservée dans le journal des paiements.',
  },
  'payment.interruptedAgain': {
    en: 'The outcome of payment {key} is not known yet; espace is stopping and keeps its key. Run `espace payment reconcile` to settle it (it never charges twice).',
    fr: 'Le résultat du paiement {key} n’est pas encore connu ; espace s’arrête et conserve sa clé. Lancez `espace payment reconcile` pour le régler (jamais de double paiement).',
  },
  'payment.lockTimeout': {
    en: 'another espace payment (process {pid} on {host}) has held the payment journal for too long. If no espace command is running there, remove {path} and try again.',
    fr: 'un autre paiement espace (processus {pid} sur {host}) retient le journal des paiements depuis trop longtemps. Si aucune commande espace n’y tourne, supprimez {path} et réessayez.',
  },
  'payment.hintReconcile': {
    en: 'run `espace payment reconcile` to settle it with the server (it never charges twice).',
    fr: 'lancez `espace payment reconcile` pour le régler avec le serveur (jamais de double paiement).',
  },
  'payment.pendingWarning': {
    en: 'Warning: {count} earlier payment(s) have an unknown outcome (journal: {dir}); run `espace payment reconcile`.',
    fr: 'Attention : {count} paiement(s) antérieur(s) ont un résultat inconnu (journal : {dir}) ; lancez `espace payment reconcile`.',
  },
  'payment.description': {
    en: 'payment history, and settling payments whose outcome is unknown',
    fr: 'historique des paiements, et règlement des paiements au résultat inconnu',
  },
  'payment.list.description': {
    en: 'list payments, most recent first (id, date, amount, method, channel, bills, status)',
    fr: 'lister les paiements, les plus récents d’abord (identifiant, date, montant, mode, canal, factures, état)',
  },
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
    fr: 'régler avec le serveur chaque paiement au résultat inconnu (jamais de double paiement ; code de sortie 5 tant qu’il en reste)',
  },
  'payment.reconcile.none': { en: 'No payment with an unknown outcome.', fr: 'Aucun paiement au résultat inconnu.' },
  'payment.reconcile.unreadable': {
    en: 'Warning: the journal entry {path} cannot be read; check it by hand before deleting it.',
    fr: 'Attention : l’entrée de journal {path} est illisible ; vérifiez-la à la main avant de la supprimer.',
  },
  'payment.reconcile.charged': { en: '{key}\tbill {bill}\t{amount}\tcharged: payment {id}', fr: '{key}\\tfacture {bill}\\t{amount}\\tporté : paiement {id}' },
  'payment.reconcile.chargedNow': {
    en: '{key}\tbill {bill}\t{amount}\tcharged now (it had not reached the server): payment {id}',
    fr: '{key}\\tfacture {bill}\\t{amount}\\tporté maintenant (il n’avait pas atteint le serveur) : paiement {id}',
  },
  'payment.reconcile.notCharged': { en: '{key}\tbill {bill}\t{amount}\tnot charged: {reason}', fr: '{key}\\tfacture {bill}\\t{amount}\\tnon porté : {reason}' },
  'payment.reconcile.stillUnknown': {
    en: '{key}\tbill {bill}\t{amount}\tstill unknown: {reason}',
    fr: '{key}\\tfacture {bill}\\t{amount}\\ttoujours inconnu : {reason}',
  },
  'payment.reconcile.mismatch': {
    en: 'the server lists payment {id} under this key, but for {amount} on bill(s) {bills}, not what the journal holds; nothing was sent, check with the operator',
    fr: 'le serveur liste le paiement {id} sous cette clé, mais de {amount} sur la ou les factures {bills}, pas ce que contient le journal ; rien n’a été envoyé, vérifiez auprès de l’opérateur',
  },
  'payment.reconcile.searchIncomplete': {
    en: 'the server’s payment list had not ended after {pages} pages, so it cannot tell whether this key was charged; nothing was sent',
    fr: 'la liste des paiements du serveur n’était pas terminée après {pages} pages : impossible de savoir si cette clé a été portée ; rien n’a été envoyé',
  },
  'payment.reconcile.otherServer': {
    en: '{key}\tbill {bill}\t{amount}\tsent to another server ({url}): reconcile with --api-url {url}',
    fr: '{key}\\tfacture {bill}\\t{amount}\\tenvoyé à un autre serveur ({url}) : réglez-le avec --api-url {url}',
  },
  'payment.reconcile.incomplete': {
    en: '{count} payment(s) still have an unknown outcome; run `espace payment reconcile` again later.',
    fr: '{count} paiement(s) ont toujours un résultat inconnu ; relancez `espace payment reconcile` plus tard.',
  },

  'paymentMethod.description': {
    en: 'saved cards and bank accounts (pre-authorized debit)',
    fr: 'cartes et comptes bancaires enregistrés (débit préautorisé)',
  },
  'paymentMethod.list.description': {
    en: 'list saved payment methods (* marks the default)',
    fr: 'lister les modes de paiement enregistrés (* marque celui par défaut)',
  },
  'paymentMethod.list.empty': { en: 'No payment method on file for account {account}.', fr: 'Aucun mode de paiement enregistré pour le compte {account}.' },
  'paymentMethod.column.name': { en: 'Name', fr: 'Nom' },
  'paymentMethod.column.kind': { en: 'Kind', fr: 'Type' },
  'paymentMethod.column.expiry': { en: 'Expires', fr: 'Expiration' },
  'paymentMethod.column.default': { en: 'Default', fr: 'Par défaut' },
  'paymentMethod.kind.card': { en: 'card', fr: 'carte' },
  'paymentMethod.kind.bankAccount': { en: 'bank account (PAD)', fr: 'compte bancaire (DPA)' },
  'paymentMethod.add.description': {
    en: 'save a card (number, expiry, CVV asked masked, or one per line on stdin) or, with --bank, a bank account for pre-authorized debit',
    fr: 'enregistrer une carte (numéro, expiration, CVV demandés masqués, ou un par ligne sur stdin) ou, avec --bank, un compte bancaire pour le débit préautorisé',
  },
  'paymentMethod.add.option.bank': {
    en: 'a Canadian bank account: institution (3 digits), transit (5), account (7–12)',
    fr: 'un compte bancaire canadien : institution (3 chiffres), transit (5), compte (7 à 12)',
  },
  'paymentMethod.add.option.default': { en: 'make it the account’s default payment method', fr: 'en faire le mode de paiement par défaut du compte' },
  'paymentMethod.ask.cardNumber': { en: 'Card number', fr: 'Numéro de carte' },
  'paymentMethod.ask.expiry': { en: 'Expiry (MM/YY)', fr: 'Expiration (MM/AA)' },
  'paymentMethod.ask.cvv': { en: 'Security code (CVV)', fr: 'Code de sécurité (CVV)' },
  'paymentMethod.ask.institution': { en: 'Institution number (3 digits)', fr: 'Numéro d’institution (3 chiffres)' },
  'paymentMethod.ask.transit': { en: 'Transit number (5 digits)', fr: 'Numéro de transit (5 chiffres)' },
  'paymentMethod.ask.account': { en: 'Account number (7 to 12 digits)', fr: 'Numéro de compte (7 à 12 chiffres)' },
  'paymentMethod.stdinShort': {
    en: 'expected {expected} lines on stdin (card: number, expiry, CVV; --bank: institution, transit, account).',
    fr: '{expected} lignes attendues sur stdin (carte : numéro, expiration, CVV ; --bank : institution, transit, compte).',
  },
  'paymentMethod.badCardNumber': {
    en: 'that is not a valid card number (12 to 19 digits with a correct check digit).',
    fr: 'ce n’est pas un numéro de carte valide (12 à 19 chiffres, chiffre de contrôle correct).',
  },
  'paymentMethod.badExpiry': { en: 'the expiry must be MM/YY and not in the past.', fr: 'l’expiration doit être au format MM/AA et non passée.' },
  'paymentMethod.badCvv': { en: 'the security code must be 3 or 4 digits.', fr: 'le code de sécurité doit compter 3 ou 4 chiffres.' },
  'paymentMethod.badInstitution': { en: 'the institution number must be 3 digits.', fr: 'le numéro d’institution doit compter 3 chiffres.' },
  'paymentMethod.badTransit': { en: 'the transit number must be 5 digits.', fr: 'le numéro de transit doit compter 5 chiffres.' },
  'paymentMethod.badAccount': { en: 'the account number must be 7 to 12 digits.', fr: 'le numéro de compte doit compter de 7 à 12 chiffres.' },
  'paymentMethod.unknownCardBrand': {
    en: 'that card number is not of a network accepted here ({brands}).',
    fr: 'ce numéro de carte n’est pas d’un réseau accepté ici ({brands}).',
  },
  'paymentMethod.badCardLength': {
    en: 'a {brand} card number has {lengths} digits: check that none is missing or extra.',
    fr: 'un numéro de carte {brand} compte {lengths} chiffres : vérifiez qu’il n’en manque ni n’en dépasse aucun.',
  },
  'paymentMethod.added': { en: 'Saved {name} as {id}.', fr: '{name} enregistré sous {id}.' },
  'paymentMethod.remove.description': {
    en: 'remove a saved payment method (not the default one)',
    fr: 'supprimer un mode de paiement enregistré (pas celui par défaut)',
  },
  'paymentMethod.remove.argument': { en: 'payment method id', fr: 'identifiant du mode de paiement' },
  'paymentMethod.remove.option.yes': { en: 'do not ask for confirmation', fr: 'ne pas demander de confirmation' },
  'paymentMethod.removeNeedsYes': {
    en: 'removing a payment method needs confirmation and there is no terminal to ask: pass --yes.',
    fr: 'supprimer un mode de paiement doit être confirmé et aucun terminal ne permet de le demander : passez --yes.',
  },
  'paymentMethod.confirmRemove': { en: 'Remove payment method {id}?', fr: 'Supprimer le mode de paiement {id} ?' },
  'paymentMethod.removed': { en: 'Removed payment method {id}.', fr: 'Mode de paiement {id} supprimé.' },

  'autopay.description': {
    en: 'pre-authorized payment: bills paid automatically on their due date',
    fr: 'paiement préautorisé : factures payées automatiquement à leur échéance',
  },
  'autopay.status.description': {
    en: 'show whether autopay is on, and with which method',
    fr: 'afficher si le paiement préautorisé est actif, et avec quel mode',
  },
  'autopay.enable.description': {
    en: 'turn autopay on (the agreement’s terms are shown and must be accepted)',
    fr: 'activer le paiement préautorisé (les conditions de l’entente sont affichées et doivent être acceptées)',
  },
  'autopay.enable.option.method': {
    en: 'card or bank account on file to use (default: the default method)',
    fr: 'carte ou compte bancaire enregistré à utiliser (par défaut : le mode par défaut)',
  },
  'autopay.enable.option.acceptTerms': {
    en: 'accept the pre-authorized payment agreement without a prompt (scripts)',
    fr: 'accepter l’entente de paiement préautorisé sans question (scripts)',
  },
  'autopay.disable.description': { en: 'turn autopay off', fr: 'désactiver le paiement préautorisé' },
  'autopay.noMethod': { en: 'no default payment method', fr: 'aucun mode de paiement par défaut' },
  'autopay.statusOn': {
    en: 'Autopay is on for account {account}: each bill is paid on its due date with {method} (agreement accepted {date}).',
    fr: 'Le paiement préautorisé est actif pour le compte {account} : chaque facture est payée à son échéance avec {method} (entente acceptée le {date}).',
  },
  'autopay.statusOff': {
    en: 'Autopay is off for account {account} (default payment method: {method}).',
    fr: 'Le paiement préautorisé est inactif pour le compte {account} (mode de paiement par défaut : {method}).',
  },
  'autopay.noUsableMethod': {
    en: "account {account} has no card or bank account on file to use ('{method}'; on file: {known}); add one with espace payment-method add.",
    fr: 'le compte {account} n’a aucune carte ni aucun compte bancaire utilisable (« {method} » ; enregistrés : {known}) ; ajoutez-en un avec espace payment-method add.',
  },
  'autopay.terms': {
    en: 'Pre-authorized payment agreement (account {account}): you authorize the operator to charge {method}, on each bill’s due date, the full amount of that bill, until you cancel. You will receive each bill at least 10 days before it is charged. You may cancel at any time, up to 3 business days before a due date, with espace autopay disable. You have rights of recourse if a debit does not comply with this agreement (Payments Canada Rule H1).',
    fr: 'Entente de paiement préautorisé (compte {account}) : vous autorisez l’opérateur à porter à {method}, à l’échéance de chaque facture, le montant total de cette facture, jusqu’à votre annulation. Vous recevrez chaque facture au moins 10 jours avant le prélèvement. Vous pouvez annuler en tout temps, jusqu’à 3 jours ouvrables avant une échéance, avec espace autopay disable. Vous disposez de droits de recours si un débit n’est pas conforme à cette entente (règle H1 de Paiements Canada).',
  },
  'autopay.confirmTerms': { en: 'Do you accept these terms?', fr: 'Acceptez-vous ces conditions ?' },
  'autopay.needsAcceptTerms': {
    en: 'autopay needs the agreement accepted and there is no terminal to ask: pass --accept-terms.',
    fr: 'le paiement préautorisé exige l’acceptation de l’entente et aucun terminal ne permet de la demander : passez --accept-terms.',
  },
  'autopay.enabled': {
    en: 'Autopay is on for account {account}: bills will be paid on their due date with {method}.',
    fr: 'Paiement préautorisé activé pour le compte {account} : les factures seront payées à leur échéance avec {method}.',
  },
  'autopay.disabled': { en: 'Autopay is off for account {account}.', fr: 'Paiement préautorisé désactivé pour le compte {account}.' },
  'payment.answerNotThisPayment': {
    en: 'the server answered with a payment whose {field} is not this payment’s ({value})',
    fr: 'le serveur a répondu par un paiement dont le champ {field} n’est pas celui de ce paiement ({value})',
  },
  'autopay.lastDebitPaid': { en: 'Last debit: {amount} on {date} for bill {bill}.', fr: 'Dernier prélèvement : {amount} le {date} pour la facture {bill}.' },
  'autopay.lastDebitDeclined': {
    en: 'Last debit declined on {date}: {amount} for bill {bill} was not paid ({reason}); the bill is still due.',
    fr: 'Dernier prélèvement refusé le {date} : {amount} pour la facture {bill} n’a pas été payé ({reason}) ; la facture reste à payer.',
  },
} satisfies MessageTable;
