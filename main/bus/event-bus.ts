import type { EventName, EventPayload } from '../../shared/api/contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Fan-out of contract events to whichever transports are attached (the
 * Electron window, each browser-host event stream). A failing listener is
 * dropped from that emit only; it must not stop the others.
 */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        console.error(`Event listener failed on ${event}:`, error);
      }
    }
  }
}
