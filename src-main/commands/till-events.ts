import type { TillEvent, TillEventSubscribe } from '../../src-shared/till';

/** The core's announcements, handed to every transport that pushes them to a screen. */
export interface TillEvents {
  emit(event: TillEvent): void;
  readonly subscribe: TillEventSubscribe;
}

export function createTillEvents(onFault: (error: unknown) => void): TillEvents {
  const listeners = new Set<(event: TillEvent) => void>();
  return {
    emit: (event) => {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // one broken screen connection must not keep the others from hearing
          onFault(error);
        }
      }
    },
    subscribe: (listener) => {
      const own = (event: TillEvent) => {
        listener(event);
      };
      listeners.add(own);
      return () => {
        listeners.delete(own);
      };
    },
  };
}
