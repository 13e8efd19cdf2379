/**
 * `espace smoke`: a read-only journey through the API (token, userinfo, account, bills, a bill's
 * line items, catalog, usage, tickets, outages), each step timed, for CI after a deploy; `--write`
 * adds a reversible one (a ticket opened, then withdrawn), as a customer (ESPACE_TOKEN). Credentials come only from the
 * environment (ESPACE_TOKEN, or ESPACE_CLIENT_ID + ESPACE_CLIENT_SECRET): it never prompts and
 * never reads the keychain. Exit 0 only when every step passed; 4 when the credentials were refused.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { AuthError, GeneralError, UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import { runJourney, type StepReport } from '../../../smoke/journey.js';
import { junitXml } from '../../../smoke/junit.js';
import { READ_STEPS, WRITE_STEPS } from '../../../smoke/steps.js';
import type { CommandDeps } from '../../command-deps.js';

export interface SmokeOptions {
  junit?: string;
  write: boolean;
  account?: string;
}

export async function run(options: SmokeOptions, ctx: CommandDeps): Promise<void> {
  const { env, io, t } = ctx;
  if (!env.ESPACE_TOKEN && !(env.ESPACE_CLIENT_ID && env.ESPACE_CLIENT_SECRET)) throw new AuthError('smoke.noCredentials');
  // The write journey acts as a customer of a staging account: client credentials are read-only.
  if (options.write && !env.ESPACE_TOKEN) throw new UsageError('smoke.writeNeedsToken');

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
        [
          { header: t('smoke.column.step') },
          { header: t('smoke.column.status') },
          { header: t('smoke.column.ms'), align: 'right' },
          { header: t('smoke.column.detail') },
        ],
        reports.map((step) => [step.name, t(`smoke.status.${step.status}`), String(step.ms), step.error?.message ?? step.detail ?? '']),
      ),
    );
  }
  if (failed.length > 0) {
    const params = { steps: failed.map((step) => step.name).join(', '), reason: failed[0]!.error?.message ?? '' };
    // Credentials refused (HTTP 401/403) at the first failing step is an authentication failure,
    // exit code 4 as everywhere else: CI tells a bad secret from a broken deploy by the code.
    if (refusedCredentials(failed[0]!)) throw new AuthError('smoke.failed', { params });
    throw new GeneralError('smoke.failed', { params });
  }
}

function refusedCredentials(step: StepReport): boolean {
  const status = step.error?.status;
  return status === 401 || status === 403;
}
