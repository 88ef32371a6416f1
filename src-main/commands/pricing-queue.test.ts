import { describe, expect, it } from 'vitest';
import { coalescingRunner } from './pricing-queue';

/** A task whose runs finish only when the test says so, recording the state each run read. */
function controlledTask(read: () => number) {
  const seen: number[] = [];
  const finishers: (() => void)[] = [];
  const task = () => {
    seen.push(read());
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  const finishNext = () => finishers.shift()?.();
  return { task, seen, finishNext, pending: () => finishers.length };
}

describe('the coalescing runner', () => {
  it('runs once in flight, and once more with the latest state however many asked meanwhile', async () => {
    let state = 0;
    const { task, seen, finishNext, pending } = controlledTask(() => state);
    const run = coalescingRunner(task);
    const waits: Promise<void>[] = [];
    for (state = 1; state <= 10; state += 1) waits.push(run());
    state = 10;
    expect(seen).toEqual([1]);
    finishNext();
    await waits[0];
    await expect.poll(pending).toBe(1);
    expect(seen).toEqual([1, 10]);
    finishNext();
    await Promise.all(waits);
    expect(seen).toEqual([1, 10]);
  });

  it('keeps going after a failed run', async () => {
    let calls = 0;
    const run = coalescingRunner(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('down')) : Promise.resolve();
    });
    const first = run();
    const second = run();
    await expect(first).rejects.toThrow('down');
    await expect(second).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
