import type { Database } from 'better-sqlite3';
import { z } from 'zod';

/** The honour-voucher change feed's cursor: the last `rev` applied to the cache. */
export const HONOUR_CURSOR_KEY = 'honour_cursor';

export interface SyncStateEntry {
  readonly value: string;
  readonly updatedAt: Date;
}

const stateRow = z.object({ value: z.string(), updated_at: z.number().int() });

/** A small key/value of the sync workers (cursors and the like); undefined when never written. */
export function readSyncState(db: Database, key: string): SyncStateEntry | undefined {
  const row: unknown = db
    .prepare('SELECT value, updated_at FROM sync_state WHERE key = ?')
    .get(key);
  if (row === undefined) return undefined;
  const parsed = stateRow.parse(row);
  return { value: parsed.value, updatedAt: new Date(parsed.updated_at) };
}

export function writeSyncState(db: Database, key: string, value: string, at: Date): void {
  db.prepare(
    `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, at.getTime());
}

/** A cursor kept in sync_state (the last id or seq the engine acknowledged); 0 before the first. */
export function readSyncCursor(db: Database, key: string): number {
  const stored = readSyncState(db, key);
  const cursor = stored === undefined ? 0 : Number(stored.value);
  return Number.isSafeInteger(cursor) && cursor >= 0 ? cursor : 0;
}
