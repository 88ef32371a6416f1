/**
 * Runs `task` so that at most one run is in flight, and a burst of requests during a run
 * collapses into exactly one more run. The task reads the latest state when it starts, so
 * every caller's change is covered by the run its promise waits for.
 */
export function coalescingRunner(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const start = (): Promise<void> => {
    const current = task().finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };

  return () => {
    if (queued) return queued;
    if (running) {
      queued = running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return start();
        });
      return queued;
    }
    return start();
  };
}
