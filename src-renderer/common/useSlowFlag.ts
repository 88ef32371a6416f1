import { useEffect, useState } from 'react';

/** How long a command or a pricing may take before the cashier is told the engine is slow. */
export const SLOW_AFTER_MS = 5_000;
export const SLOW_MESSAGE = 'The voucher engine is slow to answer…';

/**
 * True once the piece of work named by `key` (a mutation id, a query in flight) has been
 * running for `afterMs`; false again as soon as it ends or another one starts.
 */
export function useSlowFlag(key: string | number | null, afterMs = SLOW_AFTER_MS): boolean {
  const [slowKey, setSlowKey] = useState<string | number | null>(null);
  useEffect(() => {
    if (key === null) return undefined;
    const timer = setTimeout(() => {
      setSlowKey(key);
    }, afterMs);
    return () => {
      clearTimeout(timer);
    };
  }, [key, afterMs]);
  return key !== null && slowKey === key;
}

/**
 * True once `since` (an ISO instant the till gave, e.g. when a sale began waiting for the
 * engine's price; null when nothing waits) lies `afterMs` in the past.
 */
export function useSlowSince(since: string | null, afterMs = SLOW_AFTER_MS): boolean {
  const [slowSince, setSlowSince] = useState<string | null>(null);
  useEffect(() => {
    if (since === null) return undefined;
    const left = Math.max(0, Date.parse(since) + afterMs - Date.now());
    const timer = setTimeout(() => {
      setSlowSince(since);
    }, left);
    return () => {
      clearTimeout(timer);
    };
  }, [since, afterMs]);
  return since !== null && slowSince === since;
}
