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
