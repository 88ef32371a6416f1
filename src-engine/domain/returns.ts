import type { Transaction } from 'kysely';
import {
  addDecimals,
  formatDecimal,
  minDecimal,
  parseDecimal,
  proportionOfMinor,
  subtractDecimals,
  type Decimal,
} from '../../src-shared/money';
import type { BasketLine, PricedBasket } from '../../src-shared/pricing';
import type { WireBasket } from '../../src-shared/wire/basket-request';
import type { Database } from '../db/schema';
import { voucherById, type Executor, type VoucherRow } from '../repo/vouchers';
import type { Actor } from './actor';
import { ok } from '../../src-shared/result';
import { refuse, type Outcome } from './refusal';
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

/**
 * Refuses a basket whose return lines ask back more of an original line than it bought, less
 * what earlier returns took back (several lines of the basket naming one original add up).
 */
export async function checkReturnable(
  db: Executor,
  returns: readonly MatchedReturn[],
): Promise<Outcome<null>> {
  const wanted = new Map<string, { match: MatchedReturn; quantity: Decimal }>();
  for (const match of returns) {
    const key = `${String(match.originalBasketId)}\u0000${match.originalLineId}`;
    const quantity = storedDecimal(String(match.quantity));
    const earlier = wanted.get(key);
    wanted.set(key, {
      match,
      quantity: earlier ? addDecimals(earlier.quantity, quantity) : quantity,
    });
  }
  for (const { match, quantity } of wanted.values()) {
    const original = await db
      .selectFrom('basket_items')
      .innerJoin('baskets', 'baskets.id', 'basket_items.basket_id')
      .select(['quantity', 'returned_quantity', 'baskets.retailer_basket_code as basketCode'])
      .where('basket_id', '=', match.originalBasketId)
      .where('line_id', '=', match.originalLineId)
      .executeTakeFirstOrThrow();
    const left = subtractDecimals(
      storedDecimal(original.quantity),
      storedDecimal(original.returned_quantity),
    );
    if (subtractDecimals(left, quantity).coefficient < 0n)
      return refuse(
        'return_exceeds_purchase',
        `line ${match.originalLineId} of basket ${original.basketCode} has ${formatDecimal(left)} left to return, not ${formatDecimal(quantity)}`,
      );
  }
  return ok(null);
}

/** A return voucher with the return line it was issued for. */
export interface ReturnVoucher {
  readonly lineId: string;
  readonly voucher: VoucherRow;
}

/** Returns: a new voucher for the share of each voucher that the returned quantity carried. */
export async function issueReturnVouchers(
  trx: Transaction<Database>,
  actor: Actor,
  returns: readonly MatchedReturn[],
  basket: StoredBasketRef,
  now: number,
): Promise<ReturnVoucher[]> {
  const created: ReturnVoucher[] = [];
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
      const amount = proportionOfMinor(share.discount, returnable, bought);
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
      created.push({ lineId: match.lineId, voucher: issued });
    }
  }
  return created;
}

function storedDecimal(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(`stored quantity "${text}" is not a decimal`);
  return parsed.value;
}

/**
 * The basket as the customer is paid for it: each returned line gives back what was paid for
 * it, its price less the voucher shares that come back as return vouchers. A till's charge on
 * a return is checked against this (docs/spaaza-wire.md, "Returns at the till").
 */
export function withReturnCredits(
  priced: PricedBasket,
  issued: readonly ReturnVoucher[],
): PricedBasket {
  if (issued.length === 0) return priced;
  const credit = new Map<string, number>();
  for (const { lineId, voucher } of issued)
    credit.set(lineId, (credit.get(lineId) ?? 0) + (voucher.amount ?? 0));
  const total = [...credit.values()].reduce((sum, amount) => sum + amount, 0);
  return {
    ...priced,
    lines: priced.lines.map((line) => ({ ...line, net: line.net + (credit.get(line.id) ?? 0) })),
    totals: { ...priced.totals, net: priced.totals.net + total },
  };
}
