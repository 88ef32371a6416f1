import { useState } from 'react';

/** An item that came onto the sale, or whose count went up, since the sale was last shown. */
export interface LatestChange {
  /** The key of the item that changed (a line's id, a voucher's key). */
  readonly key: string;
  /** What changed, in plain words, for the polite live region. */
  readonly announcement: string;
}

/** How an item is followed: its key, and how many of it there are (a voucher is always 1). */
export interface Tracking<T> {
  readonly key: (item: T) => string;
  readonly count: (item: T) => number;
  /** The announcement; `added` is false when an item already there counts more. */
  readonly describe: (item: T, added: boolean) => string;
}

/** The last item of `next` that is new or counts more than in `previous`, or null. */
export function findLatestChange<T>(
  previous: readonly T[],
  next: readonly T[],
  tracking: Tracking<T>,
): LatestChange | null {
  const before = new Map(previous.map((item) => [tracking.key(item), tracking.count(item)]));
  for (const item of next.toReversed()) {
    const key = tracking.key(item);
    const count = before.get(key);
    if (count === undefined || tracking.count(item) > count)
      return { key, announcement: tracking.describe(item, count === undefined) };
  }
  return null;
}

/**
 * The latest item added to (or counted up on) a list that arrives anew with every answer. The
 * first list shown is the starting point, not a change; a refetch that changes nothing keeps
 * the last change. Each change is a new object, so effects can scroll to it. `items` must keep
 * its identity between answers (the query's own array, not a mapped copy).
 */
export function useLatestChange<T>(
  items: readonly T[] | undefined,
  tracking: Tracking<T>,
): LatestChange | null {
  const [previous, setPrevious] = useState(items);
  const [latest, setLatest] = useState<LatestChange | null>(null);
  if (items !== previous) {
    setPrevious(items);
    if (previous !== undefined && items !== undefined) {
      const change = findLatestChange(previous, items, tracking);
      if (change) setLatest(change);
    }
  }
  return latest;
}

/**
 * What the polite live region says: the announcement of whichever change is newest (the first
 * of `changes` that differs from the last render), so an older change is not said again.
 */
export function useAnnouncement(changes: readonly (LatestChange | null)[]): string {
  const [shown, setShown] = useState({ changes, text: '' });
  const fresh = changes.find((change, index) => change !== null && change !== shown.changes[index]);
  if (changes.some((change, index) => change !== shown.changes[index]))
    setShown({ changes, text: fresh?.announcement ?? shown.text });
  return shown.text;
}
