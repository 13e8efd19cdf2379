/**
 * What a stored login looks like, and the interface every place that can keep one implements
 * (the OS keychain, the `--insecure-storage` file, memory for tests).
 */

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

/** An ISO 8601 instant with its offset (`Z` or `±hh:mm`), as `expiresAt` and `savedAt` are written. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

type FieldRule = 'text' | 'nonEmpty' | 'instant';

/**
 * The shape accepted when credentials are read back, field by field. Unknown fields are dropped
 * rather than refused, so that an entry written by a newer espace still works. Checked by hand,
 * not with zod: every command that reads a stored login would otherwise load zod for eight
 * fields (a TAB completion needs nothing else of it).
 */
const FIELDS: Record<keyof StoredCredentials, { rule: FieldRule; optional: boolean }> = {
  apiUrl: { rule: 'nonEmpty', optional: false },
  accessToken: { rule: 'nonEmpty', optional: false },
  refreshToken: { rule: 'nonEmpty', optional: true },
  tokenType: { rule: 'nonEmpty', optional: true },
  expiresAt: { rule: 'instant', optional: true },
  username: { rule: 'text', optional: true },
  scope: { rule: 'text', optional: true },
  savedAt: { rule: 'instant', optional: false },
};

/** What is wrong with one field's value, or undefined when it is fine. Never the value itself. */
function fieldProblem(value: unknown, rule: FieldRule, optional: boolean): string | undefined {
  if (value === undefined) return optional ? undefined : 'required';
  if (typeof value !== 'string') return `expected a string, not ${value === null ? 'null' : typeof value}`;
  if (rule === 'nonEmpty' && value.length === 0) return 'must not be empty';
  if (rule === 'instant' && (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)))) return 'expected an ISO 8601 date and time with its offset';
  return undefined;
}

/**
 * Checks a value read back from storage. Returns a short description of what is wrong instead of
 * throwing, so that each store can say where the bad entry is. The description names fields and
 * what was expected, never the values, so it cannot leak a token.
 */
export function parseStoredCredentials(value: unknown): { ok: true; credentials: StoredCredentials } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: `entry: expected an object, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const credentials: Record<string, string> = {};
  for (const [field, { rule, optional }] of Object.entries(FIELDS)) {
    const problem = fieldProblem(record[field], rule, optional);
    if (problem !== undefined) problems.push(`${field}: ${problem}`);
    else if (record[field] !== undefined) credentials[field] = record[field] as string;
  }
  if (problems.length > 0) return { ok: false, problem: problems.slice(0, 3).join('; ') };
  return { ok: true, credentials: credentials as unknown as StoredCredentials };
}
