import { catalogueHandlers } from './catalogue-search';
import type { Database } from 'better-sqlite3';
import type { TillHandlers } from '../../src-shared/till';
import type { TillConfig } from '../config';
import type { EngineClient } from '../engine-client';
import { locksToRelease, type OutboxEntry } from '../store';
import { realSchedule, type Schedule } from '../sync/timers';
import { compilePatterns } from '../sale/scan-router';
import {
  createConnectivity,
  PROBE_INTERVAL_MS,
  type ConnectivityMonitor,
  type ResumedConfirm,
} from '../sync';
import { confirmHandlers, journalConfirm, type ConfirmWay } from './confirm';
import type { CoreContext } from './context';
import { diagnosticsHandlers, type ConfigSource } from './diagnostics';
import type { TillLog } from '../log';
import {
  releaseInterruptedSales,
  resumeInterruptedConfirm,
  salesLeftOpen,
  type InterruptedSales,
} from './interrupted-sales';
import { releaseLeftLocks } from './lock-release';
import { managerHandlers } from './manager';
import { pastSalesHandlers } from './past-sales';
import { coalescingRunner } from './pricing-queue';
import { createSaleBook, type SaleBook } from './sale-book';
import { journalRecords, trainingRecords, type SaleRecords } from './sale-records';
import { returnHandlers } from './returns';
import { saleHandlers } from './sale-service';
import { createTillEvents, type TillEvents } from './till-events';
import { trainingConfirm } from './training-confirm';

export interface TillCoreOptions {
  readonly config: TillConfig;
  readonly store: Database;
  readonly engine: EngineClient;
  readonly log: TillLog;
  readonly now?: () => number;
  /** Default: one that probes `engine.health()` every couple of seconds. */
  readonly connectivity?: ConnectivityMonitor;
  /** Where the logs go, for IT's diagnostics. */
  readonly logPath?: string;
  /** How `config` was loaded, for the diagnostics' config check. */
  readonly configSource: ConfigSource;
  /** The timers of the periodic lock release; tests pass their own. */
  readonly schedule?: Schedule;
}

/** How often the locks of closed sales the engine was not told about are released while online. */
export const LOCK_RELEASE_INTERVAL_MS = 10_000;

/**
 * How often an open sale showing a voucher held for another sale, or one the engine holds for
 * it, is priced again: a manager at another terminal may have freed it, and only the engine
 * knows.
 */
export const HELD_RECHECK_INTERVAL_MS = 5_000;

export interface TillCore {
  readonly handlers: TillHandlers;
  /** Whether the engine answers; the sync workers pause on it. */
  readonly connectivity: ConnectivityMonitor;
  /** What changed without a screen's command: the transports push these to the screens. */
  readonly events: TillEvents;
  /** Voids the sales a previous run left open and releases their voucher locks, and those of sales voided offline. */
  releaseInterruptedSales(): Promise<InterruptedSales>;
  /** For the outbox worker: replays a confirm that got no answer and journals (or voids) its sale. */
  readonly resumeInterruptedConfirm: (entry: OutboxEntry) => Promise<ResumedConfirm>;
  /** Forgets the manager's session and stops probing; the store and the engine client belong to the caller. */
  close(): void;
}

/** Where a till records its sales and how it confirms them: the one place training mode decides. */
interface SaleMode {
  readonly records: SaleRecords;
  confirmWay(book: SaleBook): ConfirmWay;
}

/**
 * A real till journals, redeems and queues; a training till (`trainingMode`) keeps its practice
 * sales in memory and confirms them without add-basket (docs/architecture.md, "Training mode").
 */
function saleModeOf(context: CoreContext): SaleMode {
  if (!context.config.trainingMode)
    return {
      records: journalRecords(context),
      confirmWay: (book) => journalConfirm(context, book),
    };
  const records = trainingRecords(context);
  return { records, confirmWay: (book) => trainingConfirm(context, book, records) };
}

