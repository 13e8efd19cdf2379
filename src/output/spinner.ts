/**
 * The spinner of a long wait: one line on stderr saying what is being waited for ("Waiting for
 * the payment…"), redrawn in place, erased when the wait ends. Shown only when a person watches
 * both streams (stdout and stderr are terminals, as gh decides): never in a pipe, a log or with
 * `--json` to a script. In the plain layout it does not move: the line is written once.
 */

/** The dots of the spinner (braille patterns, one column wide). */
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 100;
/** A wait shorter than this shows nothing: a spinner that flashes is noise. */
const DELAY_MS = 150;

/** Erases the line the spinner is on (the io layer lets this through on stderr only). */
export const ERASE = '\r\x1b[2K';

export interface SpinnerTarget {
  write(text: string): void;
  columns: number;
}

/** A running spinner; `stop` erases it (safe to call twice). */
export class Spinner {
  #timer: NodeJS.Timeout | undefined;
  #frame = 0;
  #drawn = false;

  constructor(
    private readonly target: SpinnerTarget,
    private readonly label: string,
  ) {}

  start(): this {
    this.#timer = setTimeout(() => {
      this.#draw();
      this.#timer = setInterval(() => this.#draw(), FRAME_MS);
      this.#timer.unref();
    }, DELAY_MS);
    this.#timer.unref();
    return this;
  }

  #draw(): void {
    // The label fits on the line whatever the width: a wrapped line could not be erased.
    const text = `${FRAMES[this.#frame++ % FRAMES.length]} ${this.label}`;
    this.target.write(`${ERASE}${text.length > this.target.columns - 1 ? `${text.slice(0, this.target.columns - 2)}…` : text}`);
    this.#drawn = true;
  }

  /** Erases the line so that what follows starts on a clean line. */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#drawn) this.target.write(ERASE);
    this.#drawn = false;
  }
}
