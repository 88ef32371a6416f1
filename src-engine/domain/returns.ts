import type { BasketLine } from '../../src-shared/pricing';
import type { WireBasket } from '../../src-shared/wire';
import type { Executor } from '../repo/vouchers';

export interface MatchedReturn {
  readonly lineId: string;
  readonly quantity: number;
  readonly originalBasketId: number;
  readonly originalLineId: string;
}

/**
 * Finds the original purchase line of each return line. A return line that names none, or
 * one that does not exist in this chain, is unmatched: excluded from voucher logic, warned.
 */
export async function matchReturns(
  db: Executor,
  chainId: number,
  basket: WireBasket,
  lines: readonly BasketLine[],
): Promise<{ matched: MatchedReturn[]; unmatched: Set<string> }> {
  const matched: MatchedReturn[] = [];
  const unmatched = new Set<string>();
  for (const [index, item] of basket.basket_items.entries()) {
    const line = lines[index];
    if (!line || !item.return_item) continue;
    const originalCode = item.original_retailer_basket_code;
    const originalLine = item.original_retailer_item_code;
    const found =
      originalCode && originalLine
        ? await db
            .selectFrom('basket_items')
            .innerJoin('baskets', 'baskets.id', 'basket_items.basket_id')
            .select(['baskets.id as basketId', 'basket_items.line_id as lineId'])
            .where('baskets.chain_id', '=', chainId)
            .where('baskets.retailer_basket_code', '=', originalCode)
            .where('basket_items.line_id', '=', originalLine)
            .executeTakeFirst()
        : undefined;
    if (found) {
      matched.push({
        lineId: line.id,
        quantity: line.quantity,
        originalBasketId: found.basketId,
        originalLineId: found.lineId,
      });
    } else {
      unmatched.add(line.id);
    }
  }
  return { matched, unmatched };
}
