/** What a signal means in each phase of a payment (the process's behaviour: interrupt.test.ts). */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { listenForPaymentInterruption } from '../../src/cli/payment/interrupt.js';

function setUp() {
  const source = new EventEmitter();
  const explained: string[] = [];
  const stop = listenForPaymentInterruption((key) => explained.push(key), source);
  return { source, explained, stop };
}

describe('a signal during a payment', () => {
  it('before it is sent: a cancel, nothing to explain', () => {
    const { source, explained, stop } = setUp();
    source.emit('SIGINT');
    expect(stop.cancelled).toBe(true);
    expect(stop.interrupted).toBe(false);
    expect(stop.signal.aborted).toBe(true);
    expect(explained).toEqual([]);
  });

  it('while it is out: interrupted; a second one explains again with the key, and the listeners stay', () => {
    const { source, explained, stop } = setUp();
    stop.sending('espace-key-1');
    source.emit('SIGTERM');
    expect(stop.interrupted).toBe(true);
    expect(stop.cancelled).toBe(false);
    expect(stop.signal.aborted).toBe(true);
    expect(explained).toEqual([]);
    stop.dispose();
    source.emit('SIGINT');
    expect(explained).toEqual(['espace-key-1']);
    expect(source.listenerCount('SIGINT')).toBe(1);
  });

  it('once the answer is in: ignored, and dispose removes the listeners', () => {
    const { source, stop } = setUp();
    stop.sending('espace-key-2');
    stop.answered();
    source.emit('SIGINT');
    expect(stop.signal.aborted).toBe(false);
    stop.dispose();
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0);
  });
});
