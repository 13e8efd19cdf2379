/**
 * Which billing account a command acts on: `--account` when given (an agent may name any), else
 * the caller's only account. Several accounts and no flag is a usage error listing them.
 */
import { listAccounts } from '../api/tmf/billing-account.js';
import type { HttpClient } from '../api/http.js';
import { UsageError } from '../errors.js';

export async function resolveAccountId(api: HttpClient, requested: string | undefined): Promise<string> {
  if (requested) return requested;
  // A few are enough to say the choice is ambiguous and name some; an agent can see thousands.
  const accounts = await listAccounts(api, 6);
  if (accounts.length === 1) return accounts[0]!.id;
  if (accounts.length === 0) throw new UsageError('account.none');
  throw new UsageError('account.ambiguous', {
    params: {
      accounts:
        accounts
          .slice(0, 5)
          .map((account) => account.id)
          .join(', ') + (accounts.length > 5 ? ', …' : ''),
    },
  });
}
