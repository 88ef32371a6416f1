import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay } from './timers';

describe('backoff', () => {
  it('doubles each attempt, between half and all of the step', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, () => 0))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, () => 0.999_999))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('is capped, whatever the attempt count or the random source says', () => {
    expect(backoffDelay(100, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(1_000_000, () => 5)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(0, () => -1)).toBe(500);
    expect(backoffDelay(40, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});
