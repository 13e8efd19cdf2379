import type { MessageTable } from '../catalog.js';

/** The manual page (man/espace.1), written from the command tree. */
export const manMessages = {
  'man.manual': { en: 'User Commands', fr: 'Commandes de l’utilisateur' },
  'man.section.name': { en: 'NAME', fr: 'NOM' },
  'man.section.synopsis': { en: 'SYNOPSIS', fr: 'SYNOPSIS' },
  'man.section.description': { en: 'DESCRIPTION', fr: 'DESCRIPTION' },
  'man.section.globalOptions': { en: 'GLOBAL OPTIONS', fr: 'OPTIONS GLOBALES' },
  'man.section.commands': { en: 'COMMANDS', fr: 'COMMANDES' },
  'man.section.environment': { en: 'ENVIRONMENT', fr: 'ENVIRONNEMENT' },
  'man.section.exitStatus': { en: 'EXIT STATUS', fr: 'CODE DE RETOUR' },
  'man.section.files': { en: 'FILES', fr: 'FICHIERS' },
  'man.section.seeAlso': { en: 'SEE ALSO', fr: 'VOIR AUSSI' },
  'man.synopsis.globalOptions': { en: 'global options', fr: 'options globales' },
  'man.synopsis.command': { en: 'command', fr: 'commande' },
  'man.synopsis.rest': { en: 'subcommand options arguments', fr: 'sous-commande options arguments' },
  'man.description': {
    en: 'espace reads and pays bills, changes plans and add-ons, tracks usage, updates the profile, opens tickets and checks outages from a shell, over the TM Forum Open APIs. It embeds a sandbox server with seeded accounts (espace demo). Data goes to standard output, everything else to standard error; --json gives stable JSON, and --fields picks its fields.',
    fr: 'espace lit et paie les factures, change de forfait et d’options, suit la consommation, met à jour le profil, ouvre des billets et vérifie les pannes depuis un terminal, par les API ouvertes du TM Forum. Il comprend un serveur bac à sable avec des comptes types (espace demo). Les données vont sur la sortie standard, tout le reste sur la sortie d’erreur ; --json donne un JSON stable, et --fields en choisit les champs.',
  },
  'man.precedence': {
    en: 'Each setting comes from the command line first, then the environment, then the configuration (espace config set, the active context), then espace’s default.',
    fr: 'Chaque réglage vient d’abord de la ligne de commande, puis de l’environnement, puis de la configuration (espace config set, le contexte actif), puis de la valeur par défaut d’espace.',
  },
  'man.files.config': {
    en: 'contexts and defaults (espace context, espace config); ESPACE_CONFIG_DIR moves it',
    fr: 'contextes et préférences (espace context, espace config) ; ESPACE_CONFIG_DIR le déplace',
  },
  'man.files.credentials': {
    en: 'with --insecure-storage only: the credential file (0600), where no keychain works',
    fr: 'avec --insecure-storage seulement : le fichier d’identifiants (0600), là où aucun trousseau ne fonctionne',
  },
  'man.files.data': {
    en: 'the payment journal and the sandbox’s database; ESPACE_DATA_DIR moves them',
    fr: 'le journal des paiements et la base du bac à sable ; ESPACE_DATA_DIR les déplace',
  },
  'man.seeAlso': {
    en: 'espace help exit-codes, espace help environment, espace completion bash|zsh|fish',
    fr: 'espace help exit-codes, espace help environment, espace completion bash|zsh|fish',
  },
} satisfies MessageTable;
