import { toMajorUnits } from '../../src-shared/money';
import { lockHolds, spaazaStatus } from '../../src-shared/vouchers';
import { toSpaazaDateTime, type WireVoucher } from '../../src-shared/wire';
import { toDomainVoucher, type VoucherRow } from '../repo/vouchers';

const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());
const spaaza = (instant: number | null) => (instant === null ? null : toSpaazaDateTime(instant));

/** A stored voucher as the Spaaza wire shows it. */
export function toVoucherObject(
  row: VoucherRow,
  now: number,
  parentKey: string | null = null,
): WireVoucher {
  const voucher = toDomainVoucher(row);
  const locked = lockHolds(voucher, now);
  const money = (minor: number | null) =>
    minor === null ? null : toMajorUnits(minor, row.currency);
  return {
    voucher_key: row.voucher_key,
    voucher_id: row.id,
    voucher_code: row.code,
    voucher_type: row.voucher_type,
    voucher_status: spaazaStatus(voucher),
    voucher_locked: locked,
    voucher_locked_until: locked ? spaaza(row.lock_until) : null,
    voucher_locking_code: locked ? row.lock_code : null,
    voucher_retailer_basket_code_exclusive: locked ? row.lock_basket_code : null,
    voucher_created_datetime: iso(row.created_at) ?? undefined,
    voucher_redeemed_datetime: iso(row.burned_at),
    voucher_expiry_datetime_utc: spaaza(row.expires_at),
    voucher_expiry_seconds_remaining:
      row.expires_at === null ? null : Math.max(0, Math.floor((row.expires_at - now) / 1000)),
    voucher_currency_code: row.currency,
    voucher_amount: money(row.amount),
    voucher_amount_original: money(row.amount_original),
    voucher_amount_redeemed: money(row.amount_redeemed),
    voucher_discount_ratio: row.ratio_ppm === null ? null : row.ratio_ppm / 1_000_000,
    voucher_honour_code: row.honour_code,
    voucher_title: row.title,
    campaign_id: row.campaign_id,
    campaign_exclusive: row.exclusive === 1,
    user_id: row.member_id,
    member_number: row.member_number,
    parent_voucher: parentKey === null ? null : { voucher_key: parentKey },
  };
}
