import { describe, expect, it } from 'vitest';
import { honourFeedSchema } from './honour-feed';
import { DEFAULT_MAX_ANSWER_BYTES } from './http-transport';

/** The longest each field can be on the engine: titles 200 characters, codes 128. */
const longest = (length: number, fill = 'é') => fill.repeat(length);

/** A change as the engine sends it, every text field at its longest, the voucher locked. */
function widestChange(rev: number) {
  return {
    rev,
    removed: false,
    voucher: {
      voucher_key: rev.toString(16).padStart(64, '0'),
      voucher_id: 2_000_000_000 + rev,
      voucher_code: longest(128, 'C'),
      voucher_type: 'honour',
      voucher_status: 'claimed',
      voucher_locked: true,
      voucher_locked_until: '2026-12-02 01:41:05',
      voucher_locking_code: longest(128, 'L'),
      voucher_retailer_basket_code_exclusive: longest(128, 'B'),
      voucher_created_datetime: '2026-12-02T01:36:05.784Z',
      voucher_redeemed_datetime: null,
      voucher_expiry_datetime_utc: '2027-12-02 01:36:05',
      voucher_expiry_seconds_remaining: 31_535_999,
      voucher_currency_code: 'EUR',
      voucher_amount: null,
      voucher_amount_original: null,
      voucher_amount_redeemed: null,
      voucher_discount_ratio: null,
      voucher_honour_code: longest(128, 'H'),
      voucher_title: longest(200),
      campaign_id: 2_000_000_000,
      campaign_exclusive: false,
      user_id: 2_000_000_000,
      member_number: longest(128, '9'),
      parent_voucher: { voucher_key: 'f'.repeat(64) },
    },
  };
}

describe('the answer size cap', () => {
  it('holds the widest page of the honour feed the engine gives (1000 changes) with room to spare', () => {
    const results = {
      changes: Array.from({ length: 1000 }, (_, index) => widestChange(index + 1)),
      next_cursor: 1000,
      has_more: true,
    };
    expect(honourFeedSchema.safeParse(results).success).toBe(true);
    const body = JSON.stringify({ result: { code: 1, status: 'ok' }, results });
    const bytes = Buffer.byteLength(body, 'utf8');
    expect(bytes).toBeLessThan(DEFAULT_MAX_ANSWER_BYTES / 2);
  });
});
