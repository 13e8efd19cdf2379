/**
 * `espace doctor`: runs every check, shows them on one screen (or as JSON) with a fix for each
 * problem, ends with the troubleshooting steps that apply, and exits non-zero when a check failed.
 */
import { GeneralError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeLine } from '../../../output/sanitize.js';
import type { Context } from '../../context.js';
import { checkOutages, checkToken } from './account-checks.js';
import { checkFiles, checkKeychain } from './local-checks.js';
import { checkApi, checkClock, checkTls } from './network-checks.js';
import type { CheckResult, CheckStatus, Findings } from './report.js';
import { troubleshootingSteps } from './steps.js';

export async function run(_options: object, ctx: Context): Promise<void> {
  const findings: Findings = { reachable: false, tokenAccepted: false, outageInProgress: false };
  // Machine checks do not depend on the network: run them while the API is being reached.
  const local = Promise.all([checkKeychain(ctx), checkFiles(ctx)]);
  const api = await checkApi(ctx, findings);
  const [tls, token] = await Promise.all([checkTls(ctx, findings), checkToken(ctx, findings)]);
  const clock = checkClock(ctx, findings);
  const outages = await checkOutages(ctx, findings);
  const [keychain, files] = await local;
  const results = [api, tls, clock, token, keychain, files, outages];
  const steps = troubleshootingSteps(results, findings, ctx.t, ctx.lang);
  const failures = results.filter((result) => result.status === 'fail').length;

  if (ctx.globals.json) {
    ctx.io.out(toJson({ ok: failures === 0, apiUrl: findings.apiUrl ?? null, checks: results.map(asJson), steps }));
  } else {
    ctx.io.out(render(ctx, results, steps));
  }
  if (failures > 0) throw new GeneralError('doctor.failed', { params: { count: failures } });
}

function asJson(result: CheckResult) {
  return { id: result.id, status: result.status, detail: result.detail, fix: result.fix ?? null };
}

function render(ctx: Context, results: readonly CheckResult[], steps: readonly string[]): string {
  const { t, io } = ctx;
  const marks: Record<CheckStatus, string> = {
    ok: io.color.success('✓'),
    warn: io.color.warning('!'),
    fail: io.color.error('✗'),
    skip: io.color.dim('-'),
  };
  const labels = results.map((result) => t(`doctor.check.${result.id}`));
  const width = Math.max(...labels.map((label) => label.length));
  const lines = results.flatMap((result, index) => [
    `${marks[result.status]} ${labels[index]!.padEnd(width)}  ${sanitizeLine(result.detail)}`,
    ...(result.fix ? [`  ${' '.repeat(width)}  ${io.color.bold(t('doctor.fixPrefix'))} ${sanitizeLine(result.fix)}`] : []),
  ]);
  const numbered = steps.map((step, index) => `  ${index + 1}. ${step}`);
  return `${lines.join('\n')}\n\n${io.color.bold(t('doctor.stepsHeading'))}\n${numbered.join('\n')}\n`;
}
