/** Everything a route needs, built once per server: the database and its stores, the clock, the settings. */
import type { SandboxDatabase } from './db.js';
import { AccessPolicy } from './auth/principal.js';
import { IdentityStore } from './auth/identities.js';
import { LoginThrottle } from './auth/throttle.js';
import { TokenStore } from './auth/tokens.js';
import { AccountStore } from './store/accounts.js';
import { BillStore } from './store/bills.js';

export interface SandboxContext {
  db: SandboxDatabase;
  now: () => Date;
  tokens: TokenStore;
  identities: IdentityStore;
  throttle: LoginThrottle;
  access: AccessPolicy;
  bills: BillStore;
  accounts: AccountStore;
}

export interface ContextSettings {
  now: () => Date;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export function createContext(db: SandboxDatabase, settings: ContextSettings): SandboxContext {
  const nowMs = () => settings.now().getTime();
  return {
    db,
    now: settings.now,
    tokens: new TokenStore(db, nowMs, {
      accessSeconds: settings.accessTokenTtlSeconds,
      refreshSeconds: settings.refreshTokenTtlSeconds,
    }),
    identities: new IdentityStore(db),
    throttle: new LoginThrottle(db, nowMs),
    access: new AccessPolicy(db),
    bills: new BillStore(db),
    accounts: new AccountStore(db),
  };
}
