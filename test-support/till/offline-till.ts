import SQLite, { type Database } from 'better-sqlite3';
import { databasePath } from '../../src-main/store';
import { startTestTill, tempDir, type TerminalAccount, type TestTill } from './till-harness';

/** How a test till sells without the engine: its `offline` policy, and how soon it gives up on the engine. */
export interface OfflineSettings {
  /** Every engine call's limit (`timeouts.pricingMs`, `confirmMs`, `syncMs`, `probeMs`), so an offline phase costs little. */
  readonly giveUpAfterMs?: number;
  readonly valueVouchersAllowed?: boolean;
  readonly perSaleCapMinor?: number;
  readonly perDayCapMinor?: number;
}

/** What those settings are in a till's configuration file. */
export function offlineConfig({
  giveUpAfterMs: limit,
  ...offline
}: OfflineSettings): Record<string, unknown> {
  return limit === undefined
    ? { offline }
    : {
        offline,
        timeouts: { pricingMs: limit, confirmMs: limit, syncMs: limit, probeMs: limit },
      };
}

/** A till like the harness's, with an `offline` policy in its configuration file. */
export function startOfflineTill(
  engineUrl: string,
  terminal: TerminalAccount,
  offline: OfflineSettings = {},
  dataDir = tempDir('till-offline-'),
  extra: Readonly<Record<string, unknown>> = {},
): Promise<TestTill> {
  return startTestTill(engineUrl, terminal, dataDir, { ...offlineConfig(offline), ...extra });
}

/** A second connection to a till's store, as a test looks into it (or plays another sale). */
export function openTillStore(dataDir: string): Database {
  const db = new SQLite(databasePath(dataDir));
  db.pragma('busy_timeout = 5000');
  return db;
}
