import { tillEventSchema, type TillEvent } from '../../src-shared/till';

/** What the Electron preload exposes for the core's announcements; what it hands over is not trusted. */
export interface PreloadTillEvents {
  readonly subscribe: (listener: (event: unknown) => void) => () => void;
}

declare global {
  interface Window {
    readonly tillEvents?: PreloadTillEvents;
  }
}

/** What a screen hears: each announcement, and that the channel is up again (it may have missed some). */
export interface TillEventListener {
  onEvent(event: TillEvent): void;
  onConnected(): void;
}

/** How long a broken event stream waits before it is opened again. */
export const RECONNECT_MS = 2_000;

/** An announcement as the event schema describes it, or null for anything else. */
export function checkedEvent(value: unknown): TillEvent | null {
  const parsed = tillEventSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** IPC: the preload's `window.tillEvents`. */
export function preloadEvents(preload: PreloadTillEvents) {
  return (listener: TillEventListener): (() => void) => {
    listener.onConnected();
    return preload.subscribe((value) => {
      const event = checkedEvent(value);
      if (event) listener.onEvent(event);
    });
  };
}

/** The `data:` payloads of the complete Server-Sent Events in `buffer`, and what is left over. */
export function splitEvents(buffer: string): { payloads: string[]; rest: string } {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const payloads = blocks.flatMap((block) => {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart());
    return data.length > 0 ? [data.join('\n')] : [];
  });
  return { payloads, rest };
}

/**
 * Loopback HTTP: `GET /api/events` as Server-Sent Events, read with fetch (an EventSource cannot
 * send the bearer token), opened again after `RECONNECT_MS` whenever it breaks.
 */
export function httpEvents(token: string | null, fetchImpl: typeof fetch = fetch) {
  return (listener: TillEventListener): (() => void) => {
    let stopped = false;
    let controller: AbortController | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      controller = new AbortController();
      const response = await fetchImpl('/api/events', {
        headers: { authorization: `Bearer ${token ?? ''}`, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`events: ${String(response.status)}`);
      listener.onConnected();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        const split = splitEvents(buffer + value);
        buffer = split.rest;
        for (const payload of split.payloads) {
          let value: unknown;
          try {
            value = JSON.parse(payload);
          } catch {
            continue;
          }
          const event = checkedEvent(value);
          if (event) listener.onEvent(event);
        }
      }
    };
    const open = () => {
      read()
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) retry = setTimeout(open, RECONNECT_MS);
        });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      controller?.abort();
    };
  };
}

export type TillEvents = (listener: TillEventListener) => () => void;
