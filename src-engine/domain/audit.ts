import type { Executor } from '../repo/vouchers';
import type { Actor } from './actor';
import type { AuditAction } from './audit-action';
import { recordVoucherEvent } from './events/voucher-event';

export interface AuditDetail {
  voucherId?: number | null;
  basketCode?: string | null;
  reason?: string | null;
}

/**
 * One line of the audit trail, written in the same transaction as the change it records, with
 * the voucher's event (the outbox its webhooks are delivered from).
 */
export async function audit(
  db: Executor,
  actor: Actor,
  action: AuditAction,
  at: number,
  detail: AuditDetail = {},
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      chain_id: actor.chainId,
      at,
      actor: actor.name,
      action,
      voucher_id: detail.voucherId ?? null,
      basket_code: detail.basketCode ?? null,
      reason: detail.reason ?? null,
    })
    .execute();
  if (detail.voucherId !== undefined && detail.voucherId !== null) {
    await recordVoucherEvent(db, action, at, {
      voucherId: detail.voucherId,
      basketCode: detail.basketCode ?? null,
      reason: detail.reason ?? null,
    });
  }
}
