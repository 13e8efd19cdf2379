/**
 * The portal guide's troubleshooting steps ("Common Troubleshooting Steps", then "Resolving
 * Billing Disputes or Service Interruptions"), kept to those that apply to what the checks found,
 * in the guide's order, with the espace command that does each.
 */
import { SUPPORT_CHANNELS } from '../../../domain/contact.js';
import type { Lang, MessageKey, Translate } from '../../../i18n/catalog.js';
import type { CheckResult, Findings } from './report.js';

export function troubleshootingSteps(results: readonly CheckResult[], findings: Findings, t: Translate, lang: Lang): string[] {
  const failed = (id: CheckResult['id']) => results.some((result) => result.id === id && result.status === 'fail');
  const keys: MessageKey[] = [];
  if (failed('api') || failed('tls')) keys.push('doctor.step.connection');
  if (failed('token')) keys.push(findings.keychainBlocksLogin ? 'doctor.step.keychain' : 'doctor.step.login');
  if (failed('files')) keys.push('doctor.step.permissions');
  if (failed('clock')) keys.push('doctor.step.clock');
  if (findings.outageInProgress) keys.push('doctor.step.outage');
  else keys.push('doctor.step.checkOutages');
  if (findings.tokenAccepted) keys.push('doctor.step.billingInfo', 'doctor.step.plan');
  const steps = keys.map((key) => t(key));
  const phone = SUPPORT_CHANNELS.find((channel) => channel.id === 'phone');
  const email = SUPPORT_CHANNELS.find((channel) => channel.id === 'email');
  steps.push(t('doctor.step.contact', { phone: phone?.value ?? '', email: email?.value ?? '', hours: phone?.hours[lang] ?? '' }));
  steps.push(t('doctor.step.escalate'));
  return steps;
}
