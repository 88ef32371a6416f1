import type { PricedBasket } from '../../../src-shared/pricing';
import type { Executor, VoucherRow } from '../../repo/vouchers';
import type { BasketInput } from '../basket-input';
import { recordEvent } from './record';

/** What a basket event says about the sale: ids and minor units only. */
export interface BasketFacts {
  readonly chainId: number;
  readonly basketCode: string;
  readonly storeCode: string | null;
  readonly currency: string;
  readonly totals: { readonly gross: number; readonly discount: number; readonly net: number };
  /** The public ids of the vouchers the basket redeemed. */
  readonly benefitIds: readonly string[];
}

/** BASKET_ADDED, once per stored basket (a replay returns before it): amounts in minor units. */
export async function recordBasketAdded(
  db: Executor,
  input: BasketInput,
  basketCode: string,
  priced: PricedBasket,
  redeemed: readonly VoucherRow[],
  at: number,
): Promise<void> {
  await recordBasketEvent(db, 'BASKET_ADDED', input.member?.number ?? basketCode, at, {
    chainId: input.chainId,
    basketCode,
    storeCode: input.storeCode,
    currency: input.currency,
    totals: priced.totals,
    benefitIds: redeemed.map((row) => row.uuid),
  });
}

/**
 * BASKET_CLAIMED, when claim-basket gave an anonymous basket its member: the same facts as the
 * sale's BASKET_ADDED, now about the member, so the purchase counts for them from the claim on.
 */
export async function recordBasketClaimed(
  db: Executor,
  memberNumber: string,
  facts: BasketFacts,
  at: number,
): Promise<void> {
  await recordBasketEvent(db, 'BASKET_CLAIMED', memberNumber, at, facts);
}

async function recordBasketEvent(
  db: Executor,
  type: 'BASKET_ADDED' | 'BASKET_CLAIMED',
  subject: string,
  at: number,
  facts: BasketFacts,
): Promise<void> {
  await recordEvent(db, {
    chainId: facts.chainId,
    type,
    subject,
    payload: {
      basketCode: facts.basketCode,
      storeCode: facts.storeCode,
      currency: facts.currency,
      totalGross: facts.totals.gross,
      totalDiscount: facts.totals.discount,
      totalNet: facts.totals.net,
      benefitIds: facts.benefitIds,
    },
    at,
  });
}
