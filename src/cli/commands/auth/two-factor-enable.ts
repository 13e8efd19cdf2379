/**
 * `espace auth 2fa enable`: after the current password (so that a stolen token cannot enrol
 * someone else's authenticator), the sandbox issues a TOTP secret (pending until a code confirms it);
 * on a terminal, a QR code and the otpauth:// URI are shown, a code is asked for, and the recovery
 * codes follow. Without a terminal, the pending enrolment is printed and `auth 2fa confirm`
 * finishes it.
 */
import { startEnrolment, twoFactorStatus } from '../../../api/security.js';
import { AuthError, GeneralError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeText } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { readCode, readReauthentication, requireReauthSources, withRefusals } from './security-input.js';
import { confirmAndShowRecoveryCodes } from './two-factor-confirm.js';

/** Codes that may be tried at the terminal before the command gives up (the enrolment stays pending). */
const CODE_ATTEMPTS = 3;

/**
 * The QR code for a terminal: in colour (black and white backgrounds) when colour is on; otherwise
 * drawn with block characters alone, no escape sequence, as NO_COLOR and the rest ask. Without
 * colour the light modules (and the quiet zone around the code) are the drawn blocks, in the
 * terminal's text colour: on the usual light-on-dark terminal the code reads dark on light, as
 * scanners expect; the otpauth:// URI and the secret are printed below it in any case.
 */
export async function terminalQrCode(uri: string, color: boolean): Promise<string> {
  const { default: qrcode } = await import('qrcode');
  return color
    ? qrcode.toString(uri, { type: 'terminal', small: true, errorCorrectionLevel: 'M' })
    : qrcode.toString(uri, { type: 'utf8', errorCorrectionLevel: 'M', color: { dark: '#ffffff', light: '#000000' } });
}

export interface TwoFactorEnableOptions {
  /** The current password is read from stdin rather than prompted for. */
  passwordStdin: boolean;
}

export async function run(options: TwoFactorEnableOptions, ctx: CommandDeps): Promise<void> {
  const { io, t } = ctx;
  const sources = { passwordStdin: options.passwordStdin, codeStdin: false };
  requireReauthSources(ctx, sources);
  const api = await ctx.api();
  if ((await twoFactorStatus(api)).enabled) throw new GeneralError('security.2fa.alreadyOn', { hint: 'security.2fa.hintDisableFirst' });
  const reauth = await readReauthentication(ctx, sources, false);
  const enrolment = await withRefusals(() => startEnrolment(api, reauth), { wrong: 'security.reauth.refused' });
  const uri = sanitizeText(enrolment.otpauthUri);
  const secret = sanitizeText(enrolment.secret);

  if (!io.interactive) {
    // Nobody can type a code: hand the pending secret to the script, which confirms it next.
    io.out(ctx.globals.json ? toJson({ enabled: false, pending: true, secret, otpauthUri: uri }) : `${uri}\n`);
    io.err(`${t('security.2fa.pendingNext')}\n`);
    return;
  }
  // The plain layout (--plain, TERM=dumb) is for screen readers: a QR code is block characters a
  // reader spells out, so it gives the secret and the URI alone.
  const qrCode = io.plain ? '' : `${await terminalQrCode(uri, io.errColor.enabled)}\n`;
  io.err(
    `${t(io.plain ? 'security.2fa.enterSecret' : 'security.2fa.scan')}\n\n${qrCode}${t('security.2fa.uri', { uri })}\n${t('security.2fa.secret', { secret })}\n\n`,
  );
  // A mistyped or stale code gets another try; each failure counts against the login throttle.
  for (let attempt = 1; ; attempt++) {
    const code = await readCode(ctx, false, 'security.2fa.promptConfirmCode', false);
    try {
      await confirmAndShowRecoveryCodes(ctx, api, code);
      return;
    } catch (error) {
      if (!(error instanceof AuthError) || error.key !== 'security.2fa.codeRefused' || attempt === CODE_ATTEMPTS) throw error;
      io.err(`${io.errColor.warning(error.describe(t))}\n`);
    }
  }
}
