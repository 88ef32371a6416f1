import { chainNext } from '../../src-node/audit-chain';
import type { Executor } from '../repo/vouchers';
import type { Actor } from './actor';
import type { AuditAction } from './audit-action';
import { ENGINE_CHAIN, engineAuditContent, type EngineAuditContent } from './audit-chain-rows';
import { advanceHead, lockHead } from './audit-heads';
import { recordVoucherEvent } from './events/voucher-event';

export interface AuditDetail {
  voucherId?: number | null;
  basketCode?: string | null;
  reason?: string | null;
}

/**
 * One line of the audit trail, written in the same transaction as the change it records, with
 * the voucher's event (the outbox its webhooks are delivered from). The line is the next link of
 * the chain's hash chain; given no transaction, it opens one of its own for the link.
 */
export async function audit(
  db: Executor,
  actor: Actor,
  action: AuditAction,
  at: number,
  detail: AuditDetail = {},
): Promise<void> {
  const content: EngineAuditContent = {
    chainId: actor.chainId,
    at,
    actor: actor.name,
    action,
    voucherId: detail.voucherId ?? null,
    basketCode: detail.basketCode ?? null,
    reason: detail.reason ?? null,
  };
  if (db.isTransaction) await appendLink(db, content);
  else await db.transaction().execute((trx) => appendLink(trx, content));
  if (detail.voucherId !== undefined && detail.voucherId !== null) {
    await recordVoucherEvent(db, action, at, {
      voucherId: detail.voucherId,
      basketCode: detail.basketCode ?? null,
      reason: detail.reason ?? null,
    });
  }
}

/** Inside a transaction: the head stays locked until it ends. */
async function appendLink(trx: Executor, content: EngineAuditContent): Promise<void> {
  const chain = { chainId: content.chainId, tillId: ENGINE_CHAIN };
  const head = await lockHead(trx, chain);
  const link = chainNext(head, engineAuditContent(content));
  await trx
    .insertInto('audit_log')
    .values({
      chain_id: content.chainId,
      at: content.at,
      actor: content.actor,
      action: content.action,
      voucher_id: content.voucherId,
      basket_code: content.basketCode,
      reason: content.reason,
      seq: link.seq,
      prev_hash: link.prevHash,
      row_hash: link.rowHash,
    })
    .execute();
  await advanceHead(trx, chain, { seq: link.seq, rowHash: link.rowHash });
}
