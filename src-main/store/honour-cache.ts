import type { Database } from 'better-sqlite3';
import { z } from 'zod';
// the voucher codec alone, not the client that talks to the engine
import type { EngineVoucher } from '../engine-client/engine-voucher';
import { readStoredVoucher, type HonourFeedChange } from '../engine-client/honour-feed';
import { HONOUR_CURSOR_KEY, readSyncState, writeSyncState } from './sync-state';

/** An honour voucher of the chain as the till mirrors it for offline selling. */
export interface CachedHonourVoucher {
  readonly voucherKey: string;
  readonly code: string | null;
  readonly honourCode: string;
  readonly memberNumber: string | null;
  /** The voucher as the feed described it. */
  readonly voucher: EngineVoucher;
  readonly usedLocallyAt: Date | null;
  readonly usedLocallyBasketCode: string | null;
}

/** One page of the change feed, as `GET /sync/honour-vouchers` returned it. */
export interface HonourPage {
  readonly changes: readonly HonourFeedChange[];
  readonly nextCursor: number;
}

const cacheRow = z.object({
  voucher_key: z.string(),
  code: z.string().nullable(),
  honour_code: z.string(),
  member_number: z.string().nullable(),
  voucher: z.string(),
  used_locally_at: z.number().int().nullable(),
  used_locally_basket_code: z.string().nullable(),
});

const cursorValue = z.coerce.number().int().nonnegative();

/** A cached, not removed honour voucher by its code (case as scanned, exact match). */
export function findCachedHonour(db: Database, code: string): CachedHonourVoucher | undefined {
  const raw: unknown = db
    .prepare(
      `SELECT voucher_key, code, honour_code, member_number, voucher, used_locally_at,
         used_locally_basket_code
       FROM honour_cache WHERE code = ? AND removed = 0`,
    )
    .get(code);
  if (raw === undefined) return undefined;
  const row = cacheRow.parse(raw);
  // the row was checked when it was written; one that no longer parses is not honoured
  const voucher = readStoredVoucher(row.voucher);
  if (!voucher) return undefined;
  return {
    voucherKey: row.voucher_key,
    code: row.code,
    honourCode: row.honour_code,
    memberNumber: row.member_number,
    voucher,
    usedLocallyAt: row.used_locally_at === null ? null : new Date(row.used_locally_at),
    usedLocallyBasketCode: row.used_locally_basket_code,
  };
}

/**
 * Marks the voucher used on this till by that sale; false when it already was (by another
 * sale) or is not in the cache. Call inside the sale's transaction.
 */
export function markHonourUsedLocally(
  db: Database,
  voucherKey: string,
  basketCode: string,
  at: Date,
): boolean {
  const result = db
    .prepare(
      `UPDATE honour_cache SET used_locally_at = COALESCE(used_locally_at, ?),
         used_locally_basket_code = ?
       WHERE voucher_key = ? AND removed = 0
         AND (used_locally_basket_code IS NULL OR used_locally_basket_code = ?)`,
    )
    .run(at.getTime(), basketCode, voucherKey, basketCode);
  return result.changes === 1;
}

/** null cursor: the cache was never filled (a till that was never online). */
export function honourCacheState(db: Database): {
  cursor: number | null;
  updatedAt: Date | null;
  size: number;
} {
  const state = readSyncState(db, HONOUR_CURSOR_KEY);
  const cursor = state === undefined ? undefined : cursorValue.safeParse(state.value);
  const size: unknown = db
    .prepare('SELECT count(*) FROM honour_cache WHERE removed = 0')
    .pluck()
    .get();
  return {
    cursor: cursor?.success ? cursor.data : null,
    updatedAt: cursor?.success ? (state?.updatedAt ?? null) : null,
    size: z.number().int().parse(size),
  };
}

/**
 * Applies one page of the feed and moves the cursor, in one transaction: a change that fails
 * to apply leaves the cache and the cursor as they were (and throws). Burned, deleted and
 * expired vouchers leave the cache; so does one that cannot be honoured (no honour code).
 */
export function applyHonourPage(db: Database, page: HonourPage, at: Date): void {
  const remove = db.prepare('DELETE FROM honour_cache WHERE voucher_key = ?');
  const freeCode = db.prepare('DELETE FROM honour_cache WHERE code = ? AND voucher_key <> ?');
  const upsert = db.prepare(
    `INSERT INTO honour_cache (voucher_key, code, honour_code, member_number, expires_at, removed,
       rev, voucher, updated_at)
     VALUES (@voucherKey, @code, @honourCode, @memberNumber, @expiresAt, 0, @rev, @voucher, @at)
     ON CONFLICT (voucher_key) DO UPDATE SET code = excluded.code,
       honour_code = excluded.honour_code, member_number = excluded.member_number,
       expires_at = excluded.expires_at, removed = 0, rev = excluded.rev,
       voucher = excluded.voucher, updated_at = excluded.updated_at
     WHERE excluded.rev >= honour_cache.rev`,
  );
  const apply = () => {
    for (const change of page.changes) {
      const { voucher } = change;
      const honourCode = voucher.honourCode ?? '';
      if (change.removed || voucher.type !== 'honour' || honourCode === '') {
        remove.run(voucher.key);
        continue;
      }
      const { code } = voucher;
      // codes are unique: a newer voucher under a code replaces whatever held it before
      if (code !== null) freeCode.run(code, voucher.key);
      upsert.run({
        voucherKey: voucher.key,
        code,
        honourCode,
        memberNumber: voucher.memberNumber,
        expiresAt: voucher.expiresAt,
        rev: change.rev,
        voucher: change.stored,
        at: at.getTime(),
      });
    }
    writeSyncState(db, HONOUR_CURSOR_KEY, String(page.nextCursor), at);
  };
  db.transaction(apply).immediate();
}
