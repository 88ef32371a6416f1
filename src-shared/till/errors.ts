import { z } from 'zod';

/**
 * What a till command can fail with, as a stable code the UI and a host POS can switch on.
 * Business refusals of single vouchers are not errors: they come back inside the sale.
 */
export const TILL_ERROR_CODES = [
  'invalid_input',
  'unknown_barcode',
  'unknown_command',
  'no_open_sale',
  'sale_not_found',
  'sale_already_closed',
  'engine_unreachable',
  'engine_rejected',
  'not_signed_in',
  'forbidden',
  'not_found',
  'conflict',
  'internal',
] as const;
export type TillErrorCode = (typeof TILL_ERROR_CODES)[number];

export const tillErrorSchema = z.object({
  code: z.enum(TILL_ERROR_CODES),
  message: z.string(),
});
export type TillError = z.infer<typeof tillErrorSchema>;

/** How every command's outcome crosses a process boundary (IPC keeps only plain data). */
export type TillResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TillError };

export function tillResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: tillErrorSchema }),
  ]);
}
