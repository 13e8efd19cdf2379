import type { MessageTable } from '../catalog.js';

/** Messages of account security: password change, two-factor authentication, sessions. */
export const securityMessages = {
  'security.stdinShort': {
    en: '{flag} expects {expected} line(s) on stdin.',
    fr: '{flag} attend {expected} ligne(s) sur l’entrée standard.',
  },
  'security.code.format': { en: 'enter the 6-digit code from the authenticator app.', fr: 'entrez le code à 6 chiffres de l’application d’authentification.' },
  'security.code.formatOrRecovery': {
    en: 'enter the 6-digit code from the authenticator app, or a recovery code (xxxxx-xxxxx).',
    fr: 'entrez le code à 6 chiffres de l’application d’authentification, ou un code de récupération (xxxxx-xxxxx).',
  },
  'security.throttled': { en: 'too many failed attempts. {detail}', fr: 'trop de tentatives échouées. {detail}' },

  'security.2fa.description': {
    en: 'two-factor authentication (a code from an authenticator app at login)',
    fr: 'authentification à deux facteurs (un code d’une application d’authentification à la connexion)',
  },
  'security.2fa.enable.description': {
    en: 'turn two-factor authentication on: scan a QR code, confirm with a code, keep the recovery codes',
    fr: 'activer l’authentification à deux facteurs : balayer un code QR, confirmer avec un code, garder les codes de récupération',
  },
  'security.2fa.confirm.description': {
    en: 'finish a pending enrolment with a code (after auth 2fa enable without a terminal)',
    fr: 'terminer une inscription en attente avec un code (après auth 2fa enable sans terminal)',
  },
  'security.2fa.disable.description': {
    en: 'turn two-factor authentication off (needs the password and a current code or a recovery code)',
    fr: 'désactiver l’authentification à deux facteurs (exige le mot de passe et un code actuel ou un code de récupération)',
  },
  'security.2fa.status.description': { en: 'show whether two-factor authentication is on', fr: 'indiquer si l’authentification à deux facteurs est activée' },
  'security.2fa.option.codeStdin': { en: 'read the code from stdin (for scripts)', fr: 'lire le code sur l’entrée standard (pour les scripts)' },
  'security.2fa.alreadyOn': { en: 'two-factor authentication is already on.', fr: 'l’authentification à deux facteurs est déjà activée.' },
  'security.2fa.hintDisableFirst': {
    en: 'To move it to a new device, turn it off first: espace auth 2fa disable',
    fr: 'Pour la passer à un nouvel appareil, désactivez-la d’abord : espace auth 2fa disable',
  },
  'security.2fa.notOn': { en: 'two-factor authentication is not on. {detail}', fr: 'l’authentification à deux facteurs n’est pas activée. {detail}' },
  'security.2fa.nothingPending': {
    en: 'no enrolment is waiting for a code ({detail}). Start one with: espace auth 2fa enable',
    fr: 'aucune inscription n’attend de code ({detail}). Commencez-en une avec : espace auth 2fa enable',
  },
  'security.2fa.scan': {
    en: 'Scan this QR code with your authenticator app (or enter the secret by hand):',
    fr: 'Balayez ce code QR avec votre application d’authentification (ou entrez le secret à la main) :',
  },
  'security.2fa.enterSecret': {
    en: 'Enter this secret in your authenticator app, or open the URI on the device that holds the app:',
    fr: 'Entrez ce secret dans votre application d’authentification, ou ouvrez l’URI sur l’appareil où elle se trouve :',
  },
  'security.2fa.uri': { en: 'URI: {uri}', fr: 'URI : {uri}' },
  'security.2fa.secret': { en: 'Secret: {secret}', fr: 'Secret : {secret}' },
  'security.2fa.pendingNext': {
    en: 'The secret is pending: add it to an authenticator app, then run espace auth 2fa confirm with a code from it.',
    fr: 'Le secret est en attente : ajoutez-le à une application d’authentification, puis lancez espace auth 2fa confirm avec un de ses codes.',
  },
  'security.2fa.promptConfirmCode': { en: 'Code shown by the app', fr: 'Code affiché par l’application' },
  'security.2fa.promptDisableCode': { en: 'Current code or recovery code', fr: 'Code actuel ou code de récupération' },
  'security.2fa.codeRefused': {
    en: 'the code was refused: {detail}. Check the device’s clock and try the newest code.',
    fr: 'le code a été refusé : {detail}. Vérifiez l’heure de l’appareil et essayez le code le plus récent.',
  },
  'security.2fa.disableRefused': {
    en: 'the password or the code was refused: {detail}. Two-factor authentication stays on.',
    fr: 'le mot de passe ou le code a été refusé : {detail}. L’authentification à deux facteurs reste activée.',
  },
  'security.2fa.enabled': {
    en: 'Two-factor authentication is on: logins now ask for a code.',
    fr: 'L’authentification à deux facteurs est activée : les connexions demandent maintenant un code.',
  },
  'security.2fa.recoveryCodesOnce': {
    en: 'Recovery codes (shown only now; each works once in place of a code — keep them somewhere safe):',
    fr: 'Codes de récupération (affichés seulement maintenant ; chacun remplace un code une seule fois — gardez-les en lieu sûr) :',
  },
  'security.2fa.disabled': { en: 'Two-factor authentication is off.', fr: 'L’authentification à deux facteurs est désactivée.' },
  'security.2fa.statusOn': {
    en: 'Two-factor authentication: on ({left} recovery codes left)',
    fr: 'Authentification à deux facteurs : activée ({left} codes de récupération restants)',
  },
  'security.2fa.statusPending': {
    en: 'Two-factor authentication: off (an enrolment waits for its code: espace auth 2fa confirm)',
    fr: 'Authentification à deux facteurs : désactivée (une inscription attend son code : espace auth 2fa confirm)',
  },
  'security.2fa.statusOff': { en: 'Two-factor authentication: off', fr: 'Authentification à deux facteurs : désactivée' },

  'security.password.description': {
    en: 'change the password (strength-checked), then optionally sign out the other sessions',
    fr: 'changer le mot de passe (robustesse vérifiée), puis fermer au besoin les autres sessions',
  },
  'security.password.option.stdin': {
    en: 'read the current and the new password from stdin, one a line (for scripts; then the code, with --code-stdin)',
    fr: 'lire le mot de passe actuel et le nouveau sur l’entrée standard, un par ligne (pour les scripts ; puis le code, avec --code-stdin)',
  },
  'security.password.option.signOutOthers': {
    en: 'then sign out every other session without asking',
    fr: 'puis fermer toutes les autres sessions sans demander',
  },
  'security.password.option.keepSessions': { en: 'keep the other sessions without asking', fr: 'garder les autres sessions sans demander' },
  'security.password.promptCurrent': { en: 'Current password', fr: 'Mot de passe actuel' },
  'security.password.promptNew': { en: 'New password', fr: 'Nouveau mot de passe' },
  'security.password.promptRepeat': { en: 'New password again', fr: 'Nouveau mot de passe, encore' },
  'security.password.mismatch': { en: 'the two entries differ.', fr: 'les deux saisies diffèrent.' },
  'security.password.weak': {
    en: 'too easy to guess (strength {score} of 4; at least {min} needed).',
    fr: 'trop facile à deviner (robustesse {score} sur 4 ; au moins {min} exigé).',
  },
  'security.password.tooWeak': { en: 'the new password is refused: {detail}', fr: 'le nouveau mot de passe est refusé : {detail}' },
  'security.password.same': { en: 'the new password must differ from the current one.', fr: 'le nouveau mot de passe doit différer de l’actuel.' },
  'security.password.currentWrong': {
    en: 'the current password is wrong; nothing was changed. {detail}',
    fr: 'le mot de passe actuel est erroné ; rien n’a été changé. {detail}',
  },
  'security.password.changed': { en: 'Password changed.', fr: 'Mot de passe changé.' },
  'security.password.promptSignOut': { en: 'Sign out every other session?', fr: 'Fermer toutes les autres sessions ?' },
  'security.password.othersKept': {
    en: 'Other sessions stay open; end them with: espace auth sessions revoke --others',
    fr: 'Les autres sessions restent ouvertes ; fermez-les avec : espace auth sessions revoke --others',
  },

  'security.sessions.description': { en: 'list the active sessions (logins) of this user', fr: 'lister les sessions actives (connexions) de cet utilisateur' },
  'security.sessions.revoke.description': { en: 'end a session, or every other one', fr: 'fermer une session, ou toutes les autres' },
  'security.sessions.revoke.argument': { en: 'the session ID (see auth sessions)', fr: 'l’identifiant de la session (voir auth sessions)' },
  'security.sessions.revoke.option.others': { en: 'end every session except this one', fr: 'fermer toutes les sessions sauf celle-ci' },
  'security.sessions.revoke.option.yes': { en: 'do not ask for confirmation', fr: 'ne pas demander de confirmation' },
  'security.sessions.id': { en: 'ID', fr: 'ID' },
  'security.sessions.device': { en: 'Device', fr: 'Appareil' },
  'security.sessions.created': { en: 'Signed in', fr: 'Connexion' },
  'security.sessions.lastUsed': { en: 'Last used', fr: 'Dernière utilisation' },
  'security.sessions.unknownDevice': { en: '(unknown)', fr: '(inconnu)' },
  'security.sessions.legend': { en: '* this session', fr: '* cette session' },
  'security.sessions.revokeWhich': {
    en: 'name one session ID, or pass --others (not both).',
    fr: 'nommez un identifiant de session, ou passez --others (pas les deux).',
  },
  'security.sessions.confirmOthers': { en: 'Sign out every other session?', fr: 'Fermer toutes les autres sessions ?' },
  'security.sessions.isCurrent': { en: 'that is the current session.', fr: 'c’est la session actuelle.' },
  'security.sessions.hintLogout': { en: 'To end it, run: espace auth logout', fr: 'Pour la fermer, lancez : espace auth logout' },
  'security.sessions.revoked': { en: 'Session {id} ended.', fr: 'Session {id} fermée.' },
  'security.sessions.revokedOthers': { en: 'Other sessions ended: {count}.', fr: 'Autres sessions fermées : {count}.' },

  'security.reauth.option.passwordStdin': {
    en: 'read the current password from stdin, first line (for scripts): it proves the change is yours',
    fr: 'lire le mot de passe actuel sur l’entrée standard, première ligne (pour les scripts) : il prouve que le changement vient de vous',
  },
  'security.reauth.option.codeStdin': {
    en: 'read the current code or a recovery code from stdin, after the password (when two-factor is on)',
    fr: 'lire le code actuel ou un code de récupération sur l’entrée standard, après le mot de passe (si l’authentification à deux facteurs est activée)',
  },
  'security.reauth.refused': {
    en: 'the current password or the code was refused; nothing was changed. {detail}',
    fr: 'le mot de passe actuel ou le code a été refusé ; rien n’a été changé. {detail}',
  },
  'security.reauth.required': {
    en: 'the server asks to confirm it is you: {detail}',
    fr: 'le serveur demande de confirmer que c’est bien vous : {detail}',
  },
} satisfies MessageTable;
