/**
 * Ctrl-C (SIGINT) and SIGTERM during a bulk run: the first one asks the run to stop taking new
 * accounts and to write what is in flight; the journal then lets `--resume` continue. A second
 * one quits at once (exit 130), for a run that is still waiting on retries: every line of the
 * journal is already written, so nothing is lost. This is the one place a bulk run listens to
 * the process, and it stops listening when the run ends.
 */
export interface Interruption {
  readonly requested: boolean;
  dispose(): void;
}

/** The exit status of a process ended by Ctrl-C (128 + SIGINT). */
export const FORCED_EXIT_CODE = 130;

export function listenForInterruption(onInterrupt: () => void, exit: (code: number) => void = (code) => process.exit(code)): Interruption {
  let requested = false;
  const dispose = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  function handler() {
    if (requested) {
      dispose();
      exit(FORCED_EXIT_CODE);
      return;
    }
    requested = true;
    onInterrupt();
  }
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get requested() {
      return requested;
    },
    dispose,
  };
}
