import { ok } from '../../src-shared/result';
import {
  basketDetails,
  countBaskets,
  findBaskets,
  type BasketDetails,
  type BasketFilter,
  type BasketItemRow,
  type BasketRow,
  type LineShareRow,
} from '../repo/baskets';
import type { Executor, VoucherRow } from '../repo/vouchers';
import type { Actor } from './actor';
import type { BasketFacts } from './events/basket-event';
import type { Outcome } from './refusal';
import { findMember, type OwnerRef } from './voucher-ops/members';

/** A stored basket with what a receipt shows of it. */
export interface Receipt {
  readonly basket: BasketRow;
  readonly memberNumber: string | null;
  readonly items: readonly BasketItemRow[];
  readonly redeemed: readonly VoucherRow[];
  readonly created: readonly VoucherRow[];
  readonly shares: readonly LineShareRow[];
}

export interface ReceiptQuery {
  readonly filter: Omit<BasketFilter, 'chainId' | 'memberId'>;
  /** Only this member's baskets; a member the chain does not know is refused. */
  readonly member: OwnerRef | null;
  readonly page: { readonly limit: number; readonly offset: number };
}

/** get-receipts: one page of the chain's stored baskets, newest sale first, and how many match. */
export async function getReceipts(
  db: Executor,
  actor: Actor,
  query: ReceiptQuery,
): Promise<Outcome<{ total: number; receipts: Receipt[] }>> {
  let memberId: number | undefined;
  if (query.member !== null) {
    const member = await findMember(db, actor.chainId, query.member);
    if (!member.ok) return member;
    memberId = member.value.id;
  }
  const filter: BasketFilter = { ...query.filter, chainId: actor.chainId, memberId };
  const total = await countBaskets(db, filter);
  const rows = await findBaskets(db, filter, query.page);
  const details = await basketDetails(db, rows);
  return ok({ total, receipts: rows.map((row) => receiptOf(row, details)) });
}

/** The receipt of one basket row, read afresh (claim-basket answers with it). */
export async function readReceipt(db: Executor, basket: BasketRow): Promise<Receipt> {
  return receiptOf(basket, await basketDetails(db, [basket]));
}

function receiptOf(basket: BasketRow, details: BasketDetails): Receipt {
  return {
    basket,
    memberNumber:
      basket.member_id === null ? null : (details.memberNumbers.get(basket.member_id) ?? null),
    items: details.items.get(basket.id) ?? [],
    redeemed: details.redeemed.get(basket.id) ?? [],
    created: details.created.get(basket.id) ?? [],
    shares: details.shares.get(basket.id) ?? [],
  };
}

/** What a basket event reports of a stored basket. */
export function factsOf(receipt: Receipt): BasketFacts {
  const { basket } = receipt;
  return {
    chainId: basket.chain_id,
    basketCode: basket.retailer_basket_code,
    storeCode: basket.store_code,
    currency: basket.currency,
    totals: {
      gross: basket.total_gross,
      discount: basket.total_discount,
      net: basket.total_gross - basket.total_discount,
    },
    benefitIds: receipt.redeemed.map((row) => row.uuid),
  };
}
