/**
 * The error family every layer throws. Each error names a catalog message (so the user reads it
 * in their language) and a category; `cli/main.ts` is the one place that turns a category into an
 * exit code, and the README documents the codes.
 */
import type { MessageKey, MessageParams, Translate } from './i18n/catalog.js';
import { lineParams } from './output/sanitize.js';

export type ErrorCategory =
  | 'general' // 1: an API error, a network failure, a server fault, a resource not found
  | 'usage' // 2: a bad flag, argument or value; nothing was sent
  | 'partial' // 3: some items of a bulk run failed
  | 'auth' // 4: not logged in, session expired, or not allowed
  | 'paymentUnknown' // 5: a payment's outcome could not be known; reconcile
  | 'cancelled'; // 130: the user cancelled (Ctrl-C, declined a confirmation)

export const EXIT_CODES: Record<ErrorCategory | 'ok', number> = {
  ok: 0,
  general: 1,
  usage: 2,
  partial: 3,
  auth: 4,
  paymentUnknown: 5,
  cancelled: 130,
};

export interface EspaceErrorOptions {
  params?: MessageParams;
  /** A catalog message telling the user what to do next. */
  hint?: MessageKey;
  hintParams?: MessageParams;
  /** Params that are messages themselves, rendered in the user's language (e.g. a reason). */
  messageParams?: Record<string, { key: MessageKey; params?: MessageParams }>;
  cause?: unknown;
}

export class EspaceError extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly hint: MessageKey | undefined;
  readonly hintParams: MessageParams;
  readonly category: ErrorCategory;
  readonly messageParams: Record<string, { key: MessageKey; params?: MessageParams }>;

  constructor(category: ErrorCategory, key: MessageKey, options: EspaceErrorOptions = {}) {
    // The English text is the Error message so that stack traces and logs stay readable.
    super(key, { cause: options.cause });
    this.name = new.target.name;
    this.category = category;
    this.key = key;
    this.params = options.params ?? {};
    this.hint = options.hint;
    this.hintParams = options.hintParams ?? options.params ?? {};
    this.messageParams = options.messageParams ?? {};
  }

  /**
   * The message in the user's language, with nested messages rendered the same way. Parameters
   * often carry a server's words (an error body's message, a name): each is put on one line,
   * stripped of controls and bounded, so that no server can add lines or escapes to an error.
   */
  describe(t: Translate): string {
    const nested = Object.fromEntries(Object.entries(this.messageParams).map(([name, message]) => [name, t(message.key, lineParams(message.params ?? {}))]));
    return t(this.key, lineParams({ ...this.params, ...nested }));
  }

  /** The hint in the user's language, its parameters made safe like the message's; undefined without one. */
  describeHint(t: Translate): string | undefined {
    return this.hint ? t(this.hint, lineParams(this.hintParams)) : undefined;
  }
}

/** A bad flag, argument or value: the message names it and says what is expected. */
export class UsageError extends EspaceError {
  constructor(key: MessageKey, options?: EspaceErrorOptions) {
    super('usage', key, options);
  }
}

/** Not logged in, a session that cannot be refreshed, or an action the account may not take. */
export class AuthError extends EspaceError {
  constructor(key: MessageKey, options?: EspaceErrorOptions) {
    super('auth', key, options);
  }
}

/** The user cancelled: Ctrl-C at a prompt, or "no" to a confirmation. */
export class CancelledError extends EspaceError {
  constructor(options?: EspaceErrorOptions) {
    super('cancelled', 'core.cancelled', options);
  }
}

/** Anything else the user must be told about: a local file, the keychain, the sandbox… */
export class GeneralError extends EspaceError {
  constructor(key: MessageKey, options?: EspaceErrorOptions) {
    super('general', key, options);
  }
}
