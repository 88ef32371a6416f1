import {
  SYNC_CONFLICT_BATCH_MAX,
  syncConflictListSchema,
  syncConflictObjectSchema,
  syncConflictReportAnswerSchema,
  type SyncConflictObject,
  type SyncConflictReport,
} from '../../src-shared/wire';
import { z } from 'zod';

/** Conflicts the engine takes in one report. */
export const CONFLICT_REPORT_MAX = SYNC_CONFLICT_BATCH_MAX;

/** A conflict this till found, as it reports it to the engine. */
export interface FoundConflict {
  readonly basketCode: string;
  readonly reason: string;
  readonly message: string;
  /** The voucher's code, else its key; null for a conflict about the sale itself. */
  readonly voucherRef: string | null;
  readonly occurredAt: Date;
}

/** A sync conflict of the store as the engine keeps it (docs/spaaza-wire.md, "Our additions"). */
export interface StoreConflict {
  readonly id: number;
  readonly storeCode: string;
  readonly terminalId: string;
  readonly basketCode: string;
  readonly reason: string;
  readonly message: string;
  readonly voucherCode: string | null;
  /** The basket that redeemed the voucher, where the engine knows it. */
  readonly winner: {
    readonly basketCode: string;
    readonly storeCode: string | null;
    readonly terminalId: string | null;
  } | null;
  readonly occurredAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedBy: string | null;
  readonly note: string | null;
}

export function conflictReportBody(
  tillId: string,
  conflicts: readonly FoundConflict[],
): SyncConflictReport {
  return {
    till_id: tillId,
    conflicts: conflicts.map((conflict) => ({
      basket_code: conflict.basketCode,
      reason: conflict.reason,
      message: conflict.message.slice(0, 2000),
      voucher_ref: conflict.voucherRef,
      occurred_at: conflict.occurredAt.getTime(),
    })),
  };
}

function storeConflictOf(object: SyncConflictObject): StoreConflict {
  return {
    id: object.id,
    storeCode: object.store_code,
    terminalId: object.terminal_id,
    basketCode: object.basket_code,
    reason: object.reason,
    message: object.message,
    voucherCode: object.voucher_code,
    winner:
      object.winner_basket_code === null
        ? null
        : {
            basketCode: object.winner_basket_code,
            storeCode: object.winner_store_code,
            terminalId: object.winner_terminal_id,
          },
    occurredAt: new Date(object.occurred_at),
    acknowledgedAt: object.acknowledged_at === null ? null : new Date(object.acknowledged_at),
    acknowledgedBy: object.acknowledged_by,
    note: object.acknowledgement_note,
  };
}

export const reportedConflictsSchema = syncConflictReportAnswerSchema.transform((answer) =>
  answer.conflicts.map(storeConflictOf),
);

export const storeConflictsSchema = syncConflictListSchema.transform((answer) =>
  answer.conflicts.map(storeConflictOf),
);

export const acknowledgedConflictSchema = z
  .looseObject({ conflict: syncConflictObjectSchema })
  .transform((answer) => storeConflictOf(answer.conflict));
