import { z } from 'zod';
import { voucherObjectSchema } from './voucher';

/** `GET /sync/honour-vouchers?cursor=&limit=`: every change since `cursor`, in `rev` order. */
export const honourChangeSchema = z.looseObject({
  rev: z.number().int().nonnegative(),
  voucher: voucherObjectSchema,
  /** Burned or deleted elsewhere: drop it from the cache. */
  removed: z.boolean(),
});
export type HonourChange = z.infer<typeof honourChangeSchema>;

export const honourSyncResultsSchema = z.looseObject({
  changes: z.array(honourChangeSchema),
  next_cursor: z.number().int().nonnegative(),
  has_more: z.boolean(),
});
export type HonourSyncResults = z.infer<typeof honourSyncResultsSchema>;

export const honourSyncQuerySchema = z.object({
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** A till's name in the engine's copies of till audit chains: `<store code>-<terminal id>`. */
export const tillIdSchema = z.string().regex(/^[A-Za-z0-9]{1,16}-[A-Za-z0-9]{1,16}$/, {
  error: 'must be <store code>-<terminal id>, letters or digits, e.g. S001-01',
});

/** A 64-digit lower-case hex SHA-256. */
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lower-case hex digits' });

/** One row of a till's audit chain as it travels (docs/spaaza-wire.md, "Our additions"). */
export const tillAuditRowSchema = z.object({
  seq: z.number().int().positive(),
  /** Epoch milliseconds. */
  at: z.number().int().nonnegative(),
  actor: z.string().min(1).max(200),
  action: z.string().min(1).max(100),
  voucher_key: z.string().max(200).nullable(),
  basket_code: z.string().max(200).nullable(),
  detail: z.string().max(4000),
  prev_hash: sha256Hex,
  row_hash: sha256Hex,
});
export type TillAuditRow = z.infer<typeof tillAuditRowSchema>;

/** Rows a till sends in one `POST /sync/till-audit`: 50 of the longest rows stay under the body limit. */
export const TILL_AUDIT_BATCH_MAX = 50;

export const tillAuditBatchSchema = z.object({
  till_id: tillIdSchema,
  rows: z.array(tillAuditRowSchema).min(1).max(TILL_AUDIT_BATCH_MAX),
});
export type TillAuditBatch = z.infer<typeof tillAuditBatchSchema>;

/** The engine's answer: the last seq it holds of the till's chain. */
export const tillAuditAnswerSchema = z.looseObject({
  till_id: z.string(),
  head_seq: z.number().int().nonnegative(),
  stored: z.number().int().nonnegative(),
});
export type TillAuditAnswer = z.infer<typeof tillAuditAnswerSchema>;
