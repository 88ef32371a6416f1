import type { PricedBasket } from '../../../src-shared/pricing';
import type { Executor, VoucherRow } from '../../repo/vouchers';
import type { BasketInput } from '../basket-input';
import { recordEvent } from './record';

/** BASKET_ADDED, once per stored basket (a replay returns before it): amounts in minor units. */
export async function recordBasketAdded(
  db: Executor,
  input: BasketInput,
  basketCode: string,
  priced: PricedBasket,
  redeemed: readonly VoucherRow[],
  at: number,
): Promise<void> {
  await recordEvent(db, {
    chainId: input.chainId,
    type: 'BASKET_ADDED',
    subject: input.member?.number ?? basketCode,
    payload: {
      basketCode,
      storeCode: input.storeCode,
      currency: input.currency,
      totalGross: priced.totals.gross,
      totalDiscount: priced.totals.discount,
      totalNet: priced.totals.net,
      benefitIds: redeemed.map((row) => row.uuid),
    },
    at,
  });
}
