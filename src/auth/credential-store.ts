/**
 * What a stored login looks like, and the interface every place that can keep one implements
 * (the OS keychain, the `--insecure-storage` file, memory for tests).
 */
import { z } from 'zod';

/** One context's login: enough to call the API and to refresh the session without a password. */
export interface StoredCredentials {
  apiUrl: string;
  accessToken: string;
  refreshToken?: string;
  tokenType?: string;
  /** ISO 8601 instant at which the access token expires. */
  expiresAt?: string;
  username?: string;
  scope?: string;
  /** ISO 8601 instant at which these credentials were saved. */
  savedAt: string;
}

/** Where credentials were found or saved; the CLI tells the user when it is `file`. */
export type CredentialSource = 'keychain' | 'file' | 'memory';

/**
 * A place that keeps one set of credentials per account. `account` is the espace context name
 * (`sandbox`, `staging`…), so several contexts can be logged in at once.
 */
export interface CredentialStore {
  readonly source: CredentialSource;
  /** The account's credentials, or undefined when none are stored. */
  get(account: string): Promise<StoredCredentials | undefined>;
  /** Stores (or replaces) the account's credentials. */
  set(account: string, value: StoredCredentials): Promise<void>;
  /** Removes the account's credentials; resolves whether there were any. */
  delete(account: string): Promise<boolean>;
}

const isoInstant = z.iso.datetime({ offset: true });

/**
 * The shape accepted when credentials are read back. Unknown fields are dropped rather than
 * refused, so that an entry written by a newer espace still works.
 */
export const storedCredentialsSchema = z.object({
  apiUrl: z.string().min(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  tokenType: z.string().min(1).optional(),
  expiresAt: isoInstant.optional(),
  username: z.string().optional(),
  scope: z.string().optional(),
  savedAt: isoInstant,
});

/**
 * Checks a value read back from storage. Returns a short description of what is wrong instead of
 * throwing, so that each store can say where the bad entry is. zod's messages name fields and
 * expected types, never the values, so the description cannot leak a token.
 */
export function parseStoredCredentials(
  value: unknown,
): { ok: true; credentials: StoredCredentials } | { ok: false; problem: string } {
  const result = storedCredentialsSchema.safeParse(value);
  if (result.success) return { ok: true, credentials: result.data };
  const problem = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'entry'}: ${issue.message}`)
    .join('; ');
  return { ok: false, problem };
}
