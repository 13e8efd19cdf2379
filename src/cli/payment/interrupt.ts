/**
 * Ctrl-C (SIGINT) and SIGTERM during a payment. What they mean depends on where the payment is:
 *
 * - before its request left (waiting for the journal's lock, reading the bill): a plain cancel,
 *   nothing was sent (exit 130);
 * - while its request is out: the command stops waiting for the answer, but the payment may have
 *   been charged. It is reported as "not known yet" with its key (exit 5), its journal entry kept
 *   for `espace payment reconcile`; a second signal says so again rather than leaving silently;
 * - once the answer is in: the few milliseconds left to record and print it are not cut short.
 *
 * The listeners are the command's own and are removed when it ends, except after an interruption
 * in flight, where they keep explaining until the process is gone.
 */
export interface PaymentInterruption {
  /** Aborted by the first signal before the answer is in. */
  readonly signal: AbortSignal;
  /** A signal came before the payment's request left. */
  readonly cancelled: boolean;
  /** A signal came while the payment's request was out. */
  readonly interrupted: boolean;
  /** The payment with this key is about to leave: from now on a signal means "outcome unknown". */
  sending(key: string): void;
  /** The answer is in. */
  answered(): void;
  /**
   * Nothing of ours is out again (`payment reconcile`, between two payments): a signal from now
   * on — or one that came while the last answer was recorded — is a plain cancel. After an
   * interruption in flight, it stays one.
   */
  preparing(): void;
  dispose(): void;
}

/** `source` is the process; tests pass an emitter of their own. */
export function listenForPaymentInterruption(explain: (key: string) => void, source: NodeJS.EventEmitter = process): PaymentInterruption {
  const controller = new AbortController();
  let phase: 'preparing' | 'sending' | 'answered' = 'preparing';
  let key = '';
  let cancelled = false;
  let interrupted = false;
  /** A signal while an answer was being recorded: it cancels what comes next, if anything does. */
  let deferred = false;
  const handler = () => {
    if (phase === 'answered') {
      deferred = true;
      return;
    }
    if (phase === 'preparing') {
      cancelled = true;
    } else if (interrupted) {
      explain(key);
    } else {
      interrupted = true;
    }
    controller.abort();
  };
  source.on('SIGINT', handler);
  source.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    get cancelled() {
      return cancelled;
    },
    get interrupted() {
      return interrupted;
    },
    sending(paymentKey) {
      key = paymentKey;
      phase = 'sending';
    },
    answered() {
      phase = 'answered';
    },
    preparing() {
      if (interrupted) return;
      phase = 'preparing';
      if (deferred) {
        cancelled = true;
        controller.abort();
      }
    },
    dispose() {
      if (interrupted) return;
      source.off('SIGINT', handler);
      source.off('SIGTERM', handler);
    },
  };
}
