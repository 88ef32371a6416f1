import { currencyNumber, currencySymbol, toMajorUnits } from '../../src-shared/money';
import { lockHolds, spaazaStatus } from '../../src-shared/vouchers';
import { isoOrNull, toSpaazaDateTime, type WireVoucher } from '../../src-shared/wire';
import { codeValueOf } from '../repo/benefits';
import { toDomainVoucher, type VoucherRow } from '../repo/vouchers';

const spaaza = (instant: number | null) => (instant === null ? null : toSpaazaDateTime(instant));

/**
 * The code the Spaaza face may show. A Spaaza-side voucher shows its own code. A reward's
 * benefit keeps its code as the WLL face does (wire/benefit.ts): shown once redeem_benefit
 * revealed it (claimed), its own or the one it shares, and never when the reward hides it.
 */
function shownCode(row: VoucherRow): string | null {
  if (row.code_type === null) return row.code;
  return row.claimed_at !== null && row.hide_code === 0 ? codeValueOf(row) : null;
}

/** A stored voucher as the Spaaza wire shows it. */
export function toVoucherObject(row: VoucherRow, now: number): WireVoucher {
  const voucher = toDomainVoucher(row);
  const locked = lockHolds(voucher, now);
  const money = (minor: number | null) =>
    minor === null ? null : toMajorUnits(minor, row.currency);
  return {
    voucher_key: row.voucher_key,
    voucher_id: row.id,
    voucher_code: shownCode(row),
    voucher_type: row.voucher_type,
    voucher_status: spaazaStatus(voucher),
    voucher_locked: locked,
    voucher_locked_until: locked ? spaaza(row.lock_until) : null,
    voucher_locking_code: locked ? row.lock_code : null,
    voucher_retailer_basket_code_exclusive: locked ? row.lock_basket_code : null,
    voucher_created_datetime: isoOrNull(row.created_at) ?? undefined,
    voucher_redeemed_datetime: isoOrNull(row.burned_at),
    voucher_expiry_datetime_utc: spaaza(row.expires_at),
    voucher_expiry_seconds_remaining:
      row.expires_at === null ? null : Math.max(0, Math.floor((row.expires_at - now) / 1000)),
    voucher_currency_code: row.currency,
    voucher_currency_id: currencyNumber(row.currency),
    voucher_currency_symbol: currencySymbol(row.currency),
    voucher_amount: money(row.amount),
    voucher_amount_original: money(row.amount_original),
    voucher_amount_redeemed: money(row.amount_redeemed),
    voucher_discount_ratio: row.ratio_ppm === null ? null : row.ratio_ppm / 1_000_000,
    voucher_honour_code: row.honour_code,
    voucher_title: row.title,
    voucher_text: row.voucher_text,
    voucher_description: row.description,
    voucher_notes: row.notes,
    voucher_image_url: row.image_url,
    campaign_id: row.campaign_id,
    campaign_type: row.campaign_type,
    campaign_exclusive: row.exclusive === 1,
    user_id: row.member_id,
    member_number: row.member_number,
    parent_voucher:
      row.parent_voucher_key === null ? null : { voucher_key: row.parent_voucher_key },
  };
}
