import SQLite, { type Database } from 'better-sqlite3';
import { databasePath } from '../../src-main/store';
import { startTestTill, tempDir, type TerminalAccount, type TestTill } from './till-harness';

/** The `offline` key of the till's configuration file. */
export interface OfflineSettings {
  readonly timeoutMs?: number;
  readonly valueVouchersAllowed?: boolean;
  readonly perSaleCapMinor?: number;
  readonly perDayCapMinor?: number;
}

/** A till like the harness's, with an `offline` policy in its configuration file. */
export function startOfflineTill(
  engineUrl: string,
  terminal: TerminalAccount,
  offline: OfflineSettings = {},
  dataDir = tempDir('till-offline-'),
): Promise<TestTill> {
  return startTestTill(engineUrl, terminal, dataDir, { offline });
}

/** A second connection to a till's store, as a test looks into it (or plays another sale). */
export function openTillStore(dataDir: string): Database {
  const db = new SQLite(databasePath(dataDir));
  db.pragma('busy_timeout = 5000');
  return db;
}
