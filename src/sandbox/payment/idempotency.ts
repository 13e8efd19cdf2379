/**
 * Idempotency-Key records for POST payment. The first request with a key reserves it
 * (`running`); its answer is stored with the charge in the same transaction (`done`). A repeat
 * with the same body gets the stored answer; a different body, 422; a repeat while the first
 * still runs, or from another caller, 409 (the key is someone else's: its outcome is not theirs to
 * learn, and not a refusal either). Records are kept 24 hours by the sandbox clock.
 */
import { createHash } from 'node:crypto';
import type { SandboxDatabase, Statement } from '../db.js';

export const KEY_RETENTION_MS = 24 * 3600 * 1000;
/** A `running` record this old belongs to a request that died with the server: nothing was charged. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

export type Reservation =
  { kind: 'reserved' } | { kind: 'replay'; statusCode: number; response: string } | { kind: 'mismatch' } | { kind: 'otherCaller' } | { kind: 'inProgress' };

interface KeyRow {
  caller: string;
  requestSha256: string;
  state: 'running' | 'done';
  statusCode: number | null;
  response: string | null;
  createdAt: number;
}

/** A stable fingerprint of a JSON body: key order does not matter. */
export function fingerprint(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

export class IdempotencyStore {
  readonly #db: SandboxDatabase;
  readonly #get: Statement<[string], KeyRow>;
  readonly #insert: Statement<[string, string, string, number]>;
  readonly #restart: Statement<[number, string]>;
  readonly #finish: Statement<[number, string, string]>;
  readonly #release: Statement<[string]>;
  readonly #purge: Statement<[number]>;

  constructor(db: SandboxDatabase) {
    this.#db = db;
    this.#get = db.prepare(
      `SELECT caller, request_sha256 AS requestSha256, state, status_code AS statusCode, response, created_at AS createdAt
         FROM payment_idempotency WHERE key = ?`,
    );
    this.#insert = db.prepare(`INSERT INTO payment_idempotency (key, caller, request_sha256, state, created_at) VALUES (?, ?, ?, 'running', ?)`);
    this.#restart = db.prepare(`UPDATE payment_idempotency SET created_at = ? WHERE key = ?`);
    this.#finish = db.prepare(`UPDATE payment_idempotency SET state = 'done', status_code = ?, response = ? WHERE key = ?`);
    this.#release = db.prepare(`DELETE FROM payment_idempotency WHERE key = ?`);
    this.#purge = db.prepare(`DELETE FROM payment_idempotency WHERE state = 'done' AND created_at < ?`);
  }

  /** Reserves a key, or says why the request must not run again. One write-locked transaction. */
  reserve(key: string, caller: string, requestSha256: string, nowMs: number): Reservation {
    return this.#db
      .transaction((): Reservation => {
        this.#purge.run(nowMs - KEY_RETENTION_MS);
        const row = this.#get.get(key);
        if (!row) {
          this.#insert.run(key, caller, requestSha256, nowMs);
          return { kind: 'reserved' };
        }
        if (row.caller !== caller) return { kind: 'otherCaller' };
        if (row.requestSha256 !== requestSha256) return { kind: 'mismatch' };
        if (row.state === 'done') return { kind: 'replay', statusCode: row.statusCode ?? 500, response: row.response ?? '' };
        if (nowMs - row.createdAt < ABANDONED_AFTER_MS) return { kind: 'inProgress' };
        this.#restart.run(nowMs, key);
        return { kind: 'reserved' };
      })
      .immediate();
  }

  /** Stores the answer; call inside the transaction that applies the payment. */
  finish(key: string, statusCode: number, response: unknown): void {
    this.#finish.run(statusCode, JSON.stringify(response), key);
  }

  /** Forgets a reservation whose request failed unexpectedly, so that a retry can run it. */
  release(key: string): void {
    this.#release.run(key);
  }
}
