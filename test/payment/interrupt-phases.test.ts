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

  it('between two payments (reconcile): a cancel; one that came while an answer was recorded cancels what comes next', () => {
    const { source, explained, stop } = setUp();
    stop.sending('espace-key-3');
    stop.answered();
    stop.preparing();
    expect(stop.signal.aborted).toBe(false);
    source.emit('SIGTERM');
    expect(stop.cancelled).toBe(true);
    expect(stop.interrupted).toBe(false);
    expect(stop.signal.aborted).toBe(true);
    expect(explained).toEqual([]);

    const late = setUp();
    late.stop.sending('espace-key-4');
    late.stop.answered();
    late.source.emit('SIGINT');
    expect(late.stop.signal.aborted).toBe(false);
    late.stop.preparing();
    expect(late.stop.cancelled).toBe(true);
    expect(late.stop.signal.aborted).toBe(true);
  });

  it('after an interruption in flight, preparing does not turn it into a cancel', () => {
    const { source, stop } = setUp();
    stop.sending('espace-key-5');
    source.emit('SIGINT');
    stop.preparing();
    expect(stop.interrupted).toBe(true);
    expect(stop.cancelled).toBe(false);
  });
});
