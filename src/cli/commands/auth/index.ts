import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';
import type { LoginOptions } from './login.js';
import { registerAccountSecurity } from './register-security.js';

export function registerAuth(program: CommandUnknownOpts, registrar: Registrar): void {
  const { t, action, examples } = registrar;
  const auth = examples(program.command('auth').description(t('auth.description')), ['espace auth login', 'espace auth status']);

  examples(
    auth
      .command('login')
      .description(t('auth.login.description'))
      .option('--username <name>', t('auth.login.option.username'))
      .option('--password-stdin', t('auth.login.option.passwordStdin'))
      .option('--otp <code>', t('auth.login.option.otp'))
      .option('--insecure-storage', t('auth.login.option.insecureStorage'))
      .action(
        action(
          () => import('./login.js'),
          (_args, options): LoginOptions => ({
            username: options.username,
            passwordStdin: Boolean(options.passwordStdin),
            otp: options.otp,
            insecureStorage: Boolean(options.insecureStorage),
          }),
        ),
      ),
    [
      'espace auth login',
      'printf %s "$PASSWORD" | espace auth login --username marie.tremblay --password-stdin',
      'espace auth login --context staging --insecure-storage   # no keychain on this machine',
    ],
  );

  examples(
    auth
      .command('logout')
      .description(t('auth.logout.description'))
      .action(
        action(
          () => import('./logout.js'),
          () => ({}),
        ),
      ),
    ['espace auth logout', 'espace auth logout --context staging'],
  );

  examples(
    auth
      .command('status')
      .description(t('auth.status.description'))
      .action(
        action(
          () => import('./status.js'),
          () => ({}),
        ),
      ),
    ['espace auth status', 'espace auth status --json'],
  );

  registerAccountSecurity(auth, registrar);
}
