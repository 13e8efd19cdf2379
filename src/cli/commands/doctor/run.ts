/**
 * `espace doctor`: runs every check, shows them on one screen (or as JSON) with a fix for each
 * problem, ends with the troubleshooting steps that apply, and exits non-zero when a check failed.
 */
import { GeneralError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeLine } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { contextLabel } from '../../context-label.js';
import { checkOutages, checkToken } from './account-checks.js';
import { type ApiProbe, checkApis } from './api-probes.js';
import { checkFiles, checkKeychain } from './local-checks.js';
import { checkApi, checkClock, checkTls } from './network-checks.js';
import type { CheckResult, CheckStatus, Findings } from './report.js';
import { troubleshootingSteps } from './steps.js';

export async function run(_options: object, ctx: CommandDeps): Promise<void> {
  const findings: Findings = { reachable: false, tokenAccepted: false, outageInProgress: false };
  // Machine checks do not depend on the network: run them while the API is being reached.
  const files = checkFiles(ctx);
  const api = await checkApi(ctx, findings);
  const [tls, token] = await Promise.all([checkTls(ctx, findings), checkToken(ctx, findings)]);
  // After the login was read: what reading it met says more of the keychain than the probe.
  const keychain = checkKeychain(ctx);
  const clock = checkClock(ctx, findings);
  const [outages, apis] = await Promise.all([checkOutages(ctx, findings), checkApis(ctx, findings)]);
  const results = [api, tls, clock, token, apis.result, await keychain, await files, outages];
  const steps = troubleshootingSteps(results, findings, ctx.t, ctx.lang);
  const failures = results.filter((result) => result.status === 'fail').length;

  if (ctx.globals.json) {
    ctx.io.out(
      toJson({
        ok: failures === 0,
        ...targetJson(ctx),
        apiUrl: findings.apiUrl ?? null,
        checks: results.map(asJson),
        apis: apis.probes.map((probe) => ({
          api: probe.api,
          status: probe.status,
          url: probe.url,
          httpStatus: probe.httpStatus ?? null,
          reason: probe.reason ?? null,
        })),
        steps,
      }),
    );
  } else {
    ctx.io.out(render(ctx, results, apis.probes, steps));
  }
  if (failures > 0) throw new GeneralError('doctor.failed', { params: { count: failures } });
}

/** Which context (or custom URL) was checked; nothing when the context itself is unknown (the API check says so). */
function targetJson(ctx: CommandDeps): { context?: string; apiUrlSource?: string } {
  try {
    const target = ctx.target();
    return { context: target.contextName, apiUrlSource: target.apiUrlOrigin };
  } catch {
    return {};
  }
}

function heading(ctx: CommandDeps): string {
  try {
    return `${ctx.t('apiMap.show.context', { label: contextLabel(ctx.target(), ctx.t) })}\n\n`;
  } catch {
    return '';
  }
}

function asJson(result: CheckResult) {
  return { id: result.id, status: result.status, detail: result.detail, fix: result.fix ?? null };
}

function render(ctx: CommandDeps, results: readonly CheckResult[], probes: readonly ApiProbe[], steps: readonly string[]): string {
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
    ...(result.id === 'apis' ? probeLines(ctx, probes, width) : []),
    ...(result.fix ? [`  ${' '.repeat(width)}  ${io.color.bold(t('doctor.fixPrefix'))} ${sanitizeLine(result.fix)}`] : []),
  ]);
  const numbered = steps.map((step, index) => `  ${index + 1}. ${step}`);
  return `${heading(ctx)}${lines.join('\n')}\n\n${io.color.bold(t('doctor.stepsHeading'))}\n${numbered.join('\n')}\n`;
}

/** One line per API under the APIs check: mark, name, what it answered, and the URL asked. */
function probeLines(ctx: CommandDeps, probes: readonly ApiProbe[], indent: number): string[] {
  const { t, io } = ctx;
  const marks: Record<ApiProbe['status'], string> = {
    reachable: io.color.success('✓'),
    refused: io.color.warning('!'),
    failing: io.color.warning('!'),
    missing: io.color.error('✗'),
    unreachable: io.color.error('✗'),
    unchecked: io.color.dim('-'),
  };
  const names = Math.max(0, ...probes.map((probe) => probe.api.length));
  const states = probes.map((probe) =>
    probe.httpStatus === undefined || (probe.status === 'reachable' && probe.httpStatus < 300)
      ? t(`doctor.apis.status.${probe.status}`)
      : t('doctor.apis.withHttp', { status: t(`doctor.apis.status.${probe.status}`), code: probe.httpStatus }),
  );
  const stateWidth = Math.max(0, ...states.map((state) => state.length));
  return probes.map((probe, index) => {
    const line = `  ${' '.repeat(indent)}  ${marks[probe.status]} ${probe.api.padEnd(names)}  ${states[index]!.padEnd(stateWidth)}  ${sanitizeLine(probe.url)}`;
    return probe.reason ? `${line} (${sanitizeLine(probe.reason)})` : line;
  });
}
