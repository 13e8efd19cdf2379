/**
 * Ctrl-C (SIGINT) and SIGTERM during a bulk run: the first one asks the run to stop taking new
 * accounts and to write what is in flight; the journal then lets `--resume` continue. This is
 * the one place a bulk run listens to the process, and it stops listening when the run ends.
 */
export interface Interruption {
  readonly requested: boolean;
  dispose(): void;
}

export function listenForInterruption(onInterrupt: () => void): Interruption {
  let requested = false;
  const handler = () => {
    if (requested) return;
    requested = true;
    onInterrupt();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get requested() {
      return requested;
    },
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
