/**
 * `espace smoke`: a read-only journey through the API (token, userinfo, account, bills, a bill's
 * line items…), each step timed, for CI after a deploy. Credentials come only from the
 * environment (ESPACE_TOKEN, or ESPACE_CLIENT_ID + ESPACE_CLIENT_SECRET): it never prompts and
 * never reads the keychain. Exit 0 only when every step passed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { AuthError, GeneralError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import { runJourney } from '../../../smoke/journey.js';
import { junitXml } from '../../../smoke/junit.js';
import { READ_STEPS, WRITE_STEPS } from '../../../smoke/steps.js';
import type { Context } from '../../context.js';

export interface SmokeOptions {
  junit?: string;
  write: boolean;
  account?: string;
}

export async function run(options: SmokeOptions, ctx: Context): Promise<void> {
  const { env, io, t } = ctx;
  if (!env.ESPACE_TOKEN && !(env.ESPACE_CLIENT_ID && env.ESPACE_CLIENT_SECRET)) throw new AuthError('smoke.noCredentials');
  if (options.write && WRITE_STEPS.length === 0) io.err(`${t('smoke.noWriteSteps')}\n`);

  const startedAt = ctx.clock().toISOString();
  const reports = await runJourney(
    { api: await ctx.api(), tokens: await ctx.session(), account: options.account },
    { read: READ_STEPS, write: options.write ? WRITE_STEPS : [], t },
  );
  const failed = reports.filter((report) => report.status === 'failed');
  const target = ctx.target();
  const report = {
    ok: failed.length === 0,
    target: { context: target.contextName, apiUrl: target.apiUrl },
    startedAt,
    durationMs: reports.reduce((sum, step) => sum + step.ms, 0),
    steps: reports,
  };

  if (options.junit) {
    await mkdir(dirname(options.junit), { recursive: true });
    await writeFile(options.junit, junitXml(reports, { name: 'espace smoke', timestamp: startedAt.replace(/\.\d+Z$/, ''), hostname: hostname() }));
  }
  if (ctx.globals.json) io.out(toJson(report));
  else {
    io.out(
      renderTable(
        io,
        [{ header: t('smoke.column.step') }, { header: t('smoke.column.status') }, { header: t('smoke.column.ms'), align: 'right' }, { header: t('smoke.column.detail') }],
        reports.map((step) => [step.name, t(`smoke.status.${step.status}`), String(step.ms), step.error?.message ?? step.detail ?? '']),
      ),
    );
  }
  if (failed.length > 0) {
    throw new GeneralError('smoke.failed', { params: { steps: failed.map((step) => step.name).join(', '), reason: failed[0]!.error?.message ?? '' } });
  }
}
