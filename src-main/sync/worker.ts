import type { TillLog } from '../log';
import type { Schedule } from './timers';

/** What one pass of a worker says about the next: run again after this many ms, or when woken. */
export type NextPass = number | 'when-woken';

export interface Worker {
  /** Runs a pass now, after the one under way if any; resolves when it is done. */
  runNow(): Promise<void>;
  /** Cuts the current wait short (new work, or the engine is back). */
  wake(): void;
  /** No new passes; resolves once the pass under way (an engine call in flight) has finished. */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  readonly name: string;
  readonly pass: () => Promise<NextPass>;
  readonly log: TillLog;
  readonly schedule: Schedule;
  /** After a pass that threw (a bug, or a fault of the local store). */
  readonly retryAfterFaultMs: number;
}

/** A background loop of passes, one at a time, sleeping in between. */
export function startWorker(options: WorkerOptions): Worker {
  const flags = { stopped: false, woken: false };
  let interrupt: (() => void) | null = null;
  let current: Promise<NextPass> = Promise.resolve('when-woken');

  const safePass = async (): Promise<NextPass> => {
    try {
      return await options.pass();
    } catch (error) {
      options.log.error({ err: error, worker: options.name }, 'a sync pass failed');
      return options.retryAfterFaultMs;
    }
  };
  /** Passes never overlap: each one starts after the previous has settled. */
  const exclusive = (): Promise<NextPass> => {
    current = current.then(safePass, safePass);
    return current;
  };
  const sleep = (next: NextPass) =>
    new Promise<void>((resolve) => {
      if (flags.woken || flags.stopped) {
        flags.woken = false;
        resolve();
        return;
      }
      let cancel: () => void = () => undefined;
      const wakeUp = () => {
        cancel();
        interrupt = null;
        resolve();
      };
      interrupt = wakeUp;
      if (next !== 'when-woken') cancel = options.schedule(wakeUp, next);
    });

  const loop = (async () => {
    while (!flags.stopped) {
      // after stop() the sleep returns at once and the loop ends
      await sleep(await exclusive());
    }
  })();

  const wake = () => {
    if (interrupt) interrupt();
    else flags.woken = true;
  };

  return {
    runNow: async () => {
      if (flags.stopped) return;
      await exclusive();
    },
    wake,
    stop: async () => {
      flags.stopped = true;
      wake();
      await loop;
      await current;
    },
  };
}
