import {
  engineVoucherSchema,
  type EngineVoucher,
} from '../../src-main/engine-client/engine-voucher';
import type { AppliedEngineVoucher } from '../../src-main/engine-client/engine-basket';
import { honourFeedSchema, type HonourFeedChange } from '../../src-main/engine-client/honour-feed';

/**
 * Engine answers for tests of the till's own code, written as the engine sends them (Spaaza
 * voucher objects) and decoded the way the engine client decodes them.
 */
export function engineVoucher(voucherObject: unknown): EngineVoucher {
  return engineVoucherSchema.parse(voucherObject);
}

export function appliedEngineVoucher(voucherObject: unknown, discount = 0): AppliedEngineVoucher {
  return { ...engineVoucher(voucherObject), discount, amountRemaining: 0 };
}

/** A voucher the engine applied and locked to the sale, as a claimed voucher object: `key` repeated makes its key. */
export function lockedVoucher(
  code: string | null,
  type: string,
  key: string,
  title: string | null = null,
): AppliedEngineVoucher {
  return appliedEngineVoucher({
    voucher_key: key.repeat(64),
    voucher_code: code,
    voucher_type: type,
    voucher_status: 'claimed',
    voucher_locked: true,
    ...(title === null ? {} : { voucher_title: title }),
  });
}

export function honourFeedChange(
  rev: number,
  voucherObject: unknown,
  removed = false,
): HonourFeedChange {
  const page = honourFeedSchema.parse({
    changes: [{ rev, voucher: voucherObject, removed }],
    next_cursor: rev,
    has_more: false,
  });
  const [change] = page.changes;
  if (!change) throw new Error('the feed page lost its change');
  return change;
}
