/** How the sync workers wait; tests pass their own to control time. Returns a cancel function. */
export type Schedule = (run: () => void, delayMs: number) => () => void;

/** Real timers that do not keep the process alive on their own. */
export const realSchedule: Schedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  timer.unref();
  return () => {
    clearTimeout(timer);
  };
};

/**
 * Exponential backoff with jitter for the n-th failed attempt (1, 2, …): half the step is
 * fixed, half random, so tills that failed together do not all retry together.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const step = Math.min(capMs, baseMs * 2 ** exponent);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * jitter);
}

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
