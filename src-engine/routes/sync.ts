import { Router } from 'express';
import { isExpired } from '../../src-shared/vouchers';
import { honourSyncQuerySchema, type HonourSyncResults } from '../../src-shared/wire';
import type { EngineDeps } from '../deps';
import { authorize } from '../http/authorize';
import { sendOk } from '../http/envelope';
import { parseParams } from '../http/parse';
import { honourChangesAfter, toDomainVoucher, type VoucherRow } from '../repo/vouchers';
import { toVoucherObject } from '../wire/voucher-object';

/** Gone for the till: it may no longer honour this voucher. */
function isRemoved(row: VoucherRow, now: number): boolean {
  return row.burned_at !== null || row.deleted_at !== null || isExpired(toDomainVoucher(row), now);
}

/** The honour-voucher change feed a till mirrors into its offline cache. */
export function syncRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.get('/sync/honour-vouchers', async (request, response) => {
    const actor = await authorize(deps, request, 'terminal');
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
