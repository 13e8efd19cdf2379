/**
 * Resolves after `ms`, or as soon as `signal` aborts (at once if it already has): never rejects,
 * so the caller checks the signal afterwards and reports the cancellation its own way.
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
