/** Registers the account security verbs under `auth`: password, 2fa, sessions. */
import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';
import type { PasswordOptions } from './password.js';
import type { SessionsRevokeOptions } from './sessions-revoke.js';
import type { TwoFactorConfirmOptions } from './two-factor-confirm.js';
import type { TwoFactorDisableOptions } from './two-factor-disable.js';
import type { TwoFactorEnableOptions } from './two-factor-enable.js';

export function registerAccountSecurity(auth: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  examples(
    auth
      .command('password')
      .description(t('security.password.description'))
      .option('--password-stdin', t('security.password.option.stdin'))
      .option('--code-stdin', t('security.reauth.option.codeStdin'))
      .option('--sign-out-others', t('security.password.option.signOutOthers'))
      .option('--keep-sessions', t('security.password.option.keepSessions'))
      .action(
        action(
          () => import('./password.js'),
          (_args, options): PasswordOptions => ({
            passwordStdin: Boolean(options.passwordStdin),
            codeStdin: Boolean(options.codeStdin),
            signOutOthers: options.signOutOthers ? true : options.keepSessions ? false : undefined,
          }),
        ),
      ),
    ['espace auth password', 'printf "%s\\n%s\\n" "$OLD" "$NEW" | espace auth password --password-stdin --sign-out-others'],
  );

  const twoFactor = examples(auth.command('2fa').description(t('security.2fa.description')), ['espace auth 2fa enable', 'espace auth 2fa status']);
  examples(
    twoFactor
      .command('enable')
      .description(t('security.2fa.enable.description'))
      .option('--password-stdin', t('security.reauth.option.passwordStdin'))
      .action(
        action(
          () => import('./two-factor-enable.js'),
          (_args, options): TwoFactorEnableOptions => ({ passwordStdin: Boolean(options.passwordStdin) }),
        ),
      ),
    ['espace auth 2fa enable', 'printf %s "$PASSWORD" | espace auth 2fa enable --password-stdin --json   # prints the pending secret; then auth 2fa confirm'],
  );
  examples(
    twoFactor
      .command('confirm')
      .description(t('security.2fa.confirm.description'))
      .option('--code-stdin', t('security.2fa.option.codeStdin'))
      .action(
        action(
          () => import('./two-factor-confirm.js'),
          (_args, options): TwoFactorConfirmOptions => ({ codeStdin: Boolean(options.codeStdin) }),
        ),
      ),
    ['espace auth 2fa confirm', 'oathtool --totp -b "$SECRET" | espace auth 2fa confirm --code-stdin --json'],
  );
  examples(
    twoFactor
      .command('disable')
      .description(t('security.2fa.disable.description'))
      .option('--password-stdin', t('security.reauth.option.passwordStdin'))
      .option('--code-stdin', t('security.reauth.option.codeStdin'))
      .action(
        action(
          () => import('./two-factor-disable.js'),
          (_args, options): TwoFactorDisableOptions => ({ passwordStdin: Boolean(options.passwordStdin), codeStdin: Boolean(options.codeStdin) }),
        ),
      ),
    ['espace auth 2fa disable', 'printf "%s\\n%s\\n" "$PASSWORD" "$RECOVERY_CODE" | espace auth 2fa disable --password-stdin --code-stdin'],
  );
  examples(
    twoFactor
      .command('status')
      .description(t('security.2fa.status.description'))
      .action(
        action(
          () => import('./two-factor-status.js'),
          () => ({}),
        ),
      ),
    ['espace auth 2fa status', 'espace auth 2fa status --json'],
  );

  const sessions = examples(
    auth
      .command('sessions')
      .description(t('security.sessions.description'))
      .action(
        action(
          () => import('./sessions.js'),
          () => ({}),
        ),
      ),
    ['espace auth sessions', 'espace auth sessions --json', 'espace auth sessions revoke --others'],
  );
  examples(
    sessions
      .command('revoke')
      .description(t('security.sessions.revoke.description'))
      .argument('[id]', t('security.sessions.revoke.argument'))
      .option('--others', t('security.sessions.revoke.option.others'))
      .option('-y, --yes', t('security.sessions.revoke.option.yes'))
      .option('--password-stdin', t('security.reauth.option.passwordStdin'))
      .option('--code-stdin', t('security.reauth.option.codeStdin'))
      .action(
        action(
          () => import('./sessions-revoke.js'),
          (args, options): SessionsRevokeOptions => ({
            id: args[0],
            others: Boolean(options.others),
            yes: Boolean(options.yes),
            passwordStdin: Boolean(options.passwordStdin),
            codeStdin: Boolean(options.codeStdin),
          }),
        ),
      ),
    ['espace auth sessions revoke 5f0c…', 'printf %s "$PASSWORD" | espace auth sessions revoke --others --yes --password-stdin'],
  );
}
