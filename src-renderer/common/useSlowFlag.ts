import { useEffect, useState } from 'react';

/** How long the till may take before the cashier is told (the engine's own timeout is 5 s). */
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