/** The till command map, implemented once for both transports. */
export function createTillCore(options: TillCoreOptions): TillCore {
  const patterns = compilePatterns(options.config.scanPatterns);
  // loadConfig validated the patterns, so a bad one here is a caller's bug.
  if ('error' in patterns) throw new Error(patterns.error);
  const { engine } = options;
  const connectivity =
    options.connectivity ??
    createConnectivity({
      probe: async () => {
        const health = await engine.health();
        return health.ok && health.value.healthy;
      },
      probeIntervalMs: PROBE_INTERVAL_MS,
      log: options.log,
    });
  const context: CoreContext = {
    config: options.config,
    db: options.store,
    engine,
    connectivity,
    patterns,
    now: options.now ?? (() => Date.now()),
    log: options.log,
  };
  const events = createTillEvents((error) => {
    context.log.error({ err: error }, 'a screen could not be told of a change');
  });
  const leftOpen = salesLeftOpen(context);
  const mode = saleModeOf(context);
  const book = createSaleBook(
    context,
    (saleId) => {
      events.emit({ kind: 'sale-changed', saleId });
    },
    mode.records,
  );
  const releaseLocksOnce = coalescingRunner(() =>
    releaseLeftLocks(context, (basketCode) => book.pricingInFlight(basketCode)),
  );
  const releaseLocks = () =>
    releaseLocksOnce().catch((error: unknown) => {
      context.log.error({ err: error }, 'releasing the locks of closed sales failed');
    });
  // the engine is back: its prices and locks for the open sales, and the locks nobody needs released
  const stopFollowing = connectivity.onChange((online) => {
    events.emit({ kind: 'connectivity', online });
    if (!online) return;
    book.repriceStale();
    void releaseLocks();
  });
  // while online too: a release the engine did not answer is tried again
  const schedule = options.schedule ?? realSchedule;
  let stopReleasing = (): void => undefined;
  const releaseLater = () => {
    stopReleasing = schedule(() => {
      const due = connectivity.isOnline() && locksToRelease(context.db).length > 0;
      void (due ? releaseLocks() : Promise.resolve()).then(releaseLater);
    }, LOCK_RELEASE_INTERVAL_MS);
  };
  releaseLater();
  let stopRechecking = (): void => undefined;
  const recheckLater = () => {
    stopRechecking = schedule(() => {
      book.repriceHeldByOther();
      book.repriceHolding();
      recheckLater();
    }, HELD_RECHECK_INTERVAL_MS);
  };
  recheckLater();
  const { signOutAll, ...manager } = managerHandlers(context);
  // freed locks: the manager's lists, and this till's sales that showed them, applied or refused
  const afterUnlock = (voucherKeys: readonly string[]) => {
    events.emit({ kind: 'locks-changed' });
    book.dropFreed(voucherKeys);
  };
  return {
    handlers: {
      ...saleHandlers(context, book),
      ...catalogueHandlers(context),
      ...confirmHandlers(context, book, mode.confirmWay(book)),
      ...returnHandlers(context, book),
      ...pastSalesHandlers(context),
      ...manager,
      'manager/unlock-voucher': async (input) => {
        const result = await manager['manager/unlock-voucher'](input);
        if (result.ok) afterUnlock([result.value.voucherKey]);
        return result;
      },
      'manager/unlock-basket': async (input) => {
        const result = await manager['manager/unlock-basket'](input);
        if (result.ok) afterUnlock(result.value.freed.map((voucher) => voucher.voucherKey));
        return result;
      },
      ...diagnosticsHandlers(context, options.configSource, options.logPath ?? 'standard output'),
    },
    connectivity,
    events,
    releaseInterruptedSales: async () => {
      const interrupted = await releaseInterruptedSales(context, leftOpen);
      await releaseLocks();
      return interrupted;
    },
    resumeInterruptedConfirm: (entry) => resumeInterruptedConfirm(context, entry),
    close: () => {
      stopFollowing();
      stopReleasing();
      stopRechecking();
      signOutAll();
      connectivity.stop();
    },
  };
}
