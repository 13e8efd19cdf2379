/**
 * The progress line of a bulk run, on stderr and only when stderr is a terminal: done, failed,
 * rate and time left, redrawn in place a few times a second.
 */
import type { Translate } from '../i18n/catalog.js';

export interface ProgressCounts {
  done: number;
  failed: number;
  total: number;
}

const REDRAW_MS = 250;
const BAR_WIDTH = 24;

export class ProgressLine {
  private timer: NodeJS.Timeout | undefined;
  private readonly started: number;

  constructor(
    private readonly write: (text: string) => void,
    private readonly t: Translate,
    private readonly counts: () => ProgressCounts,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  start(): void {
    this.timer = setInterval(() => this.draw(), REDRAW_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.write('\r\x1b[2K');
  }

  /** The line as it reads now (without the carriage return). */
  render(): string {
    const { done, failed, total } = this.counts();
    const seconds = Math.max(0.001, (this.now() - this.started) / 1000);
    const rate = done / seconds;
    const left = rate > 0 ? Math.round((total - done) / rate) : undefined;
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    return this.t('bulk.progress', {
      bar: `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`,
      done,
      total,
      failed,
      rate: Math.round(rate),
      eta: left === undefined ? '–' : clock(left),
    });
  }

  private draw(): void {
    this.write(`\r\x1b[2K${this.render()}`);
  }
}

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
