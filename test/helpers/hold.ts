/**
 * A place where server code waits until the test lets it go: `wait` is what the server awaits,
 * `reached` resolves when it first gets there, `release` lets every waiter through.
 */
export interface Hold {
  wait: () => Promise<void>;
  reached: Promise<void>;
  release: () => void;
}

export function hold(): Hold {
  let release!: () => void;
  let arrive!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  return {
    wait: () => {
      arrive();
      return released;
    },
    reached,
    release,
  };
}
