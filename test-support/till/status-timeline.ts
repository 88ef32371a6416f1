import type { TestTill } from './till-harness';

/**
 * What a till's status bar said over time: `status/get` asked every `everyMs` in the
 * background, as the screen does, so a test can tell when the till saw the engine go and come
 * back without itself causing an engine call.
 */
export interface StatusTimeline {
  /** Milliseconds from `since` (epoch ms) to the first answer saying `online`; null: none yet. */
  firstSince(since: number, online: boolean): number | null;
  /** Whether any answer from `since` on said `online`. */
  saidSince(since: number, online: boolean): boolean;
  /** Resolves with `firstSince(since, online)` once it is known, or null after `withinMs`. */
  waitFor(since: number, online: boolean, withinMs: number): Promise<number | null>;
  stop(): Promise<void>;
}

export function watchStatus(till: TestTill, everyMs = 100): StatusTimeline {
  const samples: { at: number; online: boolean }[] = [];
  const stopping = new AbortController();
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const watching = (async () => {
    while (!stopping.signal.aborted) {
      const status = await till.send('status/get', {});
      if (status.ok) samples.push({ at: Date.now(), online: status.value.online });
      await pause(everyMs);
    }
  })();
  const firstSince = (since: number, online: boolean) => {
    const sample = samples.find((each) => each.at >= since && each.online === online);
    return sample ? sample.at - since : null;
  };
  return {
    firstSince,
    saidSince: (since, online) => firstSince(since, online) !== null,
    waitFor: async (since, online, withinMs) => {
      while (Date.now() - since <= withinMs) {
        const first = firstSince(since, online);
        if (first !== null) return first;
        await pause(everyMs);
      }
      return firstSince(since, online);
    },
    stop: async () => {
      stopping.abort();
      await watching;
    },
  };
}
