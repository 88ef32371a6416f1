import type { Executor } from '../repo/vouchers';
import type { Actor } from './actor';

export type AuditAction =
  | 'lock'
  | 'unlock'
  | 'release'
  | 'claim'
  | 'unclaim'
  | 'redeem'
  | 'expire'
  | 'delete'
  | 'create'
  | 'purchase'
  | 'validate'
  | 'burn';

/** One line of the audit trail, written in the same transaction as the change it records. */
export async function audit(
  db: Executor,
  actor: Actor,
  action: AuditAction,
  at: number,
  detail: { voucherId?: number | null; basketCode?: string | null; reason?: string | null } = {},
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
}
