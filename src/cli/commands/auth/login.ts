/**
 * `espace auth login`: the password grant (with a one-time code when two-factor is on), then
 * the tokens go to the OS keychain — or to a 0600 file only when `--insecure-storage` says so.
 * The password never appears in argv: it comes from a masked prompt or from stdin.
 */
import { ApiError } from '../../../api/errors.js';
import { passwordGrant, revokeToken, type TokenSet } from '../../../api/oauth.js';
import type { StoredCredentials } from '../../../auth/credential-store.js';
import { AuthError, UsageError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';
import { stdinText } from '../../stdin-lines.js';

export interface LoginOptions {
  username?: string;
  passwordStdin: boolean;
  otp?: string;
  insecureStorage: boolean;
}

export async function run(options: LoginOptions, ctx: CommandDeps): Promise<void> {
  const { io, t } = ctx;
  const target = ctx.target();
  if (ctx.env.ESPACE_TOKEN || ctx.env.ESPACE_CLIENT_ID) io.err(`${io.errColor.warning(t('auth.login.envWins'))}\n`);

  const vault = await ctx.vault();
  // Fail before asking for a password that could not be kept anyway.
  if (!options.insecureStorage && vault.assertSecureStorage) await vault.assertSecureStorage();

  const username = options.username ?? (await ctx.prompt.input({ message: t('auth.prompt.username'), flag: '--username' }));
  const password = options.passwordStdin
    ? stripFinalNewline(await stdinText(ctx, '--password-stdin'))
    : await ctx.prompt.password({ message: t('auth.prompt.password'), flag: '--password-stdin' });
  if (!username.trim()) throw new UsageError('auth.login.emptyUsername');
  if (!password) throw new UsageError('auth.login.emptyPassword');

  const client = await ctx.anonymousApi();
  const tokens = await grantWithOtp(ctx, { username: username.trim(), password, otp: options.otp });
  const credentials: StoredCredentials = {
    apiUrl: target.apiUrl,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    tokenType: tokens.tokenType,
    expiresAt: tokens.expiresAt,
    scope: tokens.scope,
    username: username.trim(),
    savedAt: ctx.clock().toISOString(),
  };

  let source: string;
  try {
    source = await vault.save(target.contextName, credentials, { insecureStorage: options.insecureStorage });
  } catch (error) {
    // Nothing could be stored: do not leave a live session behind on the server either.
    await revokeToken(client, tokens.refreshToken ?? tokens.accessToken, tokens.refreshToken ? 'refresh_token' : 'access_token').catch(() => {});
    throw error;
  }
  if (source === 'file') io.err(`${io.errColor.warning(t('auth.login.insecureStored'))}\n`);
  io.err(
    `${t('auth.login.done', { username: credentials.username ?? '', context: target.contextName, store: t(`auth.store.${source === 'file' ? 'file' : 'keychain'}`) })}\n`,
  );
}

async function grantWithOtp(ctx: CommandDeps, credentials: { username: string; password: string; otp?: string }): Promise<TokenSet> {
  const client = await ctx.anonymousApi();
  try {
    return await passwordGrant(client, credentials, ctx.clock());
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const code = String(error.body?.code ?? '');
    if (code === 'mfa_required' && credentials.otp === undefined) {
      const otp = await ctx.prompt.input({ message: ctx.t('auth.prompt.otp'), flag: '--otp' });
      return grantWithOtp(ctx, { ...credentials, otp: otp.trim() });
    }
    if (code === 'invalid_grant') {
      throw new AuthError(credentials.otp !== undefined ? 'auth.login.badOtp' : 'auth.login.badPassword', {
        params: { detail: error.body?.message ?? '' },
      });
    }
    throw error;
  }
}

function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}
