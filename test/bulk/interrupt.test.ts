import { describe, expect, it } from 'vitest';
import { FORCED_EXIT_CODE, listenForInterruption } from '../../src/bulk/interrupt.js';

describe('bulk interruption', () => {
  it('asks the run to stop on the first signal and force-quits with 130 on the second', () => {
    // Files share their worker: a listener another file left (an in-process sandbox's stop) must
    // not hear the signals emitted here, and comes back afterwards.
    const foreign = (['SIGINT', 'SIGTERM'] as const).map((signal) => ({ signal, listeners: process.listeners(signal) }));
    for (const { signal } of foreign) process.removeAllListeners(signal);
    const before = process.listenerCount('SIGINT');
    const exits: number[] = [];
    let stops = 0;
    const interruption = listenForInterruption(
      () => stops++,
      (code) => exits.push(code),
    );
    try {
      process.emit('SIGINT');
      expect(interruption.requested).toBe(true);
      expect(stops).toBe(1);
      expect(exits).toEqual([]);

      process.emit('SIGTERM');
      expect(exits).toEqual([FORCED_EXIT_CODE]);
      expect(FORCED_EXIT_CODE).toBe(130);
      expect(stops).toBe(1);
      expect(process.listenerCount('SIGINT')).toBe(before);
    } finally {
      interruption.dispose();
      for (const { signal, listeners } of foreign) for (const listener of listeners) process.on(signal, listener);
    }
  });
});
