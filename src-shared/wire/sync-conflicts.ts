import { z } from 'zod';
import { tillIdSchema } from './sync';

/**
 * The store's sync conflicts, kept by the engine (docs/spaaza-wire.md, "Our additions"): what a
 * till's sync found about a sale it had queued offline — a voucher another sale used first, a
 * sale the engine refused.
 */

/** Conflicts a till sends in one `POST /sync/conflicts`. */
export const SYNC_CONFLICT_BATCH_MAX = 50;

/** A stable code: the engine's warning name (`voucher_already_redeemed`) or the till's own. */
const reasonCode = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, {
  error: 'must be a lower-case code of letters, digits and _, e.g. voucher_already_redeemed',
});

/** One conflict as a till reports it: the sale, the voucher (its code or key) and what happened. */
export const reportedSyncConflictSchema = z.object({
  basket_code: z.string().trim().min(1).max(200),
  reason: reasonCode,
  message: z.string().max(2000),
  /** The voucher by its code (or, when the till knows no code, its key); null when none. */
  voucher_ref: z.string().trim().min(1).max(200).nullable(),
  /** When the till found it, epoch milliseconds. */
  occurred_at: z.number().int().nonnegative(),
});
export type ReportedSyncConflict = z.infer<typeof reportedSyncConflictSchema>;

export const syncConflictReportSchema = z.object({
  till_id: tillIdSchema,
  conflicts: z.array(reportedSyncConflictSchema).min(1).max(SYNC_CONFLICT_BATCH_MAX),
});
export type SyncConflictReport = z.infer<typeof syncConflictReportSchema>;

/** A conflict as the engine keeps it; the instants in epoch milliseconds. */
export const syncConflictObjectSchema = z.looseObject({
  id: z.number().int().positive(),
  store_code: z.string(),
  terminal_id: z.string(),
  basket_code: z.string(),
  reason: z.string(),
  message: z.string(),
  /** The voucher's own code where the engine knows it, else what the till named it by. */
  voucher_code: z.string().nullable(),
  /** The basket that redeemed the voucher, where it is another one. */
  winner_basket_code: z.string().nullable(),
  winner_store_code: z.string().nullable(),
  winner_terminal_id: z.string().nullable(),
  occurred_at: z.number().int().nonnegative(),
  recorded_at: z.number().int().nonnegative(),
  acknowledged_at: z.number().int().nonnegative().nullable(),
  acknowledged_by: z.string().nullable(),
  acknowledgement_note: z.string().nullable(),
});
export type SyncConflictObject = z.infer<typeof syncConflictObjectSchema>;

/** `POST /sync/conflicts`' answer: each reported conflict as kept, and how many were new. */
export const syncConflictReportAnswerSchema = z.looseObject({
  conflicts: z.array(syncConflictObjectSchema),
  recorded: z.number().int().nonnegative(),
});
export type SyncConflictReportAnswer = z.infer<typeof syncConflictReportAnswerSchema>;

/** `GET /sync/conflicts?store_code=`: a store's open conflicts and those acknowledged lately. */
export const syncConflictListQuerySchema = z.object({
  store_code: z.string().trim().min(1).max(64).optional(),
});

export const syncConflictListSchema = z.looseObject({
  store_code: z.string(),
  conflicts: z.array(syncConflictObjectSchema),
});
export type SyncConflictList = z.infer<typeof syncConflictListSchema>;

/** `POST /sync/conflicts/:id/acknowledge`: what the manager says about it (may be empty). */
export const syncConflictAcknowledgeSchema = z.object({
  note: z.string().trim().max(500).default(''),
});
