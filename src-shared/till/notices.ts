import { z } from 'zod';
import { REJECTION_CODES } from '../pricing/reasons';

/**
 * What the till core tells the cashier beside a sale (`notices` on the sale view), by stable
 * code. The words live in the message catalogue (`messages.<code>.{what,next}`); a notice's
 * `params` fill them in. An engine warning the till does not know is `engine_warning`, its
 * name in `params.name`.
 */
export const NOTICE_CODES = [
  'engine_unreachable',
  'engine_no_usable_answer',
  'engine_too_slow',
  'engine_rejected',
  'engine_warning',
  'offline_value_cap',
  'member_vouchers_offline',
  'member_voucher_offline',
  'voucher_unknown_offline',
  'honour_cache_empty',
  'locks_not_released',
  'line_not_found',
  'unknown_barcode',
  'unrecognised_scan',
  'weight_needed',
  'quantity_not_whole',
  'pricing_mismatch',
  'member_not_found',
  'member_programme_not_supported',
  'original_basket_item_not_found',
  'basket_price_mismatch',
  'card_refused',
  'voucher_not_in_sale',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export function isNoticeCode(value: string): value is NoticeCode {
  return (NOTICE_CODES as readonly string[]).includes(value);
}

/**
 * Why a voucher was refused, in more detail than its `reason` where the till knows more: a code
 * the till cannot check offline (`voucher_unknown_offline`), a voucher used on this till already
 * (`voucher_used_on_this_till`), an honour voucher without a code offline, a till never online
 * (`honour_cache_empty`), the offline cap (`offline_value_cap`). Otherwise the reason itself.
 */
export const REFUSAL_WORD_CODES = [
  ...REJECTION_CODES,
  'voucher_unknown_offline',
  'voucher_used_on_this_till',
  'honour_voucher_without_code_offline',
  'honour_cache_empty',
  'offline_value_cap',
] as const;
export type RefusalWordCode = (typeof REFUSAL_WORD_CODES)[number];

/** What the till asked the voucher engine for, as a code its words name (`errands.<code>`). */
export const ENGINE_ERRANDS = [
  'sale',
  'sign_in',
  'locked_vouchers',
  'unlock',
  'reward_pools',
  'sync_conflicts',
  'acknowledgement',
  'activation',
] as const;
export type EngineErrand = (typeof ENGINE_ERRANDS)[number];

const minor = z.number().int();
const instant = z.iso.datetime();

/**
 * What a notice's or a refusal's words need, each where it applies: the voucher it is about, the
 * till holding a voucher (its basket code, store and terminal) and until when, amounts in minor
 * units, a member number, a barcode or scan, a line, fields the pricings differ in, and an
 * unknown engine warning's name and words; for a till error, the account (username, role and
 * the store it manages), a sync conflict's id and what the till asked the engine for (`errand`).
 */
export const messageParams = z.object({
  voucherCode: z.string().optional(),
  voucherCodes: z.string().optional(),
  title: z.string().optional(),
  basketCode: z.string().optional(),
  storeCode: z.string().optional(),
  terminalId: z.string().optional(),
  until: instant.optional(),
  amount: minor.optional(),
  perSale: minor.optional(),
  perDay: minor.optional(),
  leftToday: minor.optional(),
  memberNumber: z.string().optional(),
  barcode: z.string().optional(),
  scan: z.string().optional(),
  lineId: z.string().optional(),
  /** A catalogue product by its name (a weighed item waiting for its weight). */
  product: z.string().optional(),
  /** A quantity asked for, and what is left of it (a return). */
  quantity: z.number().optional(),
  left: z.number().optional(),
  fields: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  username: z.string().optional(),
  role: z.string().optional(),
  managerStore: z.string().optional(),
  conflictId: z.number().int().optional(),
  errand: z.enum(ENGINE_ERRANDS).optional(),
});
export type MessageParams = z.infer<typeof messageParams>;

/** A basket code `<store>-<terminal>-<yyyymmdd>-<seq>` read back into its store and terminal. */
export function placeOfBasket(
  basketCode: string,
): { readonly storeCode: string; readonly terminalId: string } | null {
  const match = /^(.+)-([^-]+)-(\d{8})-(\d+)$/.exec(basketCode);
  if (!match?.[1] || !match[2]) return null;
  return { storeCode: match[1], terminalId: match[2] };
}
