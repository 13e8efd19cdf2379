/** Doctor checks of the login and of the user's area: token, outages at the service address. */
import { NoUserinfoError, getIdentity } from '../../../api/tmf/userinfo.js';
import { EspaceError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';
import { findOutages } from '../outage/lookup.js';
import { isOutageOver } from '../../../domain/outage.js';
import { formatDateTime, servicesLabel } from '../outage/view.js';
import type { CheckResult, Findings } from './report.js';

/** The login errors that come of the keychain (see missingLoginError): their fix is the keychain's. */
const KEYCHAIN_LOGIN_ERRORS: ReadonlySet<string> = new Set(['auth.keychainLocked', 'auth.keychainStalled', 'auth.notLoggedInNoKeychain']);

function failure(ctx: CommandDeps, id: CheckResult['id'], error: EspaceError): CheckResult {
  return { id, status: 'fail', detail: error.describe(ctx.t), fix: error.describeHint(ctx.t) };
}

export async function checkToken(ctx: CommandDeps, findings: Findings): Promise<CheckResult> {
  const { t, locale } = ctx;
  if (findings.apiUrl === undefined) return { id: 'token', status: 'skip', detail: t('doctor.skipped.noTarget') };
  const session = await ctx.session();
  let noUserinfo: NoUserinfoError | undefined;
  try {
    // Loads the login, and refreshes it if it has expired (which needs the server).
    await session.token();
    if (findings.reachable) await getIdentity(await ctx.api());
  } catch (error) {
    if (!(error instanceof EspaceError)) throw error;
    // No userinfo endpoint: the token cannot be checked that way, which is no reason to log in again.
    if (error instanceof NoUserinfoError) noUserinfo = error;
    else {
      findings.keychainBlocksLogin = KEYCHAIN_LOGIN_ERRORS.has(error.key);
      return failure(ctx, 'token', error);
    }
  }
  const credentials = session.credentials!;
  const expiresAt = credentials.expiresAt;
  const minutes = expiresAt === undefined ? undefined : Math.round((Date.parse(expiresAt) - ctx.clock().getTime()) / 60_000);
  const params = {
    source: t(`auth.source.${session.origin!}`),
    expires: expiresAt === undefined ? t('doctor.token.noExpiry') : t('doctor.token.expiresAt', { when: formatDateTime(expiresAt, locale), minutes: minutes! }),
    refresh: t(credentials.refreshToken !== undefined || session.origin === 'clientCredentials' ? 'doctor.token.refreshYes' : 'doctor.token.refreshNo'),
  };
  if (!findings.reachable) return { id: 'token', status: 'warn', detail: t('doctor.token.unverified', params) };
  if (noUserinfo) {
    // The checks that follow use the token: they say soon enough if the server refuses it.
    findings.tokenAccepted = true;
    return { id: 'token', status: 'warn', detail: noUserinfo.describe(t) };
  }
  findings.tokenAccepted = true;
  return { id: 'token', status: 'ok', detail: t('doctor.token.ok', params) };
}

export async function checkOutages(ctx: CommandDeps, findings: Findings): Promise<CheckResult> {
  const { t, locale } = ctx;
  if (!findings.tokenAccepted) return { id: 'outages', status: 'skip', detail: t('doctor.skipped.noToken') };
  let report;
  try {
    report = await findOutages(await ctx.api(), {});
  } catch (error) {
    if (!(error instanceof EspaceError)) throw error;
    // An agent sees every account: there is no one service address to check.
    if (error.key === 'account.ambiguous') return { id: 'outages', status: 'skip', detail: t('doctor.outages.severalAccounts') };
    return failure(ctx, 'outages', error);
  }
  const where = report.postalCode ?? '?';
  const current = report.outages.filter((outage) => !isOutageOver(outage));
  const outage = current.find((candidate) => candidate.category !== 'plannedMaintenance');
  if (outage) {
    findings.outageInProgress = true;
    return {
      id: 'outages',
      status: 'warn',
      detail: t('doctor.outages.inProgress', {
        where,
        services: servicesLabel(outage.services, t),
        when: formatDateTime(outage.estimatedRestoration, locale),
      }),
      fix: t('doctor.outages.fix'),
    };
  }
  const maintenance = current[0];
  if (maintenance) {
    return {
      id: 'outages',
      status: 'ok',
      detail: t('doctor.outages.maintenance', {
        where,
        services: servicesLabel(maintenance.services, t),
        when: formatDateTime(maintenance.windowStart, locale),
      }),
    };
  }
  return { id: 'outages', status: 'ok', detail: t('doctor.outages.none', { where }) };
}
