import type { MessageTable } from '../catalog.js';

/** `bill download`, `bill diff` and `bill explain`: the bill document and what changed between two bills. */
export const billExplainMessages = {
  'bill.download.description': {
    en: 'save a bill as a PDF (atomically; never overwrites a file without --force)',
    fr: 'enregistrer une facture en PDF (de façon atomique ; n’écrase jamais un fichier sans --force)',
  },
  'bill.download.option.output': {
    en: "file (or directory) to write to (default facture-<number>.pdf or bill-<number>.pdf in the current directory); '-' for stdout",
    fr: 'fichier (ou dossier) où écrire (par défaut facture-<numéro>.pdf ou bill-<numéro>.pdf dans le dossier courant) ; « - » pour la sortie standard',
  },
  'bill.download.option.force': { en: 'overwrite the file if it exists', fr: 'écraser le fichier s’il existe' },
  'bill.download.fileStem': { en: 'bill', fr: 'facture' },
  'bill.download.saved': { en: 'Saved bill {number} to {path} ({size} bytes).', fr: 'Facture {number} enregistrée dans {path} ({size} octets).' },
  'bill.download.exists': {
    en: 'the file {path} already exists; add --force to overwrite it, or choose another name with -o.',
    fr: 'le fichier {path} existe déjà ; ajoutez --force pour l’écraser, ou choisissez un autre nom avec -o.',
  },
  'bill.download.stdoutIsTerminal': {
    en: 'refusing to write a PDF to a terminal; redirect the output (-o - > bill.pdf) or give a file name with -o.',
    fr: 'refus d’écrire un PDF dans un terminal ; redirigez la sortie (-o - > facture.pdf) ou donnez un nom de fichier avec -o.',
  },
  'bill.download.writeFailed': {
    en: 'could not write {path}: {reason}. Check that the directory exists and that you may write in it.',
    fr: 'impossible d’écrire {path} : {reason}. Vérifiez que le dossier existe et que vous pouvez y écrire.',
  },
  'bill.download.noDocument': {
    en: 'the server offers no PDF for bill {bill}. Use `espace bill show {bill}` to read it.',
    fr: 'le serveur n’offre aucun PDF pour la facture {bill}. Utilisez `espace bill show {bill}` pour la consulter.',
  },
  'bill.download.foreignDocument': {
    en: 'the PDF of bill {bill} is served from another site ({url}); espace only sends your credentials to the API it is connected to.',
    fr: 'le PDF de la facture {bill} est servi par un autre site ({url}) ; espace n’envoie vos identifiants qu’à l’API à laquelle il est connecté.',
  },
  'bill.download.notPdf': {
    en: 'the server answered with {type} instead of a PDF for bill {bill}; nothing was written.',
    fr: 'le serveur a répondu {type} au lieu d’un PDF pour la facture {bill} ; rien n’a été écrit.',
  },

  'bill.diff.description': {
    en: 'compare two bills section by section (default: the latest with the one before it)',
    fr: 'comparer deux factures section par section (par défaut : la plus récente et la précédente)',
  },
  'bill.diff.argument.first': { en: "a bill id, or 'latest' (default)", fr: 'un identifiant de facture, ou « latest » (par défaut)' },
  'bill.diff.argument.second': {
    en: 'the bill to compare it with (default: the one before it)',
    fr: 'la facture à laquelle la comparer (par défaut : la précédente)',
  },
  'bill.explain.description': {
    en: 'explain in plain words why a bill differs from the one before it',
    fr: 'expliquer simplement pourquoi une facture diffère de la précédente',
  },
  'bill.explain.argument': { en: "bill id, or 'latest' (default)", fr: 'identifiant de facture, ou « latest » (par défaut)' },
  'bill.diff.noPrevious': {
    en: 'bill {bill} is the first bill of account {account}: there is no earlier bill to compare it with.',
    fr: 'la facture {bill} est la première du compte {account} : il n’y a aucune facture antérieure à laquelle la comparer.',
  },
  'bill.diff.sameBill': { en: 'name two different bills to compare.', fr: 'nommez deux factures différentes à comparer.' },
  'bill.diff.otherAccount': {
    en: 'bills {first} and {second} belong to different accounts; compare bills of one account.',
    fr: 'les factures {first} et {second} appartiennent à des comptes différents ; comparez des factures d’un même compte.',
  },
  'bill.diff.heading': { en: 'Bill {after} compared with bill {before}', fr: 'Facture {after} comparée à la facture {before}' },
  'bill.diff.totals': { en: 'Total due: {before} → {after} ({change})', fr: 'Total à payer : {before} → {after} ({change})' },
  'bill.diff.noChange': {
    en: 'Nothing changed: the two bills have the same charges and the same total.',
    fr: 'Rien n’a changé : les deux factures ont les mêmes frais et le même total.',
  },
  'bill.diff.reconciled': {
    en: 'These changes account for the whole difference of {change}.',
    fr: 'Ces changements expliquent toute la différence de {change}.',
  },
  'bill.diff.unreconciled': {
    en: 'These changes account for {explained} of the difference of {change}; {other} remains unexplained (shown as “other”).',
    fr: 'Ces changements expliquent {explained} de la différence de {change} ; {other} reste inexpliqué (indiqué comme « autre »).',
  },
  'bill.diff.column.section': { en: 'Section', fr: 'Section' },
  'bill.diff.column.item': { en: 'Item', fr: 'Élément' },
  'bill.diff.column.before': { en: 'Before', fr: 'Avant' },
  'bill.diff.column.after': { en: 'After', fr: 'Après' },
  'bill.diff.column.change': { en: 'Change', fr: 'Écart' },
  'bill.diff.section.other': { en: 'Other', fr: 'Autre' },
  'bill.diff.payments': { en: 'Payments received', fr: 'Paiements reçus' },

  // One sentence per kind of change. {name}: the item; {before}/{after}: its amount on each bill.
  'bill.change.serviceAdded': { en: 'New service {name}: {after}.', fr: 'Nouveau service {name} : {after}.' },
  'bill.change.serviceRemoved': { en: '{name} is no longer billed (it was {before}).', fr: '{name} n’est plus facturé (c’était {before}).' },
  'bill.change.planChanged': {
    en: 'Plan changed from {previousName} to {name}: {before} → {after}.',
    fr: 'Forfait changé : {previousName} → {name} ({before} → {after}).',
  },
  'bill.change.priceChanged': { en: 'The price of {name} went from {before} to {after}.', fr: 'Le prix de « {name} » est passé de {before} à {after}.' },
  'bill.change.addOnAdded': { en: 'New add-on {name}: {after} a month.', fr: 'Nouvelle option {name} : {after} par mois.' },
  'bill.change.addOnRemoved': { en: 'Add-on {name} removed (it was {before} a month).', fr: 'Option {name} retirée (elle coûtait {before} par mois).' },
  'bill.change.promotionStarted': { en: 'A promotion started: {name}, a credit of {after}.', fr: 'Une promotion a commencé : {name}, un crédit de {after}.' },
  'bill.change.promotionEnded': {
    en: 'A promotion ended: {name} (a credit of {before}) no longer applies.',
    fr: 'Une promotion a pris fin : {name} (un crédit de {before}) ne s’applique plus.',
  },
  'bill.change.promotionChanged': { en: 'The promotion {name} went from {before} to {after}.', fr: 'La promotion {name} est passée de {before} à {after}.' },
  'bill.change.usageAdded': { en: 'Usage beyond your plan: {name}, {after}.', fr: 'Utilisation au-delà de votre forfait : {name}, {after}.' },
  'bill.change.usageRemoved': {
    en: 'No usage charge for {name} this time (it was {before}).',
    fr: 'Aucuns frais d’utilisation pour {name} cette fois-ci (c’était {before}).',
  },
  'bill.change.usageChanged': {
    en: 'Usage charges for {name} went from {before} to {after}.',
    fr: 'Les frais d’utilisation pour {name} sont passés de {before} à {after}.',
  },
  'bill.change.oneTimeAdded': { en: 'One-time charge: {name}, {after}.', fr: 'Frais ponctuels : {name}, {after}.' },
  'bill.change.oneTimeRemoved': {
    en: 'The one-time charge {name} on the previous bill does not repeat ({before}).',
    fr: 'Les frais ponctuels {name} de la facture précédente ne se répètent pas ({before}).',
  },
  'bill.change.oneTimeChanged': {
    en: 'One-time charges for {name} went from {before} to {after}.',
    fr: 'Les frais ponctuels {name} sont passés de {before} à {after}.',
  },
  'bill.change.prorationCredit': {
    en: 'Prorated plan change: a credit of {after} for the unused part of the old plan ({name}).',
    fr: 'Changement de forfait au prorata : un crédit de {after} pour la partie inutilisée de l’ancien forfait ({name}).',
  },
  'bill.change.prorationCharge': {
    en: 'Prorated plan change: {after} for the rest of the billing period on the new plan ({name}).',
    fr: 'Changement de forfait au prorata : {after} pour le reste de la période de facturation avec le nouveau forfait ({name}).',
  },
  'bill.change.prorationEnded': {
    en: 'The prorated plan change adjustment on the previous bill ({name}, {before}) does not repeat.',
    fr: 'L’ajustement au prorata du changement de forfait de la facture précédente ({name}, {before}) ne se répète pas.',
  },
  'bill.change.feeAdded': { en: 'New fee {name}: {after}.', fr: 'Nouveaux frais {name} : {after}.' },
  'bill.change.feeRemoved': { en: 'The fee {name} is no longer charged (it was {before}).', fr: 'Les frais {name} ne sont plus facturés (c’était {before}).' },
  'bill.change.lateFeeAdded': {
    en: 'Late-payment fee: {after} ({name}) on the unpaid balance carried forward.',
    fr: 'Frais de retard : {after} ({name}) sur le solde impayé reporté.',
  },
  'bill.change.lateFeeRemoved': { en: 'No late-payment fee this time (it was {before}).', fr: 'Aucuns frais de retard cette fois-ci (c’était {before}).' },
  'bill.change.lateFeeChanged': {
    en: 'The late-payment fee went from {before} to {after}, with the unpaid balance carried forward.',
    fr: 'Les frais de retard sont passés de {before} à {after}, selon le solde impayé reporté.',
  },
  'bill.change.taxChanged': {
    en: '{name} went from {before} to {after}, because the taxable charges changed.',
    fr: 'La {name} est passée de {before} à {after}, parce que les frais taxables ont changé.',
  },
  'bill.change.taxRateChanged': {
    en: 'The {name} rate changed from {rateBefore} to {rateAfter}: {before} → {after}.',
    fr: 'Le taux de la taxe {name} est passé de {rateBefore} à {rateAfter} : {before} → {after}.',
  },
  'bill.change.previousBalance': {
    en: 'The previous balance (the total of the bill before) went from {before} to {after}.',
    fr: 'Le solde précédent (le total de la facture d’avant) est passé de {before} à {after}.',
  },
  'bill.change.paymentsReceived': {
    en: 'Payments received since the bill before: {after}, against {before} last time.',
    fr: 'Paiements reçus depuis la facture d’avant : {after}, contre {before} la fois précédente.',
  },
  'bill.change.balanceForward': {
    en: 'The balance carried forward went from {before} to {after}.',
    fr: 'Le solde reporté est passé de {before} à {after}.',
  },
  'bill.change.other': {
    en: 'Other differences the line items do not explain: {after}.',
    fr: 'Autres écarts que les lignes de la facture n’expliquent pas : {after}.',
  },
} satisfies MessageTable;
