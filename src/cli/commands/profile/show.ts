/** `espace profile show`: names, email, phone, mailing address and preferred language. */
import type { HttpClient } from '../../../api/http.js';
import { getProfile } from '../../../api/tmf/party.js';
import type { BulkCommand } from '../../../bulk/types.js';
import { UsageError } from '../../../errors.js';
import { formatAddress, type Profile } from '../../../domain/profile.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeLine } from '../../../output/sanitize.js';
import type { Translate } from '../../../i18n/catalog.js';
import type { CommandDeps } from '../../command-deps.js';
import { readableAccounts } from '../../../api/tmf/billing-account-batch.js';
import { accountHolderId, holderIdOf, profileSubject } from './subject.js';

export interface ProfileShowOptions {
  user?: string;
  /** Agents: the holder of this billing account. */
  account?: string;
}

/** The profile as labelled lines, in a fixed order (shared with `profile set`'s before/after). */
export function profileLines(profile: Profile, t: Translate): [string, string][] {
  return [
    [t('profile.field.name'), `${profile.givenName} ${profile.familyName}`],
    [t('profile.field.email'), profile.email],
    [t('profile.field.phone'), profile.phone ?? '—'],
    [t('profile.field.address'), profile.address ? formatAddress(profile.address, (unit) => t('profile.unitLine', { unit })) : '—'],
    [t('profile.field.language'), t(profile.language === 'fr' ? 'profile.language.fr' : 'profile.language.en')],
  ];
}

/** The profile of an account's holder: what `--json --account` prints (and each bulk record holds). */
async function holderProfile(api: HttpClient, accountId: string): Promise<Profile> {
  return getProfile(api, await accountHolderId(api, accountId));
}

export const profileShowBulk: BulkCommand<ProfileShowOptions> = {
  check(options) {
    if (options.user !== undefined) throw new UsageError('bulk.notAcrossAccounts', { params: { flag: '--user' } });
  },
  lookup: (account, _options, { api }) => holderProfile(api, account),
  /**
   * The accounts of a batch and their holders in one request (`billingAccount?id=A,B,…`), then
   * each holder's profile once (TMF632 has no list by several ids that every server offers): N + 1
   * requests instead of 2N. An account without a holder, or whose holder's profile could not be
   * read, is left to `lookup`, which gives its exact record.
   */
  async lookupBatch(accounts, _options, { api }) {
    const holders = new Map<string, string>();
    for (const [account, item] of await readableAccounts(api, accounts, true)) {
      const holder = holderIdOf(item);
      if (holder !== undefined) holders.set(account, holder);
    }
    const profiles = new Map<string, Profile>();
    await Promise.all(
      [...new Set(holders.values())].map(async (holder) => {
        try {
          profiles.set(holder, await getProfile(api, holder));
        } catch {
          // Its accounts are looked up alone, each for its own record.
        }
      }),
    );
    const found = new Map<string, unknown>();
    for (const [account, holder] of holders) {
      const profile = profiles.get(holder);
      if (profile !== undefined) found.set(account, profile);
    }
    return found;
  },
  csvFields: ['account', 'ok', 'data.id', 'data.givenName', 'data.familyName', 'data.email', 'data.phone', 'data.language', 'error.code', 'error.status'],
};

export async function run(options: ProfileShowOptions, ctx: CommandDeps): Promise<void> {
  if (options.user !== undefined && options.account !== undefined) throw new UsageError('profile.userAndAccount');
  const api = await ctx.api();
  const profile = options.account !== undefined ? await holderProfile(api, options.account) : await getProfile(api, await profileSubject(api, options.user));
  if (ctx.globals.json) {
    ctx.io.out(toJson(profile));
    return;
  }
  const lines = profileLines(profile, ctx.t);
  const width = Math.max(...lines.map(([label]) => label.length));
  ctx.io.out(lines.map(([label, value]) => `${ctx.io.color.bold(label.padEnd(width))}  ${sanitizeLine(value)}`).join('\n') + '\n');
}
