import { queryOptions } from '@tanstack/react-query';
import type { TillClient, TillInput } from '../../src-shared/till';
import { valueOf } from '../client';

export const AUDIT_LOG_LIMIT = 100;

export const managerKeys = {
  all: ['manager'] as const,
  lockedVouchers: () => [...managerKeys.all, 'locked-vouchers'] as const,
  auditLog: (filter: AuditLogFilter) => [...managerKeys.all, 'audit-log', filter] as const,
  conflicts: () => [...managerKeys.all, 'conflicts'] as const,
  rewardPools: () => [...managerKeys.all, 'reward-pools'] as const,
};

/** The store's vouchers held by a sale right now (the manager session is required). */
export function lockedVouchersQuery(client: TillClient) {
  return queryOptions({
    queryKey: managerKeys.lockedVouchers(),
    queryFn: async () => valueOf(await client['manager/locked-vouchers']({})),
  });
}

/** One day (`YYYY-MM-DD`) and/or one voucher code; nothing for the latest entries. */
export type AuditLogFilter = Pick<TillInput<'manager/audit-log'>, 'day' | 'voucherCode'>;

/** The till's own audit trail, newest first. */
export function auditLogQuery(client: TillClient, filter: AuditLogFilter = {}) {
  return queryOptions({
    queryKey: managerKeys.auditLog(filter),
    queryFn: async () =>
      valueOf(await client['manager/audit-log']({ limit: AUDIT_LOG_LIMIT, ...filter })),
  });
}

/** Sales the engine disagreed with after an offline sync, for the manager to acknowledge. */
export function conflictsQuery(client: TillClient) {
  return queryOptions({
    queryKey: managerKeys.conflicts(),
    queryFn: async () => valueOf(await client['manager/conflicts']({})),
  });
}

/** The chain's reward pools and the codes each has left, as the engine counts them now. */
export function rewardPoolsQuery(client: TillClient) {
  return queryOptions({
    queryKey: managerKeys.rewardPools(),
    queryFn: async () => valueOf(await client['manager/reward-pools']({})),
  });
}
