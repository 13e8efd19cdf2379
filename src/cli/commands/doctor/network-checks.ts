/** Doctor checks of the connection: API reachable, TLS, clock skew against the server. */
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { ApiError } from '../../../api/errors.js';
import { isLoopbackHost } from '../../../api/url.js';
import { EspaceError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';
import type { CheckResult, Findings } from './report.js';

const HEALTH_PATH = '/health';
const TLS_TIMEOUT_MS = 5000;
/** A certificate this close to its end is worth renewing now. */
const CERT_WARN_DAYS = 14;
/** The Date header has one-second resolution: skew below this is noise. */
const SKEW_OK_MS = 30_000;
/** Beyond this, token expiry and two-factor codes go wrong. */
const SKEW_FAIL_MS = 5 * 60_000;
/** Node's and OpenSSL's certificate error codes. */
const CERTIFICATE_PROBLEM = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

export async function checkApi(ctx: CommandDeps, findings: Findings): Promise<CheckResult> {
  const { t } = ctx;
  let url: string;
  try {
    url = ctx.target().apiUrl;
  } catch (error) {
    if (!(error instanceof EspaceError)) throw error;
    return { id: 'api', status: 'fail', detail: error.describe(t), fix: t('doctor.api.fixContext') };
  }
  findings.apiUrl = url;
  try {
    const response = await (await ctx.anonymousApi()).get(HEALTH_PATH);
    findings.reachable = true;
    const date = Date.parse(response.headers.date ?? '');
    if (!Number.isNaN(date)) findings.serverTime = date;
    return { id: 'api', status: 'ok', detail: t('doctor.api.ok', { url }) };
  } catch (error) {
    if (error instanceof ApiError) {
      // A backend without the sandbox's health route still answered: it is reachable.
      findings.reachable = true;
      return { id: 'api', status: 'ok', detail: t('doctor.api.answered', { url, status: error.status }) };
    }
    if (!(error instanceof EspaceError)) throw error;
    return { id: 'api', status: 'fail', detail: error.describe(t), fix: apiFix(url, error, t) };
  }
}

/** A certificate problem is fixed on the TLS side; an API on this machine is usually the sandbox, not started. */
function apiFix(url: string, error: EspaceError, t: CommandDeps['t']): string {
  if (CERTIFICATE_PROBLEM.test(String(error.params.reason ?? ''))) return t('doctor.tls.fixUntrusted');
  // The sandbox is on this machine too.
  return isLoopbackHost(new URL(url).hostname) ? t('doctor.api.fixSandbox') : t('doctor.api.fixRemote');
}

export async function checkTls(ctx: CommandDeps, findings: Findings): Promise<CheckResult> {
  const { t, locale } = ctx;
  if (findings.apiUrl === undefined) return { id: 'tls', status: 'skip', detail: t('doctor.skipped.noTarget') };
  const url = new URL(findings.apiUrl);
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname)
      ? { id: 'tls', status: 'ok', detail: t('doctor.tls.loopback') }
      : { id: 'tls', status: 'fail', detail: t('doctor.tls.plain', { url: findings.apiUrl }), fix: t('doctor.tls.fixPlain') };
  }
  let peer: { authorized: boolean; error?: string; certificate: PeerCertificate };
  try {
    peer = await inspectCertificate(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port || 443));
  } catch (error) {
    return { id: 'tls', status: 'fail', detail: t('doctor.tls.handshake', { reason: String((error as Error).message) }), fix: t('doctor.api.fixRemote') };
  }
  if (!peer.authorized) {
    return { id: 'tls', status: 'fail', detail: t('doctor.tls.untrusted', { reason: peer.error ?? '?' }), fix: t('doctor.tls.fixUntrusted') };
  }
  const validTo = Date.parse(peer.certificate.valid_to);
  const until = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(validTo);
  const daysLeft = Math.floor((validTo - ctx.clock().getTime()) / 86_400_000);
  if (daysLeft < CERT_WARN_DAYS) return { id: 'tls', status: 'warn', detail: t('doctor.tls.expiring', { until, days: daysLeft }) };
  return { id: 'tls', status: 'ok', detail: t('doctor.tls.ok', { until }) };
}

/** The server's certificate and whether the system's trust store accepts it. */
async function inspectCertificate(host: string, port: number): Promise<{ authorized: boolean; error?: string; certificate: PeerCertificate }> {
  const tls = await import('node:tls');
  const { isIP } = await import('node:net');
  return new Promise((resolve, reject) => {
    // SNI names a host, never an address (Node 26 refuses an IP address as servername).
    const servername = isIP(host) === 0 ? { servername: host } : {};
    // Not rejected on failure: the point is to say why it fails.
    const socket: TLSSocket = tls.connect({ host, port, ...servername, rejectUnauthorized: false, timeout: TLS_TIMEOUT_MS }, () => {
      const result = { authorized: socket.authorized, error: socket.authorizationError?.toString(), certificate: socket.getPeerCertificate() };
      socket.end();
      resolve(result);
    });
    socket.on('timeout', () => socket.destroy(new Error(`no TLS handshake within ${TLS_TIMEOUT_MS / 1000} s`)));
    socket.on('error', reject);
  });
}

export function checkClock(ctx: CommandDeps, findings: Findings): CheckResult {
  const { t } = ctx;
  if (findings.serverTime === undefined) return { id: 'clock', status: 'skip', detail: t('doctor.skipped.noServerTime') };
  const skew = ctx.clock().getTime() - findings.serverTime;
  const seconds = Math.round(Math.abs(skew) / 1000);
  if (Math.abs(skew) < SKEW_OK_MS) return { id: 'clock', status: 'ok', detail: t('doctor.clock.ok') };
  const detail = t(skew > 0 ? 'doctor.clock.ahead' : 'doctor.clock.behind', { seconds });
  return { id: 'clock', status: Math.abs(skew) < SKEW_FAIL_MS ? 'warn' : 'fail', detail, fix: t('doctor.clock.fix') };
}
