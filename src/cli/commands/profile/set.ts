/**
 * `espace profile set`: change names, email, phone, mailing address or preferred language. Values
 * are checked before any request; a changed address is then checked by the operator (TMF673), the
 * changes are shown before and after, and confirmed (`--yes` for scripts). With no values on a
 * terminal, each field is asked for, the current value as default.
 */
import type { HttpClient } from '../../../api/http.js';
import { validateAddress } from '../../../api/tmf/geographic-address.js';
import { getProfile, updateProfile } from '../../../api/tmf/party.js';
import { formatAddress, type MailingAddress, type Profile, type ProfileChanges, unitOf } from '../../../domain/profile.js';
import { translator } from '../../../i18n/catalog.js';
import { CancelledError, UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeLine } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { profileLines } from './show.js';
import { profileSubject } from './subject.js';
import { type AddressParts, checkPostalProvince, checkValues, type CheckedValues, FIELD_CHECKS, hasAnyValue, type RawValues } from './validate.js';

export interface ProfileSetOptions extends RawValues {
  user?: string;
  yes: boolean;
}

/** On a terminal with no values given: every field, asked for with the current value as default. */
async function askValues(ctx: CommandDeps, current: Profile): Promise<RawValues> {
  const defaults: Required<RawValues> = {
    givenName: current.givenName,
    familyName: current.familyName,
    email: current.email,
    phone: current.phone ?? '',
    street: current.address?.street1 ?? '',
    unit: unitOf(current.address?.street2) ?? '',
    city: current.address?.city ?? '',
    province: current.address?.province ?? '',
    postalCode: current.address?.postalCode ?? '',
    language: current.language,
  };
  const answers: RawValues = {};
  for (const field of Object.keys(defaults) as (keyof RawValues)[]) {
    const { check, message, flag } = FIELD_CHECKS[field];
    const answer = await ctx.prompt.input({
      message: ctx.t(`profile.prompt.${field}`),
      flag,
      default: defaults[field] || undefined,
      // Not every address has a unit: Enter on an empty line means none.
      optional: field === 'unit',
      validate: (value) => check(value) !== undefined || ctx.t(message, { flag, value, provinces: '' }),
    });
    if (answer !== defaults[field]) answers[field] = answer;
  }
  return answers;
}

/**
 * The address after the change. The unit is kept when only the street changes (a move within
 * the building is rare, an apartment dropped by mistake is not), set by --unit, removed by
 * --no-unit; it is stored as a second line in the customer's language (`App. 5`, `Apt 5`).
 */
function mergedAddress(current: MailingAddress | undefined, parts: AddressParts, unitLine: (unit: string) => string): MailingAddress | undefined {
  if (Object.values(parts).every((part) => part === undefined)) return undefined;
  const street1 = parts.street ?? current?.street1;
  const city = parts.city ?? current?.city;
  const province = parts.province ?? current?.province;
  const postalCode = parts.postalCode ?? current?.postalCode;
  if (!street1 || !city || !province || !postalCode) throw new UsageError('profile.address.incomplete');
  checkPostalProvince(postalCode, province);
  const street2 = parts.unit === undefined ? current?.street2 : parts.unit === '' ? undefined : unitLine(parts.unit);
  return { street1, ...(street2 ? { street2 } : {}), city, province, postalCode, country: current?.country ?? 'CA' };
}

/** The operator's verdict on a new address: its normalized form, or an accepted alternative. */
async function checkedAddress(ctx: CommandDeps, api: HttpClient, address: MailingAddress): Promise<MailingAddress> {
  const verdict = await validateAddress(api, address);
  if (verdict.result === 'success' && verdict.valid) return verdict.valid;
  const problems = verdict.problems.map(sanitizeLine).join('; ');
  const alternative = verdict.result === 'partial' ? verdict.alternatives[0] : undefined;
  if (!alternative) throw new UsageError('profile.address.refused', { params: { problems } });
  const suggestion = sanitizeLine(formatAddress(alternative));
  if (!ctx.io.interactive) throw new UsageError('profile.address.partial', { params: { problems, suggestion } });
  ctx.io.err(`${ctx.io.errColor.warning(ctx.t('profile.address.partialNote', { problems }))}\n`);
  if (!(await ctx.prompt.confirm({ message: ctx.t('profile.address.useSuggestion', { suggestion }), flag: '--yes', default: true }))) {
    throw new CancelledError();
  }
  return alternative;
}

/** Only what differs from the current profile. */
function changesFrom(current: Profile, values: CheckedValues, address: MailingAddress | undefined): ProfileChanges {
  const changes: ProfileChanges = {};
  if (values.givenName !== undefined && values.givenName !== current.givenName) changes.givenName = values.givenName;
  if (values.familyName !== undefined && values.familyName !== current.familyName) changes.familyName = values.familyName;
  if (values.email !== undefined && values.email !== current.email) changes.email = values.email;
  if (values.phone !== undefined && values.phone !== current.phone) changes.phone = values.phone;
  if (values.language !== undefined && values.language !== current.language) changes.language = values.language;
  if (address && (!current.address || formatAddress(address) !== formatAddress(current.address))) changes.address = address;
  return changes;
}

function preview(ctx: CommandDeps, current: Profile, changes: ProfileChanges): string {
  const after: Profile = { ...current, ...changes };
  const before = profileLines(current, ctx.t);
  const next = profileLines(after, ctx.t);
  const width = Math.max(...before.map(([label]) => label.length));
  const lines = before
    .map(([label, old], index) => ({ label, old, now: next[index]![1] }))
    .filter(({ old, now }) => old !== now)
    .map(({ label, old, now }) => `  ${label.padEnd(width)}  ${sanitizeLine(old)}  →  ${ctx.io.errColor.bold(sanitizeLine(now))}`);
  return `${ctx.t('profile.set.preview')}\n${lines.join('\n')}\n`;
}

export async function run(options: ProfileSetOptions, ctx: CommandDeps): Promise<void> {
  const { io, t } = ctx;
  const { user, yes, ...raw } = options;
  const given = hasAnyValue(raw);
  if (!given && !io.interactive) throw new UsageError('profile.set.nothing');
  // Everything typed on the command line is checked before the first request.
  const flagValues = checkValues(raw);

  const api = await ctx.api();
  const id = await profileSubject(api, user);
  const current = await getProfile(api, id);
  const values = given ? flagValues : checkValues(await askValues(ctx, current));
  // Stored the way the customer reads it; shown the way this reader does.
  const stored = translator(current.language);
  let address = mergedAddress(current.address, values.address, (unit) => stored('profile.unitLine', { unit }));
  if (address) address = await checkedAddress(ctx, api, address);
  const changes = changesFrom(current, values, address);
  if (Object.keys(changes).length === 0) {
    io.err(`${t('profile.set.unchanged')}\n`);
    if (ctx.globals.json) io.out(toJson(current));
    return;
  }

  io.err(preview(ctx, current, changes));
  if (!yes && !(await ctx.prompt.confirm({ message: t('profile.set.confirm'), flag: '--yes', default: true }))) throw new CancelledError();
  const updated = await updateProfile(api, id, changes);
  if (ctx.globals.json) io.out(toJson(updated));
  io.err(`${io.errColor.success(t('profile.set.done'))}\n`);
}
