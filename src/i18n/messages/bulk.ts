import type { MessageTable } from '../catalog.js';

/** Bulk lookups (`--accounts-from`), `account show`, `smoke` and `sandbox seed`. */
export const bulkMessages = {
  'bulk.option.accountsFrom': {
    en: 'look up every account listed in FILE (- for stdin): one per line, or CSV with an "account" column; one NDJSON record per account',
    fr: 'consulter chaque compte listé dans FICHIER (- pour l’entrée standard) : un par ligne, ou CSV avec une colonne « account » ; un enregistrement NDJSON par compte',
  },
  'bulk.option.format': { en: 'bulk output: ndjson (default) or csv', fr: 'sortie en lot : ndjson (par défaut) ou csv' },
  'bulk.option.fields': {
    en: 'CSV columns, comma-separated dotted paths (e.g. account,ok,data.totalDue.amount,error.code)',
    fr: 'colonnes CSV, chemins pointés séparés par des virgules (p. ex. account,ok,data.totalDue.amount,error.code)',
  },
  'bulk.option.ordered': {
    en: 'write records in input order (default: as they complete, which is faster)',
    fr: 'écrire les enregistrements dans l’ordre de la liste (par défaut : à mesure qu’ils arrivent, plus rapide)',
  },
  'bulk.option.concurrency': {
    en: 'lookups in flight at once (default {default}; {batches} batches for commands that read accounts in batches)',
    fr: 'consultations simultanées (par défaut {default} ; {batches} lots pour les commandes qui lisent les comptes par lots)',
  },
  'bulk.option.batchSize': {
    en: 'accounts read per request where the command can batch them (every bulk command; default {default}, at most {max}; 1 reads one account at a time)',
    fr: 'comptes lus par requête quand la commande peut les regrouper (toutes les commandes en lot ; par défaut {default}, au plus {max} ; 1 lit un compte à la fois)',
  },
  'bulk.option.rps': {
    en: 'at most this many requests per second, all workers together',
    fr: 'au plus ce nombre de requêtes par seconde, tous travailleurs confondus',
  },
  'bulk.option.resume': {
    en: 'continue an interrupted run: skip the accounts its journal says are done',
    fr: 'reprendre une exécution interrompue : sauter les comptes que son journal dit terminés',
  },
  'bulk.option.journal': {
    en: 'journal of the run (default: one per command, options and list, in the configuration directory)',
    fr: 'journal de l’exécution (par défaut : un par commande, options et liste, dans le répertoire de configuration)',
  },
  'bulk.option.shard': {
    en: 'look up only shard K of N (e.g. 2/4), split by a stable hash of the account id; job/N takes K from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX + 1)',
    fr: 'ne consulter que la tranche K sur N (p. ex. 2/4), répartie selon un hachage stable du numéro de compte ; job/N prend K d’un Job indexé Kubernetes (JOB_COMPLETION_INDEX + 1)',
  },
  'bulk.option.retryFailed': {
    en: 'resume a run and look up again the accounts its journal holds as failed',
    fr: 'reprendre une exécution et consulter de nouveau les comptes que son journal indique en échec',
  },
  'bulk.shard.badCompletionIndex': {
    en: '--shard {value} reads {variable}, which must be a whole number from 0 to {count} − 1 (as a Kubernetes Indexed Job with {count} completions sets it), got "{index}". Give K/N instead outside such a job.',
    fr: '--shard {value} lit {variable}, qui doit être un nombre entier de 0 à {count} − 1 (comme le définit un Job indexé Kubernetes de {count} complétions), reçu « {index} ». Hors d’un tel job, donnez plutôt K/N.',
  },
  'bulk.hintRetryFailed': {
    en: 'Run the same command with --retry-failed to look up only the failed accounts again (journal {journal}).',
    fr: 'Relancez la même commande avec --retry-failed pour consulter de nouveau seulement les comptes en échec (journal {journal}).',
  },
  'bulk.retrying': {
    en: 'Retrying {failed} failed accounts; {done} already done, {left} to go in all (journal {journal}).',
    fr: 'Nouvel essai des comptes en échec ({failed}) ; {done} déjà faits, {left} à faire en tout (journal {journal}).',
  },
  'bulk.input.noAccountColumn': {
    en: 'the list looks like CSV but no column of its header names the account ("{header}"); name one "account".',
    fr: 'la liste ressemble à un CSV mais aucune colonne de l’en-tête ne désigne le compte (« {header} ») ; nommez-en une « account ».',
  },
  'bulk.input.lineTooLong': {
    en: 'line {line} of {source} is longer than {max} bytes: an account list holds one id (or one CSV row) per line. Nothing was sent.',
    fr: 'la ligne {line} de {source} dépasse {max} octets : une liste de comptes contient un identifiant (ou une ligne CSV) par ligne. Rien n’a été envoyé.',
  },
  'bulk.input.controlCharacter': {
    en: 'line {line} of {source} holds a control character ({character}), which no account id contains. Fix or remove that line; nothing was sent.',
    fr: 'la ligne {line} de {source} contient un caractère de contrôle ({character}), ce qu’aucun identifiant de compte ne contient. Corrigez ou retirez cette ligne ; rien n’a été envoyé.',
  },
  'bulk.input.notUtf8': {
    en: 'line {line} of {source} is not valid UTF-8 text. Save the list as UTF-8; nothing was sent.',
    fr: 'la ligne {line} de {source} n’est pas du texte UTF-8 valide. Enregistrez la liste en UTF-8 ; rien n’a été envoyé.',
  },
  'bulk.input.unreadable': { en: 'cannot read the account list {file} ({reason}).', fr: 'impossible de lire la liste de comptes {file} ({reason}).' },
  'bulk.shard.invalid': {
    en: '--shard expects K/N with 1 ≤ K ≤ N (e.g. 2/4), got "{value}".',
    fr: '--shard attend K/N avec 1 ≤ K ≤ N (p. ex. 2/4), reçu « {value} ».',
  },
  'bulk.needsAccountsFrom': {
    en: '{flag} applies to bulk runs only: add --accounts-from FILE.',
    fr: '{flag} ne s’applique qu’aux exécutions en lot : ajoutez --accounts-from FICHIER.',
  },
  'bulk.accountAndList': {
    en: '--account and --accounts-from cannot be combined: list the account in the file instead.',
    fr: '--account et --accounts-from ne peuvent pas être combinés : mettez plutôt le compte dans le fichier.',
  },
  'bulk.fieldsNeedCsv': { en: '--fields chooses CSV columns: add --format csv.', fr: '--fields choisit les colonnes CSV : ajoutez --format csv.' },
  'bulk.billShowLatestOnly': {
    en: 'a bill id ({bill}) belongs to one account: with --accounts-from, show "latest" (the default).',
    fr: 'un numéro de facture ({bill}) appartient à un seul compte : avec --accounts-from, affichez « latest » (par défaut).',
  },
  'bulk.notAcrossAccounts': {
    en: '{flag} names something that belongs to one account: leave it out with --accounts-from.',
    fr: '{flag} désigne un élément qui appartient à un seul compte : omettez-le avec --accounts-from.',
  },
  'bulk.progress': {
    en: '{bar} {done}/{total} · {failed} failed · {rate}/s · {eta} left',
    fr: '{bar} {done}/{total} · {failed} en échec · {rate}/s · reste {eta}',
  },
  'bulk.notAJournal': {
    en: '--journal {file} exists and is not a journal of espace: it was left untouched. Name a new file, or the journal of an earlier run.',
    fr: '--journal {file} existe et n’est pas un journal d’espace : il n’a pas été modifié. Nommez un nouveau fichier, ou le journal d’une exécution antérieure.',
  },
  'bulk.resuming': {
    en: 'Resuming: {done} accounts already done, {left} to go (journal {journal}).',
    fr: 'Reprise : {done} comptes déjà faits, {left} à faire (journal {journal}).',
  },
  'bulk.stopping': {
    en: 'Stopping: writing the lookups in flight, then exiting (the journal keeps the place).',
    fr: 'Arrêt : écriture des consultations en cours, puis sortie (le journal garde la position).',
  },
  'bulk.summary': {
    en: '{total} accounts: {ok} ok, {failed} failed, {skipped} already done, {left} not looked up; {seconds} s ({rate}/s).',
    fr: '{total} comptes : {ok} réussis, {failed} en échec, {skipped} déjà faits, {left} non consultés ; {seconds} s ({rate}/s).',
  },
  'bulk.duplicates': {
    en: '{count} duplicate lines in the list were looked up once.',
    fr: '{count} lignes en double dans la liste ont été consultées une seule fois.',
  },
  'bulk.partial': {
    en: '{failed} of {total} accounts failed; their records have "ok": false.',
    fr: '{failed} comptes sur {total} en échec ; leurs enregistrements portent "ok": false.',
  },
  'bulk.circuitOpen': {
    en: 'stopped: the server failed {count} lookups in a row (last: {reason}).',
    fr: 'arrêt : le serveur a fait échouer {count} consultations de suite (dernière : {reason}).',
  },
  'bulk.hintResume': {
    en: 'Run the same command with --resume to continue where it stopped (journal {journal}).',
    fr: 'Relancez la même commande avec --resume pour reprendre où elle s’est arrêtée (journal {journal}).',
  },
  'account.description': { en: 'billing accounts at a glance', fr: 'les comptes de facturation en un coup d’œil' },
  'account.show.description': {
    en: 'one line about an account: holder, services, balance, last bill, autopay, open tickets',
    fr: 'une ligne sur un compte : titulaire, services, solde, dernière facture, paiement automatique, billets ouverts',
  },
  'account.show.line': {
    en: '{account} · {holder} · {services} · balance {balance} · last bill {lastBill} · {autopay} · open tickets {openTickets}',
    fr: '{account} · {holder} · {services} · solde {balance} · dernière facture {lastBill} · {autopay} · billets ouverts {openTickets}',
  },
  'account.show.autopayOn': { en: 'autopay on', fr: 'paiement automatique activé' },
  'account.show.autopayOff': { en: 'autopay off', fr: 'paiement automatique désactivé' },
  'account.show.lastBill': { en: '{date}, {total}', fr: '{date}, {total}' },
  'account.show.none': { en: 'none', fr: 'aucun' },
  'smoke.description': {
    en: 'smoke-test an API for CI: a read-only journey, each step timed (credentials from the environment only)',
    fr: 'test de fumée d’une API pour l’IC : un parcours en lecture seule, chaque étape chronométrée (identifiants de l’environnement seulement)',
  },
  'smoke.option.junit': { en: 'also write the report as JUnit XML to FILE', fr: 'écrire aussi le rapport en XML JUnit dans FICHIER' },
  'smoke.option.write': {
    en: 'add the reversible write journey: open a ticket, then withdraw it (needs ESPACE_TOKEN of a staging account meant for it)',
    fr: 'ajouter le parcours d’écriture réversible : ouvrir un billet, puis le retirer (exige ESPACE_TOKEN d’un compte de préproduction prévu à cet effet)',
  },
  'smoke.option.account': {
    en: 'account to read (default: the first the credentials can see)',
    fr: 'compte à lire (par défaut : le premier visible avec ces identifiants)',
  },
  'smoke.noCredentials': {
    en: 'smoke needs credentials in the environment: ESPACE_TOKEN, or ESPACE_CLIENT_ID and ESPACE_CLIENT_SECRET (it never prompts nor reads the keychain).',
    fr: 'smoke a besoin d’identifiants dans l’environnement : ESPACE_TOKEN, ou ESPACE_CLIENT_ID et ESPACE_CLIENT_SECRET (il ne demande rien et ne lit pas le trousseau).',
  },
  'smoke.writeNeedsToken': {
    en: '--write opens and closes a ticket as a customer, and client credentials are read-only: set ESPACE_TOKEN to a token of the staging account meant for it.',
    fr: '--write ouvre et ferme un billet en tant que client, et les identifiants client sont en lecture seule : mettez dans ESPACE_TOKEN un jeton du compte de préproduction prévu à cet effet.',
  },
  'smoke.failed': { en: 'smoke test failed at: {steps} ({reason})', fr: 'test de fumée en échec à : {steps} ({reason})' },
  'smoke.column.step': { en: 'Step', fr: 'Étape' },
  'smoke.column.status': { en: 'Status', fr: 'État' },
  'smoke.column.ms': { en: 'ms', fr: 'ms' },
  'smoke.column.detail': { en: 'Detail', fr: 'Détail' },
  'smoke.status.passed': { en: 'passed', fr: 'réussie' },
  'smoke.status.failed': { en: 'FAILED', fr: 'ÉCHEC' },
  'smoke.status.skipped': { en: 'skipped', fr: 'sautée' },
  'sandbox.seed.description': {
    en: 'reseed the sandbox with N generated accounts besides the demo customers (for bulk runs and benchmarks)',
    fr: 'réensemencer le bac à sable avec N comptes générés en plus des clients de démonstration (pour les lots et les bancs d’essai)',
  },
  'sandbox.seed.option.accounts': { en: 'how many generated accounts (BA-100001, BA-100002, …)', fr: 'combien de comptes générés (BA-100001, BA-100002, …)' },
  'sandbox.seeded': {
    en: 'Sandbox seeded with {accounts} generated accounts in {seconds} s ({data}).',
    fr: 'Bac à sable ensemencé avec {accounts} comptes générés en {seconds} s ({data}).',
  },
} satisfies MessageTable;
