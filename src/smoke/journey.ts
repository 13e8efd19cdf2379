/**
 * Runs smoke steps in order, timing each. A step whose prerequisites an earlier failure left
 * missing is skipped (and named as such), so the report shows where the chain broke. Write steps
 * are undone afterwards, in reverse order, and the undo is a step of its own in the report.
 */
import type { Translate } from '../i18n/catalog.js';
import { type ErrorRecord, describeError } from '../output/error-record.js';
import { sanitizeText } from '../output/sanitize.js';
import type { JourneyState, SmokeStep, StepContext, WriteStep } from './steps.js';

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface StepReport {
  name: string;
  status: StepStatus;
  ms: number;
  detail?: string;
  error?: ErrorRecord;
}

export interface JourneyOptions {
  read: readonly SmokeStep[];
  write: readonly WriteStep[];
  t: Translate;
  now?: () => number;
}

export async function runJourney(ctx: StepContext, options: JourneyOptions): Promise<StepReport[]> {
  const now = options.now ?? (() => performance.now());
  const state: JourneyState = {};
  const reports: StepReport[] = [];
  const done: WriteStep[] = [];

  let blockedBy: string | undefined;
  const attempt = async (step: Pick<SmokeStep, 'name' | 'needs' | 'required'>, work: () => Promise<{ detail?: string; found?: Partial<JourneyState> }>) => {
    const { name } = step;
    const missing = (step.needs ?? []).filter((key) => state[key] === undefined);
    if (blockedBy !== undefined || missing.length > 0) {
      reports.push({ name, status: 'skipped', ms: 0, detail: `needs ${blockedBy ?? missing.join(', ')}` });
      return false;
    }
    const started = now();
    try {
      const result = await work();
      Object.assign(state, result.found);
      reports.push({ name, status: 'passed', ms: Math.round(now() - started), ...(result.detail ? { detail: sanitizeText(result.detail) } : {}) });
      return true;
    } catch (error) {
      reports.push({ name, status: 'failed', ms: Math.round(now() - started), error: describeError(error, options.t, 'failed') });
      if (step.required) blockedBy = name;
      return false;
    }
  };

  for (const step of options.read) await attempt(step, () => step.run(ctx, state));
  try {
    for (const step of options.write) {
      if (await attempt(step, () => step.run(ctx, state))) done.push(step);
    }
  } finally {
    // Undo what was done even when a later step failed: staging is left as it was found.
    blockedBy = undefined;
    for (const step of done.reverse()) {
      await attempt({ name: `undo ${step.name}` }, async () => {
        await step.undo(ctx, state);
        return {};
      });
    }
  }
  return reports;
}
