import type { z } from 'zod';
import type { CreatedVoucherView } from '../../src-shared/till';
import type { AddBasketResults } from '../../src-shared/wire';
import { engineVoucherOf } from './engine-voucher';

/**
 * add-basket's `vouchers_created` in the till's terms. A voucher whose parent this basket used
 * is the rest of that voucher; any other (its parent used in an earlier sale) is the value a
 * returned line gave back (docs/spaaza-wire.md, "add-basket").
 */
export function createdVouchersOf(
  results: Pick<AddBasketResults, 'vouchers_created' | 'vouchers_redeemed'> & {
    readonly basket: Pick<AddBasketResults['basket'], 'basket_vouchers'>;
  },
  currency: string,
  context: z.RefinementCtx,
): CreatedVoucherView[] {
  const usedHere = new Map<string, string | null>();
  for (const used of [...results.basket.basket_vouchers, ...results.vouchers_redeemed])
    if (!usedHere.has(used.voucher_key) || used.voucher_code)
      usedHere.set(used.voucher_key, used.voucher_code ?? null);
  return results.vouchers_created.map((wire, index) => {
    const voucher = engineVoucherOf(wire, currency, context, ['vouchers_created', index]);
    const parentKey = wire.parent_voucher?.voucher_key ?? null;
    const remainder = parentKey !== null && usedHere.has(parentKey);
    return {
      voucherKey: voucher.key,
      code: voucher.code,
      amount: voucher.amount,
      expiresAt: voucher.expiresAt === null ? null : new Date(voucher.expiresAt).toISOString(),
      ownerMemberNumber: voucher.memberNumber,
      origin: remainder ? 'remainder' : 'return',
      from:
        parentKey === null
          ? null
          : { voucherKey: parentKey, code: usedHere.get(parentKey) ?? null },
    };
  });
}
