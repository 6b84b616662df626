import type { DomainEvent, DomainEventName, DomainEvents } from './domain-events.js';

type Handler<N extends DomainEventName> = (event: DomainEvent<N>) => void | Promise<void>;

export interface EventBus {
  emit<N extends DomainEventName>(name: N, payload: DomainEvents[N]): void;
  on<N extends DomainEventName>(name: N, handler: Handler<N>): () => void;
  onAny(handler: (event: DomainEvent) => void | Promise<void>): () => void;
  /** Resolves when every handler started so far has settled (tests, shutdown). */
  drain(): Promise<void>;
}

/**
 * Typed, in-process. Handlers run after the emitter's call returns, so a slow or failing
 * subscriber never slows or breaks the request that caused the event; durable work goes
 * through the job runner, which a subscriber enqueues.
 */
export function createEventBus(onError: (err: unknown, event: DomainEvent) => void): EventBus {
  const handlers = new Map<string, Set<(e: DomainEvent) => void | Promise<void>>>();
  const anyHandlers = new Set<(e: DomainEvent) => void | Promise<void>>();
  const inFlight = new Set<Promise<void>>();

  function run(handler: (e: DomainEvent) => void | Promise<void>, event: DomainEvent) {
    const p = Promise.resolve()
      .then(() => handler(event))
      .catch((err: unknown) => onError(err, event))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  return {
    emit(name, payload) {
      const event = { name, payload, at: new Date().toISOString() } as DomainEvent;
      for (const h of handlers.get(name) ?? []) run(h, event);
      for (const h of anyHandlers) run(h, event);
    },
    on(name, handler) {
      const set = handlers.get(name) ?? new Set();
      handlers.set(name, set);
      const h = handler as (e: DomainEvent) => void | Promise<void>;
      set.add(h);
      return () => set.delete(h);
    },
    onAny(handler) {
      anyHandlers.add(handler);
      return () => anyHandlers.delete(handler);
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
