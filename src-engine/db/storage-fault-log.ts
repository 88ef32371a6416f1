import type { Logger } from 'pino';
import { storageFault, type StorageFault } from './errors';

/** While a storage fault lasts, it is logged again only this often (with how often it recurred). */
export const STORAGE_FAULT_QUIET_MS = 60_000;

export interface FaultLog {
  /**
   * Logs a failure: a storage fault (db/errors.ts) by its root cause, once while it lasts;
   * anything else at once, with `message`. Returns the storage fault when it was one.
   */
  failed(
    error: unknown,
    context: Record<string, unknown>,
    message: string,
  ): StorageFault | undefined;
}

/**
 * A full disk fails every write at once: logging each of them would bury the cause under
 * thousands of identical stacks. One error line names it, with the driver's code; the same code
 * again is only counted, and logged once more after the quiet time if it still recurs.
 */
export function faultLog(
  log: Pick<Logger, 'error'>,
  now: () => number = Date.now,
  quietMs: number = STORAGE_FAULT_QUIET_MS,
): FaultLog {
  const seen = new Map<string, { loggedAt: number; repeats: number }>();
  return {
    failed: (error, context, message) => {
      const fault = storageFault(error);
      if (!fault) {
        log.error({ ...context, err: error }, message);
        return undefined;
      }
      const at = now();
      const last = seen.get(fault.code);
      if (last && at - last.loggedAt < quietMs) {
        last.repeats += 1;
        return fault;
      }
      seen.set(fault.code, { loggedAt: at, repeats: 0 });
      log.error(
        { ...context, storage: fault, ...(last ? { repeatsSinceLastLogged: last.repeats } : {}) },
        `storage unavailable: ${fault.code}: ${fault.message}`,
      );
      return fault;
    },
  };
}
