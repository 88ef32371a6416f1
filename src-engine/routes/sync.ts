import { Router } from 'express';
import type { Kysely } from 'kysely';
import { isExpired } from '../../src-shared/vouchers';
import { honourSyncQuerySchema, type HonourSyncResults } from '../../src-shared/wire';
import type { Database } from '../db/schema';
import type { EngineDeps } from '../deps';
import { requireRole } from '../domain/actor';
import { authenticate } from '../http/authenticate';
import { sendOk } from '../http/envelope';
import { parseParams } from '../http/parse';
import { toDomainVoucher, type VoucherRow } from '../repo/vouchers';
import { toVoucherObject } from '../wire/voucher-object';

/**
 * Up to `limit` honour vouchers of the chain changed after `cursor`, in rev order, and
 * whether more follow. Deleted ones are included: the till must drop them from its cache.
 */
async function honourChangesAfter(
  db: Kysely<Database>,
  chainId: number,
  cursor: number,
  limit: number,
): Promise<{ rows: VoucherRow[]; hasMore: boolean }> {
  const rows = await db
    .selectFrom('vouchers')
    .leftJoin('members', 'members.id', 'vouchers.member_id')
    .selectAll('vouchers')
    .select('members.member_number')
    .where('vouchers.chain_id', '=', chainId)
    .where('vouchers.voucher_type', '=', 'honour')
    .where('vouchers.rev', '>', cursor)
    .orderBy('vouchers.rev')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Gone for the till: it may no longer honour this voucher. */
function isRemoved(row: VoucherRow, now: number): boolean {
  return row.burned_at !== null || row.deleted_at !== null || isExpired(toDomainVoucher(row), now);
}

/** §6a: the honour-voucher change feed a till mirrors into its offline cache. */
export function syncRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.get('/sync/honour-vouchers', async (request, response) => {
    const actor = await authenticate(db, request, deps.now());
    requireRole(actor, 'terminal');
    const { cursor, limit } = parseParams(honourSyncQuerySchema, request.query);
    const now = deps.now();
    const { rows, hasMore } = await honourChangesAfter(db, actor.chainId, cursor, limit);
    const results: HonourSyncResults = {
      changes: rows.map((row) => ({
        rev: row.rev ?? 0,
        voucher: toVoucherObject(row, now),
        removed: isRemoved(row, now),
      })),
      next_cursor: rows.at(-1)?.rev ?? cursor,
      has_more: hasMore,
    };
    sendOk(response, { result_type: 'sync-honour-vouchers', ...results });
  });
  return router;
}
