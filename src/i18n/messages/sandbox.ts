import type { MessageTable } from '../catalog.js';

/** The embedded sandbox's commands. */
export const sandboxMessages = {
  'sandbox.description': {
    en: 'run the embedded TMF sandbox server (seeded demo data)',
    fr: 'faire tourner le serveur TMF bac à sable intégré (données de démonstration)',
  },
  'sandbox.start.description': { en: 'start the sandbox in the background', fr: 'démarrer le bac à sable en arrière-plan' },
  'sandbox.stop.description': { en: 'stop the sandbox', fr: 'arrêter le bac à sable' },
  'sandbox.status.description': {
    en: 'is the sandbox running, and where (exit code 1 when not)',
    fr: 'le bac à sable tourne-t-il, et où (code de sortie 1 sinon)',
  },
  'sandbox.reset.description': {
    en: 'go back to the seeded data (restarts the sandbox if it runs)',
    fr: 'revenir aux données initiales (redémarre le bac à sable s’il tourne)',
  },
  'sandbox.option.data': {
    en: 'data directory (default: your data directory, e.g. ~/.local/share/espace/sandbox)',
    fr: 'répertoire de données (par défaut : le vôtre, p. ex. ~/.local/share/espace/sandbox)',
  },
  'sandbox.option.port': { en: 'port on 127.0.0.1 (default ESPACE_SANDBOX_PORT, or 8642)', fr: 'port sur 127.0.0.1 (par défaut ESPACE_SANDBOX_PORT, ou 8642)' },
  'sandbox.option.profile': {
    en: 'default: espace’s own server; plain: a minimal TMF v4 server (no filters, sort or extensions, pages of 20; default ESPACE_SANDBOX_PROFILE, or default)',
    fr: 'default : le serveur d’espace ; plain : un serveur TMF v4 minimal (ni filtres, ni tri, ni extensions, pages de 20 ; par défaut ESPACE_SANDBOX_PROFILE, ou default)',
  },
  'sandbox.alreadyRunning': {
    en: 'The sandbox is already running at {url} (pid {pid}, profile {profile}).',
    fr: 'Le bac à sable tourne déjà à {url} (pid {pid}, profil {profile}).',
  },
  'sandbox.started': {
    en: 'Sandbox running at {url} (pid {pid}, data in {data}, profile {profile}).',
    fr: 'Bac à sable en marche à {url} (pid {pid}, données dans {data}, profil {profile}).',
  },
  'sandbox.stopped': { en: 'Sandbox stopped.', fr: 'Bac à sable arrêté.' },
  'sandbox.notRunning': { en: 'The sandbox was not running.', fr: 'Le bac à sable ne tournait pas.' },
  'sandbox.notRunningStatus': { en: 'the sandbox is not running (data directory {data}).', fr: 'le bac à sable ne tourne pas (répertoire de données {data}).' },
  'sandbox.hintStart': { en: "Start it with 'espace sandbox start'.", fr: 'Démarrez-le avec « espace sandbox start ».' },
  'sandbox.status': {
    en: 'Sandbox running at {url} (pid {pid}, data in {data}, profile {profile}).',
    fr: 'Bac à sable en marche à {url} (pid {pid}, données dans {data}, profil {profile}).',
  },
  'sandbox.reset': { en: 'Sandbox data reset to the seed ({data}).', fr: 'Données du bac à sable remises à l’état initial ({data}).' },
  'sandbox.startFailed': {
    en: 'the sandbox did not start: {reason} (full log: {log}).',
    fr: 'le bac à sable n’a pas démarré : {reason} (journal complet : {log}).',
  },
  'sandbox.badProfileEnv': {
    en: "ESPACE_SANDBOX_PROFILE must be one of {profiles}, not '{value}'.",
    fr: 'ESPACE_SANDBOX_PROFILE doit être l’un de {profiles}, pas « {value} ».',
  },
  'sandbox.resetFailed': { en: 'the sandbox data could not be reset: {reason}', fr: 'les données du bac à sable n’ont pas pu être remises à zéro : {reason}' },
  'sandbox.clock.description': {
    en: 'show the sandbox’s date (advance it, read what happened)',
    fr: 'afficher la date du bac à sable (l’avancer, lire ce qui s’est passé)',
  },
  'sandbox.clock.advance.description': {
    en: 'move the sandbox’s date forward: bills, autopay debits, late fees and outages up to it happen, in order, once',
    fr: 'avancer la date du bac à sable : factures, prélèvements automatiques, frais de retard et pannes jusqu’à elle ont lieu, dans l’ordre, une fois',
  },
  'sandbox.clock.advance.argument': { en: 'how far: 12h, 30d, 2w, 3mo or 1y', fr: 'de combien : 12h, 30d, 2w, 3mo ou 1y' },
  'sandbox.clock.advance.option.to': { en: 'the date to go to (YYYY-MM-DD, or an ISO date-time)', fr: 'la date où aller (AAAA-MM-JJ, ou une date-heure ISO)' },
  'sandbox.clock.log.description': { en: 'the time-driven events that happened, in order', fr: 'les événements liés au temps qui ont eu lieu, dans l’ordre' },
  'sandbox.clock.log.option.account': { en: 'only the events of this billing account', fr: 'seulement les événements de ce compte de facturation' },
  'sandbox.clock.now': {
    en: 'Sandbox date: {now} ({days} days ahead of the real clock).',
    fr: 'Date du bac à sable : {now} ({days} jours d’avance sur l’horloge réelle).',
  },
  'sandbox.clock.advanced': {
    en: 'Sandbox date moved from {from} to {now}: {count} events.',
    fr: 'Date du bac à sable avancée de {from} à {now} : {count} événements.',
  },
  'sandbox.clock.byOrTo': { en: 'give a duration (e.g. 30d) or --to DATE, not both.', fr: 'donnez une durée (p. ex. 30d) ou --to DATE, pas les deux.' },
  'sandbox.clock.refused': { en: 'the sandbox refused: {reason}', fr: 'le bac à sable a refusé : {reason}' },
} satisfies MessageTable;
