import type { MessageTable } from '../catalog.js';

/** Logging in and out, and the session's token. */
export const sessionMessages = {
  'auth.description': { en: 'log in and out, and see who you are', fr: 'se connecter, se déconnecter, et voir qui vous êtes' },
  'auth.login.description': {
    en: 'log in; the token is kept in the OS keychain (password from a prompt or --password-stdin, never argv)',
    fr: 'se connecter ; le jeton est gardé dans le trousseau du système (mot de passe par invite ou --password-stdin, jamais en argument)',
  },
  'auth.login.option.username': { en: 'user name (prompted for when missing)', fr: 'nom d’utilisateur (demandé s’il manque)' },
  'auth.login.option.passwordStdin': { en: 'read the password from standard input', fr: 'lire le mot de passe sur l’entrée standard' },
  'auth.login.option.otp': {
    en: 'one-time code from your authenticator app (when two-factor is on)',
    fr: 'code à usage unique de votre application d’authentification (si l’authentification à deux facteurs est active)',
  },
  'auth.login.option.insecureStorage': {
    en: 'where no keychain works, keep the token in a 0600 file instead',
    fr: 'là où aucun trousseau ne fonctionne, garder le jeton dans un fichier 0600',
  },
  'auth.logout.description': {
    en: 'log out: revoke the session on the server and forget it here',
    fr: 'se déconnecter : révoquer la session sur le serveur et l’oublier ici',
  },
  'auth.status.description': { en: 'who is logged in, where, with which token and until when', fr: 'qui est connecté, où, avec quel jeton et jusqu’à quand' },
  'auth.prompt.username': { en: 'User name', fr: 'Nom d’utilisateur' },
  'auth.prompt.password': { en: 'Password', fr: 'Mot de passe' },
  'auth.prompt.otp': { en: 'One-time code (authenticator app)', fr: 'Code à usage unique (application d’authentification)' },
  'auth.login.emptyUsername': { en: 'the user name is empty.', fr: 'le nom d’utilisateur est vide.' },
  'auth.login.emptyPassword': { en: 'the password is empty.', fr: 'le mot de passe est vide.' },
  'auth.login.badPassword': { en: 'wrong user name or password.', fr: 'nom d’utilisateur ou mot de passe incorrect.' },
  'auth.login.badOtp': {
    en: 'the one-time code was refused (wrong, expired or already used).',
    fr: 'le code à usage unique a été refusé (erroné, expiré ou déjà utilisé).',
  },
  'auth.login.envWins': {
    en: 'Note: ESPACE_TOKEN or ESPACE_CLIENT_ID is set and takes precedence over the login stored now.',
    fr: 'Note : ESPACE_TOKEN ou ESPACE_CLIENT_ID est défini et a priorité sur la connexion gardée maintenant.',
  },
  'auth.login.insecureStored': {
    en: 'Warning: the token is kept in a file (0600) because --insecure-storage was given; anyone with your user account can read it.',
    fr: 'Attention : le jeton est gardé dans un fichier (0600) parce que --insecure-storage a été donné ; quiconque a accès à votre compte d’utilisateur peut le lire.',
  },
  'auth.login.done': {
    en: 'Logged in as {username} on context {context} (token kept in {store}).',
    fr: 'Connexion réussie pour {username} dans le contexte {context} (jeton gardé dans {store}).',
  },
  'auth.store.keychain': { en: 'the OS keychain', fr: 'le trousseau du système' },
  'auth.store.file': { en: 'a file', fr: 'un fichier' },
  'auth.logout.notLoggedIn': { en: 'Not logged in on context {context}; nothing to do.', fr: 'Aucune connexion dans le contexte {context} ; rien à faire.' },
  'auth.logout.envToken': {
    en: 'ESPACE_TOKEN is set in the environment: unset it to stop using that token.',
    fr: 'ESPACE_TOKEN est défini dans l’environnement : retirez-le pour cesser d’utiliser ce jeton.',
  },
  'auth.logout.revokeFailed': {
    en: 'Warning: the server could not be told to revoke the session; it will expire on its own.',
    fr: 'Attention : le serveur n’a pas pu être avisé de révoquer la session ; elle expirera d’elle-même.',
  },
  'auth.logout.done': { en: 'Logged out of context {context}.', fr: 'Déconnecté du contexte {context}.' },
  'auth.notLoggedIn': { en: 'not logged in on context {context}.', fr: 'aucune connexion dans le contexte {context}.' },
  'auth.hintLogin': {
    en: "Run 'espace auth login' (scripts: ESPACE_TOKEN, or ESPACE_CLIENT_ID and ESPACE_CLIENT_SECRET).",
    fr: 'Lancez « espace auth login » (scripts : ESPACE_TOKEN, ou ESPACE_CLIENT_ID et ESPACE_CLIENT_SECRET).',
  },
  'auth.sessionExpired': { en: 'the session of context {context} has expired.', fr: 'la session du contexte {context} a expiré.' },
  'auth.otherApi': {
    en: 'the login stored for context {context} is for {stored}, not {target}; espace never sends a token to another API.',
    fr: 'la connexion gardée pour le contexte {context} vaut pour {stored}, pas {target} ; espace n’envoie jamais un jeton à une autre API.',
  },
  'auth.clientCredentialsIncomplete': {
    en: 'set both ESPACE_CLIENT_ID and ESPACE_CLIENT_SECRET (client credentials), or neither.',
    fr: 'définissez ESPACE_CLIENT_ID et ESPACE_CLIENT_SECRET (identifiants client) ensemble, ou aucun des deux.',
  },
  'auth.status.user': { en: 'Logged in as {user} ({name})', fr: 'Connecté en tant que {user} ({name})' },
  'auth.status.userOnly': { en: 'Logged in as {user}', fr: 'Connecté en tant que {user}' },
  'auth.status.context': { en: 'Context:      {context} ({url})', fr: 'Contexte :    {context} ({url})' },
  'auth.status.source': { en: 'Token from:   {source}', fr: 'Provenance :  {source}' },
  'auth.status.expires': { en: 'Expires:      {expires} (refreshed automatically)', fr: 'Expiration :  {expires} (renouvelé automatiquement)' },
  'auth.status.noExpiry': { en: 'not stated by the server', fr: 'non précisée par le serveur' },
  'auth.status.valid': { en: 'The server accepts this token.', fr: 'Le serveur accepte ce jeton.' },
  'auth.status.invalid': { en: 'The server does not accept this token: {problem}', fr: 'Le serveur n’accepte pas ce jeton : {problem}' },
  'auth.status.rejected': { en: 'the session of context {context} is not valid.', fr: 'la session du contexte {context} n’est pas valide.' },
  'auth.source.environment': { en: 'the ESPACE_TOKEN environment variable (never stored)', fr: 'la variable d’environnement ESPACE_TOKEN (jamais gardée)' },
  'auth.source.clientCredentials': {
    en: 'client credentials from ESPACE_CLIENT_ID / ESPACE_CLIENT_SECRET (never stored)',
    fr: 'identifiants client de ESPACE_CLIENT_ID / ESPACE_CLIENT_SECRET (jamais gardés)',
  },
  'auth.source.keychain': { en: 'the OS keychain', fr: 'le trousseau du système' },
  'auth.source.file': { en: 'the credential file (--insecure-storage)', fr: 'le fichier d’identifiants (--insecure-storage)' },
  'auth.source.memory': { en: 'memory (tests)', fr: 'la mémoire (tests)' },
  'auth.stdinTooLarge': {
    en: 'standard input for {flag} is larger than {max} bytes: it should hold only the few values asked for, one a line.',
    fr: 'l’entrée standard de {flag} dépasse {max} octets : elle ne doit contenir que les quelques valeurs demandées, une par ligne.',
  },
  'auth.keychainStalled': {
    en: 'the OS keychain is not responding ({reason}), so the login of context {context} could not be read; you may well still be logged in.',
    fr: 'le trousseau du système ne répond pas ({reason}), donc la connexion du contexte {context} n’a pas pu être lue ; vous êtes peut-être toujours connecté.',
  },
  'auth.keychainStalledHint': {
    en: 'Unlock your keyring or restart it (e.g. gnome-keyring-daemon --replace, or log out of your desktop session and back in), then try again; ESPACE_KEYCHAIN_TIMEOUT_MS gives it longer. Scripts can set ESPACE_TOKEN and skip the keychain.',
    fr: 'Déverrouillez votre trousseau ou redémarrez-le (p. ex. gnome-keyring-daemon --replace, ou fermez puis rouvrez votre session), puis réessayez ; ESPACE_KEYCHAIN_TIMEOUT_MS lui laisse plus de temps. Les scripts peuvent définir ESPACE_TOKEN et se passer du trousseau.',
  },
  'auth.refreshLockTimeout': {
    en: 'another espace process has been refreshing the session of context {context} for over {seconds} s (lock {path}).',
    fr: 'un autre processus espace renouvelle la session du contexte {context} depuis plus de {seconds} s (verrou {path}).',
  },
  'auth.refreshLockTimeoutHint': {
    en: 'Try again in a moment. If no other espace command is running, delete {path}.',
    fr: 'Réessayez dans un instant. Si aucune autre commande espace n’est en cours, supprimez {path}.',
  },
  'auth.keychainLocked': {
    en: 'the login of context {context} could not be read: {reason}. You may well still be logged in.',
    fr: 'la connexion du contexte {context} n’a pas pu être lue : {reason}. Vous êtes peut-être toujours connecté.',
  },
  'auth.keychainLockedHint': {
    en: "Unlock your keyring (log in to your desktop session, or run 'gnome-keyring-daemon --unlock'), then run the command again. Without a keyring: 'espace auth login --insecure-storage'; scripts: ESPACE_TOKEN.",
    fr: 'Déverrouillez votre trousseau (ouvrez votre session de bureau, ou lancez « gnome-keyring-daemon --unlock »), puis relancez la commande. Sans trousseau : « espace auth login --insecure-storage » ; scripts : ESPACE_TOKEN.',
  },
  'auth.notLoggedInNoKeychain': {
    en: 'not logged in on context {context}, and this machine has no keychain espace can use ({reason}).',
    fr: 'aucune connexion dans le contexte {context}, et cette machine n’a aucun trousseau qu’espace puisse utiliser ({reason}).',
  },
  'auth.keychainMissingHint': {
    en: "Run 'espace auth login --insecure-storage' (the token is kept in a file only you can read, mode 0600), or set ESPACE_TOKEN in scripts.",
    fr: 'Lancez « espace auth login --insecure-storage » (le jeton est gardé dans un fichier que vous seul pouvez lire, mode 0600), ou définissez ESPACE_TOKEN dans les scripts.',
  },
} satisfies MessageTable;
