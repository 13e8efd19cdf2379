/**
 * `espace demo`: the quick start. Starts the embedded sandbox if it is not running, signs in as
 * the demo customer for this one command (nothing is stored, so it works on a machine with no
 * keychain), shows the latest bill, then says how to log in for real on this machine (with
 * --insecure-storage where no keychain can hold the login).
 */
import { HttpClient } from '../../../api/http.js';
import { passwordGrant } from '../../../api/oauth.js';
import { SANDBOX_CONTEXT, sandboxPort } from '../../../config/contexts.js';
import { sandboxDataDir } from '../../../config/paths.js';
import { keychainStateOf } from '../../../auth/keychain-story.js';
import { UsageError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';
import { USER_AGENT } from '../../../version.js';
import { run as showBill } from '../bill/show.js';
import { profileOf, runningSandbox, startSandboxProcess } from '../sandbox/control.js';

/** The seeded demo customer (see src/sandbox/auth/seed.ts; a test keeps the two in step). */
/** Short: the demo should not sit waiting on a keychain to say how to log in. */
const KEYCHAIN_PROBE_MS = 3000;

export const DEMO_CUSTOMER = { username: 'marie.tremblay', password: 'Espace-Demo-2026!' } as const;

export async function run(_options: object, ctx: CommandDeps): Promise<void> {
  const { io, t } = ctx;
  const target = ctx.target();
  if (target.contextName !== SANDBOX_CONTEXT || target.apiUrlOrigin !== 'default') {
    throw new UsageError('demo.sandboxOnly');
  }
  const dataDir = sandboxDataDir(ctx.env);
  if (!(await runningSandbox(dataDir))) {
    io.err(`${t('demo.starting')}\n`);
    const state = await startSandboxProcess({ dataDir, port: sandboxPort(ctx.env) });
    io.err(`${t('sandbox.started', { url: state.url, pid: state.pid, data: dataDir, profile: profileOf(state) })}\n`);
  }

  const anonymous = await ctx.anonymousApi();
  const tokens = await passwordGrant(anonymous, DEMO_CUSTOMER, ctx.clock());
  // A one-command session: the token lives in memory only and is never stored.
  const demoApi = new HttpClient({
    baseUrl: target.apiUrl,
    userAgent: `${USER_AGENT} demo`,
    locale: ctx.locale,
    tokens: { token: async () => tokens.accessToken, refreshAfterRejection: async () => undefined },
  });
  try {
    io.err(`${t('demo.showing', { username: DEMO_CUSTOMER.username })}\n\n`);
    await showBill({ bill: 'latest' }, { ...ctx, api: async () => demoApi });
  } finally {
    await demoApi.close();
  }
  io.err(`\n${await nextSteps(ctx)}\n`);
}

/**
 * How to log in for real, on this machine: a plain login where the keychain works, and where it
 * does not, the login that will (the same story as `auth status` and `doctor` tell).
 */
async function nextSteps(ctx: CommandDeps): Promise<string> {
  const { t, env, lang } = ctx;
  const params = { username: DEMO_CUSTOMER.username, password: DEMO_CUSTOMER.password };
  const { keychainTimeoutFromEnv, probeKeychain } = await import('../../../auth/keychain-store.js');
  const probe = await probeKeychain(keychainTimeoutFromEnv(env) ?? KEYCHAIN_PROBE_MS, lang);
  if (probe.ok) return t('demo.next', params);
  const state = keychainStateOf(probe.reasonKey);
  return t(state === 'locked' ? 'demo.nextLocked' : 'demo.nextNoKeychain', { ...params, reason: probe.reason });
}
