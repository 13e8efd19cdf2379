/** `espace profile show`: names, email, phone, mailing address and preferred language. */
import { getProfile } from '../../../api/tmf/party.js';
import { formatAddress, type Profile } from '../../../domain/profile.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeText } from '../../../output/sanitize.js';
import type { Translate } from '../../../i18n/catalog.js';
import type { Context } from '../../context.js';
import { profileSubject } from './subject.js';

export interface ProfileShowOptions {
  user?: string;
}

/** The profile as labelled lines, in a fixed order (shared with `profile set`'s before/after). */
export function profileLines(profile: Profile, t: Translate): [string, string][] {
  return [
    [t('profile.field.name'), `${profile.givenName} ${profile.familyName}`],
    [t('profile.field.email'), profile.email],
    [t('profile.field.phone'), profile.phone ?? '—'],
    [t('profile.field.address'), profile.address ? formatAddress(profile.address) : '—'],
    [t('profile.field.language'), t(profile.language === 'fr' ? 'profile.language.fr' : 'profile.language.en')],
  ];
}

export async function run(options: ProfileShowOptions, ctx: Context): Promise<void> {
  const api = await ctx.api();
  const profile = await getProfile(api, await profileSubject(api, options.user));
  if (ctx.globals.json) {
    ctx.io.out(toJson(profile));
    return;
  }
  const lines = profileLines(profile, ctx.t);
  const width = Math.max(...lines.map(([label]) => label.length));
  ctx.io.out(lines.map(([label, value]) => `${ctx.io.color.bold(label.padEnd(width))}  ${sanitizeText(value)}`).join('\n') + '\n');
}
