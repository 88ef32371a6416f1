import type { Database } from 'better-sqlite3';
import type { TillConfig } from '../config';
import type { TillLog } from '../log';
import type { EngineClient } from '../engine-client';
import type { ScanPatterns } from '../sale/scan-router';
import type { ConnectivityMonitor } from '../sync/connectivity';
import type { ViewContext } from '../sale/sale-view';

/** What every part of the core shares: settings, the local store, the engine, whether it answers, the clock. */
export interface CoreContext {
  readonly config: TillConfig;
  readonly db: Database;
  readonly engine: EngineClient;
  /** Online/offline as the probe last found it (an answered call counts); report every call's outcome here, probe when unsure. */
  readonly connectivity: Pick<
    ConnectivityMonitor,
    'isOnline' | 'reportAnswered' | 'reportUnavailable' | 'onChange' | 'probeNow'
  >;
  readonly patterns: ScanPatterns;
  readonly now: () => number;
  readonly log: TillLog;
}

export function viewContext(context: CoreContext): ViewContext {
  return { currency: context.config.currency, locale: context.config.locale, now: context.now() };
}
