import type { TillCommandName } from '../../src-shared/till';

/** One command sent somewhere, answering with whatever came back (validated by the caller). */
export type RawCall = (name: TillCommandName, input: unknown) => Promise<unknown>;

/** What the Electron preload exposes: one function per command; its answers are not trusted. */
export type PreloadTill = Readonly<Record<TillCommandName, (input: unknown) => Promise<unknown>>>;

declare global {
  interface Window {
    readonly till?: PreloadTill;
  }
}

/** IPC through the preload's `window.till`. */
export function preloadCall(till: PreloadTill): RawCall {
  return (name, input) => till[name](input);
}

/** Loopback HTTP: `POST /api/<command>` with the launch token as bearer. */
export function httpCall(token: string | null, fetchImpl: typeof fetch = fetch): RawCall {
  return async (name, input) => {
    const response = await fetchImpl(`/api/${name}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token ?? ''}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(input),
    });
    const answer: unknown = await response.json();
    return answer;
  };
}
