import type { Database } from 'better-sqlite3';
import type { TillConfig } from '../config';
import type { EngineClient } from '../engine-client';
import type { ScanPatterns } from '../sale/scan-router';
import type { Connectivity } from '../sync/connectivity';
import type { ViewContext } from '../sale/sale-view';

/** pino's Logger fits; so does anything with these methods. */
export interface CoreLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** What every part of the core shares: settings, the local store, the engine, whether it answers, the clock. */
export interface CoreContext {
  readonly config: TillConfig;
  readonly db: Database;
  readonly engine: EngineClient;
  /** Online/offline as the last engine call found it; report every call's outcome here. */
  readonly connectivity: Connectivity;
  readonly patterns: ScanPatterns;
  readonly now: () => number;
  readonly log: CoreLog;
}

export function viewContext(context: CoreContext): ViewContext {
  return { currency: context.config.currency, locale: context.config.locale, now: context.now() };
}
