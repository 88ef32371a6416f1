import { useCallback, useEffect, useState } from 'react';

/** How long a command or a pricing may take before the cashier is told the engine is slow. */
export const SLOW_AFTER_MS = 5_000;

type Key = string | number;

/** True once `msUntil(key)` has passed since `key` appeared; false again as soon as it changes or goes. */
function useFlagAfter(key: Key | null, msUntil: (key: Key) => number): boolean {
  const [flagged, setFlagged] = useState<Key | null>(null);
  useEffect(() => {
    if (key === null) return undefined;
    const timer = setTimeout(() => {
      setFlagged(key);
    }, msUntil(key));
    return () => {
      clearTimeout(timer);
    };
  }, [key, msUntil]);
  return key !== null && flagged === key;
}

/**
 * True once the piece of work named by `key` (a mutation id, a query in flight) has been
 * running for `afterMs`; false again as soon as it ends or another one starts.
 */
export function useSlowFlag(key: Key | null, afterMs = SLOW_AFTER_MS): boolean {
  const msUntil = useCallback(() => afterMs, [afterMs]);
  return useFlagAfter(key, msUntil);
}

/**
 * True once `since` (an ISO instant the till gave, e.g. when a sale began waiting for the
 * engine's price; null when nothing waits) lies `afterMs` in the past.
 */
export function useSlowSince(since: string | null, afterMs = SLOW_AFTER_MS): boolean {
  const msUntil = useCallback(
    (key: Key) => Math.max(0, Date.parse(String(key)) + afterMs - Date.now()),
    [afterMs],
  );
  return useFlagAfter(since, msUntil);
}
