import type { Database } from 'better-sqlite3';
import { addBasketRequestSchema, type AddBasketRequest } from '../../src-shared/wire';
import { readSyncState, writeSyncState } from './sync-state';

const keyOf = (basketCode: string): string => `confirming:${basketCode}`;

/**
 * The add-basket an online confirm is about to send, written (and committed) before it goes:
 * a till killed before the journal commit finds it at the next start and replays it, rather
 * than voiding a sale the engine may already hold.
 */
export function recordPendingConfirm(
  db: Database,
  basketCode: string,
  request: AddBasketRequest,
  at: Date,
): void {
  writeSyncState(db, keyOf(basketCode), JSON.stringify(request), at);
}

export function clearPendingConfirm(db: Database, basketCode: string): void {
  db.prepare('DELETE FROM sync_state WHERE key = ?').run(keyOf(basketCode));
}

/** The add-basket in flight when the till stopped; undefined when none (or unreadable). */
export function pendingConfirm(db: Database, basketCode: string): AddBasketRequest | undefined {
  const entry = readSyncState(db, keyOf(basketCode));
  if (!entry) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(entry.value);
  } catch {
    return undefined;
  }
  const parsed = addBasketRequestSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
