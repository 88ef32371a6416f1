import type { OutboxEntry } from '../../src-main/store';
import type { Schedule } from '../../src-main/sync/timers';

/** Timers a test fires by hand: nothing waits for the wall clock. */
export function manualSchedule(): { schedule: Schedule; pending(): number[]; fireAll(): void } {
  const timers = new Map<number, { run: () => void; delayMs: number }>();
  let next = 0;
  return {
    schedule: (run, delayMs) => {
      const id = next++;
      timers.set(id, { run, delayMs });
      return () => {
        timers.delete(id);
      };
    },
    pending: () => [...timers.values()].map((timer) => timer.delayMs),
    fireAll: () => {
      const due = [...timers.values()];
      timers.clear();
      for (const timer of due) timer.run();
    },
  };
}

export { silentLog } from '../../src-main/log';

/** For tests that queue only offline sales: an interrupted confirm reaching the worker is a test bug. */
export const noInterruptedConfirm = (entry: OutboxEntry): Promise<never> =>
  Promise.reject(new Error(`no confirm of ${entry.basketCode} was interrupted in this test`));
