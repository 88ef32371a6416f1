import { z } from 'zod';
import { messageParams } from './notices';

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

/**
 * The specific sentence a refusal says, where the till core has one: its words live in the
 * message catalogue (`messages.<words>.{what,next}`), filled in with the error's `params`. A
 * refusal without `words` is said by the generic words of its `code`.
 */
export const TILL_ERROR_WORDS = [
  'account_not_a_manager',
  'account_of_unknown_role',
  'account_of_another_chain',
  'account_of_another_store',
  'basket_holds_no_vouchers',
  'sync_conflict_unknown',
  'sync_conflict_acknowledged',
  'sync_conflict_acknowledged_by',
  'engine_unreachable_for',
  'engine_forbids',
  'engine_refused',
  'sale_has_no_items',
  'sale_still_open',
  'receipt_not_found',
  'tender_unknown_method',
  'tender_not_needed',
  'tender_over_due',
  'tender_not_positive',
  'tender_refund_mismatch',
  'tender_not_covered',
  'tender_total_changed',
  'nothing_to_collect',
  'return_sale_not_found',
  'return_sale_not_found_offline',
  'return_line_not_found',
  'return_exceeds_purchase',
] as const;
export type TillErrorWords = (typeof TILL_ERROR_WORDS)[number];

/**
 * `code` is what a host POS switches on; `message` is the English sentence for logs and the
 * host POS; `words` and `params` let a screen say the same sentence in its own language.
 */
export const tillErrorSchema = z.object({
  code: z.enum(TILL_ERROR_CODES),
  message: z.string(),
  words: z.enum(TILL_ERROR_WORDS).optional(),
  params: messageParams.optional(),
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
