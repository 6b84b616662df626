import { describe, expect, it } from 'vitest';
import { createEventBus } from './bus.js';

describe('event bus', () => {
  it('delivers typed events to their subscribers after the emitter returns', async () => {
    const errors: unknown[] = [];
    const bus = createEventBus((e) => errors.push(e));
    const got: string[] = [];
    bus.on('token.created', (e) => void got.push(`${e.name}:${e.payload.tokenId}`));
    bus.onAny((e) => void got.push(`any:${e.name}`));
    bus.emit('token.created', { userId: 'u', tokenId: 't1' });
    expect(got).toEqual([]);
    await bus.drain();
    expect(got).toEqual(['token.created:t1', 'any:token.created']);
    expect(errors).toEqual([]);
  });

  it('isolates a failing subscriber and reports it', async () => {
    const errors: unknown[] = [];
    const bus = createEventBus((e) => errors.push(e));
    const got: string[] = [];
    bus.on('user.logged_in', () => {
      throw new Error('subscriber broke');
    });
    bus.on('user.logged_in', (e) => void got.push(e.payload.userId));
    bus.emit('user.logged_in', { userId: 'u1' });
    await bus.drain();
    expect(got).toEqual(['u1']);
    expect(String(errors[0])).toContain('subscriber broke');
  });

  it('stops delivering after unsubscribe', async () => {
    const bus = createEventBus(() => undefined);
    let n = 0;
    const off = bus.on('user.logged_in', () => {
      n++;
    });
    bus.emit('user.logged_in', { userId: 'a' });
    off();
    bus.emit('user.logged_in', { userId: 'b' });
    await bus.drain();
    expect(n).toBe(1);
  });
});
