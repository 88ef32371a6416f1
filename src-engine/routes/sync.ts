import { Router, type Response } from 'express';
import {
  FEED_KEY_ID_HEADER,
  FEED_SIGNATURE_HEADER,
  signFeedPage,
  type FeedPageIdentity,
} from '../../src-node/feed-signature';
import { isExpired } from '../../src-shared/vouchers';
import {
  honourSyncQuerySchema,
  tillAuditBatchSchema,
  type HonourSyncResults,
  type TillAuditAnswer,
} from '../../src-shared/wire';
import type { EngineDeps } from '../deps';
import { appendTillAudit } from '../domain/till-audit';
import { authorize } from '../http/authorize';
import { sendOk, okEnvelope } from '../http/envelope';
import { valueOrRefuse } from '../http/errors';
import { bodyOf, parseParams, requireJson } from '../http/parse';
import { feedKeyInUse, type FeedKey } from '../domain/feed-keys';
import { honourChangesAfter, toDomainVoucher, type VoucherRow } from '../repo/vouchers';
import { toVoucherObject } from '../wire/voucher-object';

/** Gone for the till: it may no longer honour this voucher. */
function isRemoved(row: VoucherRow, now: number): boolean {
  return row.burned_at !== null || row.deleted_at !== null || isExpired(toDomainVoucher(row), now);
}

/** Sends the page as exactly the bytes it signs (docs/security.md, "Signed honour-voucher feed"). */
function sendSigned(
  response: Response,
  key: FeedKey,
  page: FeedPageIdentity,
  results: unknown,
): void {
  const body = Buffer.from(JSON.stringify(okEnvelope(results)), 'utf8');
  response
    .status(200)
    .set(FEED_KEY_ID_HEADER, key.keyId)
    .set(FEED_SIGNATURE_HEADER, signFeedPage(key.privateKeyPem, key.keyId, page, body))
    .type('application/json')
    .send(body);
}

/**
 * The honour-voucher change feed a till mirrors into its offline cache, and the till's audit
 * chain it sends up with its sales.
 */
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
    const key = await feedKeyInUse(db, actor.chainId, now);
    const page = { chainId: actor.chainId, cursor, limit };
    sendSigned(response, key, page, { result_type: 'sync-honour-vouchers', ...results });
  });

  router.post('/sync/till-audit', async (request, response) => {
    const actor = await authorize(deps, request, 'terminal');
    requireJson(request, 'the till audit batch');
    const batch = parseParams(tillAuditBatchSchema, bodyOf(request));
    const stored = valueOrRefuse(
      await appendTillAudit(
        deps.db,
        { chainId: actor.chainId, tillId: batch.till_id },
        batch.rows,
        deps.now(),
      ),
    );
    const results: TillAuditAnswer = {
      till_id: batch.till_id,
      head_seq: stored.headSeq,
      stored: stored.stored,
    };
    sendOk(response, { result_type: 'sync-till-audit', ...results });
  });
  return router;
}
