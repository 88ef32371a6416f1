import type { Transaction } from 'kysely';
import {
  addDecimals,
  divideRoundHalfAwayFromZero,
  formatDecimal,
  minDecimal,
  parseDecimal,
  subtractDecimals,
  type Decimal,
} from '../../src-shared/money';
import type { BasketLine } from '../../src-shared/pricing';
import type { WireBasket } from '../../src-shared/wire/basket-request';
import type { Database } from '../db/schema';
import { voucherById, type Executor, type VoucherRow } from '../repo/vouchers';
import type { Actor } from './actor';
import { issueChildVoucher, type StoredBasketRef } from './voucher-factory';

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

/** Returns: a new voucher for the share of each voucher that the returned quantity carried. */
export async function issueReturnVouchers(
  trx: Transaction<Database>,
  actor: Actor,
  returns: readonly MatchedReturn[],
  basket: StoredBasketRef,
  now: number,
): Promise<VoucherRow[]> {
  const created: VoucherRow[] = [];
  for (const match of returns) {
    const original = await trx
      .selectFrom('basket_items')
      .select(['quantity', 'returned_quantity'])
      .where('basket_id', '=', match.originalBasketId)
      .where('line_id', '=', match.originalLineId)
      .executeTakeFirstOrThrow();
    const bought = storedDecimal(original.quantity);
    const already = storedDecimal(original.returned_quantity);
    const wanted = storedDecimal(String(match.quantity));
    const returnable = minDecimal(wanted, subtractDecimals(bought, already));
    if (returnable.coefficient <= 0n) continue;
    await trx
      .updateTable('basket_items')
      .set({ returned_quantity: formatDecimal(addDecimals(already, returnable)) })
      .where('basket_id', '=', match.originalBasketId)
      .where('line_id', '=', match.originalLineId)
      .execute();
    const shares = await trx
      .selectFrom('basket_item_vouchers')
      .select(['voucher_id', 'discount'])
      .where('basket_id', '=', match.originalBasketId)
      .where('line_id', '=', match.originalLineId)
      .execute();
    for (const share of shares) {
      const amount = Number(
        divideRoundHalfAwayFromZero(
          BigInt(share.discount) * returnable.coefficient * 10n ** BigInt(bought.scale),
          bought.coefficient * 10n ** BigInt(returnable.scale),
        ),
      );
      if (amount <= 0) continue;
      const parent = await voucherById(trx, share.voucher_id);
      const issued = await issueChildVoucher(
        trx,
        actor,
        parent,
        {
          amount,
          title: `Returned: ${parent.title}`,
          reason: 'return',
          basketCode: basket.code,
          basketMemberId: basket.memberId,
        },
        now,
      );
      created.push(issued);
    }
  }
  return created;
}

function storedDecimal(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(`stored quantity "${text}" is not a decimal`);
  return parsed.value;
}
