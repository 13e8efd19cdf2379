/** The shape of a doctor run: one result per check, and what the user should do. */

export type CheckId = 'api' | 'tls' | 'clock' | 'token' | 'apis' | 'keychain' | 'files' | 'outages';
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  /** What was found, in the user's language. */
  detail: string;
  /** What to do about it, when something is wrong. */
  fix?: string;
}

/** What one check learnt that later checks need. */
export interface Findings {
  apiUrl?: string;
  /** The server answered (any HTTP status). */
  reachable: boolean;
  /** The server's clock, from its Date header. */
  serverTime?: number;
  /** A token was found and the server accepted it. */
  tokenAccepted: boolean;
  /** An outage (not maintenance) is in progress at the service address. */
  outageInProgress: boolean;
  /** The login could not be read because of the keychain: logging in again is not the fix. */
  keychainBlocksLogin?: boolean;
}
