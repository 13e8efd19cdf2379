/** Everything a route needs, built once per server: the database and its stores, the clock, the settings. */
import type { SandboxDatabase } from './db.js';
import { AccessPolicy } from './auth/principal.js';
import { IdentityStore } from './auth/identities.js';
import { PasswordHasher, type HasherOptions } from './auth/hash-limiter.js';
import { LoginThrottle, type ThrottleLimits } from './auth/throttle.js';
import type { TotpSecretCipher } from './auth/totp-secrets.js';
import { TokenStore } from './auth/tokens.js';
import { AccountStore } from './billing/billing-account-store.js';
import { BillStore } from './billing/bill-store.js';

export interface SandboxContext {
  db: SandboxDatabase;
  /** The sandbox clock (clock/clock.ts): business time, which `espace sandbox clock advance` moves. */
  now: () => Date;
  /** The real clock: token expiry, login throttling and TOTP codes live in real time. */
  realNow: () => Date;
  tokens: TokenStore;
  identities: IdentityStore;
  throttle: LoginThrottle;
  /** Every password hash and check goes through it (bounded concurrency). */
  passwords: PasswordHasher;
  totpSecrets: TotpSecretCipher;
  access: AccessPolicy;
  bills: BillStore;
  accounts: AccountStore;
}

export interface ContextSettings {
  now: () => Date;
  /** Default: `now`. */
  realNow?: () => Date;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  totpSecrets: TotpSecretCipher;
  throttleLimits?: Partial<ThrottleLimits>;
  passwordHashing?: HasherOptions;
}

export function createContext(db: SandboxDatabase, settings: ContextSettings): SandboxContext {
  const realNow = settings.realNow ?? settings.now;
  const nowMs = () => realNow().getTime();
  return {
    db,
    now: settings.now,
    realNow,
    tokens: new TokenStore(db, nowMs, {
      accessSeconds: settings.accessTokenTtlSeconds,
      refreshSeconds: settings.refreshTokenTtlSeconds,
    }),
    identities: new IdentityStore(db),
    throttle: new LoginThrottle(db, nowMs, settings.throttleLimits),
    passwords: new PasswordHasher(settings.passwordHashing),
    totpSecrets: settings.totpSecrets,
    access: new AccessPolicy(db),
    bills: new BillStore(db),
    accounts: new AccountStore(db),
  };
}
