/**
 * The running sandbox's clock over HTTP (`/sandbox/clock…`, no login needed): the sandbox of the
 * data directory, found as `espace sandbox status` finds it.
 */
import { GeneralError, UsageError } from '../../../../errors.js';
import { runningSandbox } from '../control.js';

/** The clock as the sandbox reports it. */
export interface ClockState {
  now: string;
  origin: string;
  offsetSeconds: number;
  processedUntil: string;
}

/** One time-driven event of the sandbox's log. */
export interface ClockEventJson {
  seq: number;
  key: string;
  kind: string;
  at: string;
  billingAccountId: string | null;
  subject: string | null;
  outcome: string;
  amount: { unit: string; value: number } | null;
  detail: string | null;
}

/** Calls the running sandbox of `dataDir`; a refusal becomes a usage error (400) or an error (other). */
export async function clockRequest<T>(dataDir: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const state = await runningSandbox(dataDir);
  if (!state) throw new GeneralError('sandbox.notRunningStatus', { params: { data: dataDir }, hint: 'sandbox.hintStart' });
  const response = await fetch(`${state.url}${path}`, {
    method: init.method ?? 'GET',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const message =
      typeof (body as { message?: unknown } | undefined)?.message === 'string' ? (body as { message: string }).message : `HTTP ${response.status}`;
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    const params = { params: { reason: message.replace(/[\x00-\x1f\x7f]/g, ' ') } };
    throw response.status === 400 ? new UsageError('sandbox.clock.refused', params) : new GeneralError('sandbox.clock.refused', params);
  }
  return body as T;
}

/** `2027-01-22 12:00 UTC`: the sandbox's dates are UTC, and its date-only facts fall at noon. */
export function clockTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** One event as a tab-separated line: when, what, account, subject, outcome, amount, detail. */
export function eventLine(event: ClockEventJson): string {
  const amount = event.amount ? `${event.amount.value.toFixed(2)} ${event.amount.unit}` : '';
  return (
    [clockTime(event.at), event.kind, event.billingAccountId ?? '', event.subject ?? '', event.outcome, amount, event.detail ?? '']
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .map((cell) => cell.replace(/[\x00-\x1f\x7f]/g, ' '))
      .join('\t')
      .trimEnd()
  );
}
