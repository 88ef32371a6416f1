import type { Kysely } from 'kysely';
import { ok } from '../../src-shared/result';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { createdBy, findBaskets, type BasketRow } from '../repo/baskets';
import type { Executor } from '../repo/vouchers';
import type { Actor } from './actor';
import { audit } from './audit';
import { recordBasketClaimed } from './events/basket-event';
import { factsOf, readReceipt, type Receipt } from './receipts';
import { invalidFields, refuse, type Outcome } from './refusal';
import { findMember, type OwnerRef } from './voucher-ops/members';
import { allOf, notBurned, present, unowned } from './voucher-ops/guards';

export const BASKET_NAMES = 'send basket_id, retailer_basket_code or supplementary_basket_code';

/** How a caller names a stored basket; every name given must fit the one basket. */
export interface BasketRef {
  readonly id?: number | undefined;
  readonly code?: string | undefined;
  /** Spaaza's third basket id: this engine stores none, so it names no basket. */
  readonly supplementaryCode?: string | undefined;
}

export interface ClaimBasketRequest {
  readonly basket: BasketRef;
  readonly owner: OwnerRef;
}

/**
 * claim-basket: gives an anonymous stored basket its member, with its audit line and a
 * BASKET_CLAIMED event about the member, in one transaction. The unowned vouchers the basket
 * issued (remainders, return vouchers) that are still usable become the member's too. A basket
 * that has a member keeps it: of two claims racing, one wins and the other is refused.
 */
export async function claimBasket(
  db: Kysely<Database>,
  actor: Actor,
  request: ClaimBasketRequest,
  now: number,
): Promise<Outcome<Receipt>> {
  return inTransaction(db, async (trx) => {
    const member = await findMember(trx, actor.chainId, request.owner);
    if (!member.ok) return member;
    const found = await storedBasketOf(trx, actor.chainId, request.basket);
    if (!found.ok) return found;
    const basket = found.value;
    const code = basket.retailer_basket_code;
    const taken = refuse('basket_already_claimed', `basket ${code} already belongs to a member`);
    if (basket.member_id !== null) return taken;
    const { numUpdatedRows } = await trx
      .updateTable('baskets')
      .set({ member_id: member.value.id, claimed_at: now })
      .where('id', '=', basket.id)
      .where('member_id', 'is', null)
      .executeTakeFirst();
    if (numUpdatedRows !== 1n) return taken;
    await audit(trx, actor, 'claim_basket', now, { basketCode: code });
    await adoptIssuedVouchers(trx, actor, { basket, memberId: member.value.id }, now);
    const receipt = await readReceipt(trx, {
      ...basket,
      member_id: member.value.id,
      claimed_at: now,
    });
    await recordBasketClaimed(trx, member.value.member_number, factsOf(receipt), now);
    return ok(receipt);
  });
}

/**
 * The basket's issued vouchers that nobody owns, unused and present, become the member's; each
 * is audited `claim` with the basket's code. A voucher another call gave an owner meanwhile is
 * left as it is.
 */
async function adoptIssuedVouchers(
  trx: Executor,
  actor: Actor,
  claim: { readonly basket: BasketRow; readonly memberId: number },
  now: number,
): Promise<void> {
  const { basket, memberId } = claim;
  const issued = (await createdBy(trx, [basket])).get(basket.id) ?? [];
  const ids = issued.filter((row) => row.member_id === null).map((row) => row.id);
  if (ids.length === 0) return;
  const adopted = await trx
    .updateTable('vouchers')
    .set({ member_id: memberId })
    .where('id', 'in', ids)
    .where(allOf(unowned, present, notBurned))
    .returning('id')
    .execute();
  for (const row of adopted)
    await audit(trx, actor, 'claim', now, {
      voucherId: row.id,
      basketCode: basket.retailer_basket_code,
      reason: 'claim-basket gave it the basket’s member',
    });
}

async function storedBasketOf(
  db: Executor,
  chainId: number,
  ref: BasketRef,
): Promise<Outcome<BasketRow>> {
  if (ref.supplementaryCode !== undefined)
    return refuse(
      'basket_not_found',
      `no basket with supplementary_basket_code ${ref.supplementaryCode}: this engine stores none`,
    );
  if (ref.id === undefined && ref.code === undefined)
    return invalidFields([{ path: 'basket_id', message: BASKET_NAMES }]);
  const [basket] = await findBaskets(
    db,
    { chainId, id: ref.id, code: ref.code },
    { limit: 1, offset: 0 },
  );
  if (basket) return ok(basket);
  const named = ref.code ?? `with basket_id ${String(ref.id ?? '(none)')}`;
  return refuse('basket_not_found', `no stored basket ${named} in this chain`);
}
