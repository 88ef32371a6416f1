import { useEffect, useRef } from 'react';

interface PendingMeasure {
  /** When `scan-submitted` was marked (performance clock). */
  readonly submittedAt: number;
  /** The sale query's `dataUpdatedAt` once this scan's view was written. */
  readonly updatedAt: number;
}

/**
 * The `scan-to-total` measure for `npm run bench:till`: from a scan's `scan-submitted` mark
 * to the commit that puts that scan's sale view (and its total) on screen. Takes the sale
 * query's `dataUpdatedAt` as rendered; returns what the scan mutation calls once its view is
 * in the cache.
 */
export function useScanTiming(renderedUpdatedAt: number): (pending: PendingMeasure) => void {
  const pending = useRef<PendingMeasure[]>([]);
  useEffect(() => {
    const shown = pending.current.filter((entry) => entry.updatedAt <= renderedUpdatedAt);
    if (shown.length === 0) return;
    pending.current = pending.current.filter((entry) => entry.updatedAt > renderedUpdatedAt);
    const end = performance.now();
    for (const entry of shown)
      performance.measure('scan-to-total', { start: entry.submittedAt, end });
  }, [renderedUpdatedAt]);
  return (entry) => {
    pending.current.push(entry);
  };
}
