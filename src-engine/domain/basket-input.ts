import type { BasketLine, ChargedBasket } from '../../src-shared/pricing';
import { ok } from '../../src-shared/result';
import type { GetBasketPriceRequest, WireBasketUser } from '../../src-shared/wire/basket-request';
import {
  basketFromWire,
  saleFactsFromWire,
  type SaleFacts,
} from '../../src-shared/wire/basket-to-domain';
import { findVoucher, vouchersSharingCode, type Executor, type VoucherRow } from '../repo/vouchers';
import { findStore } from '../repo/stores';
import { chainRefusal, storeRefusal, type Actor } from './actor';
import type { MemberWarning } from './basket-pricing';
import { benefitByCode } from './benefits/lookup';
import { invalidFields, type Outcome } from './refusal';
import { describeOwner, findMember, ownerKey, type OwnerRef } from './voucher-ops/members';

export interface BasketInput {
  readonly chainId: number;
  readonly currency: string;
  /** The chain's minimum validity of a child voucher (voucher-factory.ts `childExpiry`). */
  readonly childVoucherMinDays: number;
  /** What the engine prices: each line at its price before discounts. */
  readonly lines: BasketLine[];
  /** What the till says it charged. */
  readonly charged: ChargedBasket;
  readonly basketCode: string | null;
  readonly lockingCode: string | null;
  readonly lockExclusively: boolean;
  /** A recheck: the locks this basket holds keep their end (`basket_voucher_keep_lock_ends`). */
  readonly keepLockEnds: boolean;
  /** A practice sale (`basket_training`): priced, never locked, stored or recorded. */
  readonly training: boolean;
  /** The vouchers the customer keeps for later: left out of this basket (`basket_vouchers_kept_for_later`). */
  readonly keptForLater: ReadonlySet<string>;
  /** Null for an anonymous basket, and for a card this engine does not know (`memberWarning`). */
  readonly member: { readonly id: number; readonly number: string } | null;
  readonly memberWarning: MemberWarning | null;
  readonly storeCode: string | null;
  readonly sale: SaleFacts;
}

/** The programme name (any case) that names this engine's own members; absent means the same. */
const OWN_PROGRAMME = 'spaaza';

/**
 * Checks a basket request against the caller's chain and converts its amounts, once. A card
 * the engine cannot use (an unknown number, another loyalty programme's card) does not refuse
 * the basket: it is priced, and stored, anonymously, with a warning saying why.
 */
export async function readBasketInput(
  db: Executor,
  actor: Actor,
  request: GetBasketPriceRequest,
): Promise<Outcome<BasketInput>> {
  const otherChain = chainRefusal(actor, request.entity.entity_id);
  if (otherChain) return otherChain;
  const chain = await db
    .selectFrom('chains')
    .select(['currency', 'child_voucher_min_days'])
    .where('id', '=', actor.chainId)
    .executeTakeFirstOrThrow();
  const currency = request.basket.basket_currency?.currency_code ?? chain.currency;
  if (currency !== chain.currency) {
    return invalidFields([
      {
        path: 'basket.basket_currency.currency_code',
        message: `this chain sells in ${chain.currency}, not ${currency}`,
      },
    ]);
  }
  const figures = basketFromWire(request.basket, currency);
  if (!figures.ok) return invalidFields(figures.error);
  const sale = saleFactsFromWire(request, figures.value);
  if (!sale.ok) return invalidFields(sale.error);

  const store = await storeOfSale(db, actor, request.entity.branch_business_owner_code);
  if (!store.ok) return store;
  const named = await memberOf(db, actor.chainId, request.user);
  if (!named.ok) return named;
  const { member, warning } = named.value;
  return ok({
    chainId: actor.chainId,
    currency,
    childVoucherMinDays: chain.child_voucher_min_days,
    lines: figures.value.lines,
    charged: figures.value.charged,
    basketCode: request.basket.retailer_basket_code ?? null,
    lockingCode: request.basket.voucher_locking_code ?? null,
    lockExclusively: request.basket.basket_voucher_lock_exclusively === true,
    keepLockEnds: request.basket.basket_voucher_keep_lock_ends === true,
    training: request.basket.basket_training === true,
    keptForLater: new Set(
      (request.basket.basket_vouchers_kept_for_later ?? []).map((kept) => kept.voucher_key),
    ),
    member,
    memberWarning: warning,
    storeCode: store.value,
    sale: sale.value,
  });
}

/**
 * The store a basket is sold in: the one it names, which must be the chain's and, for a caller
 * that belongs to a store, that store; a basket that names none is the caller's store's.
 */
async function storeOfSale(
  db: Executor,
  actor: Actor,
  named: string | undefined,
): Promise<Outcome<string | null>> {
  if (named === undefined) return ok(actor.storeCode ?? null);
  const foreign = storeRefusal(actor, named);
  if (foreign) return foreign;
  return (await findStore(db, actor.chainId, named))
    ? ok(named)
    : invalidFields([
        { path: 'entity.branch_business_owner_code', message: `no store ${named} in this chain` },
      ]);
}

interface MemberOf {
  readonly member: BasketInput['member'];
  readonly warning: MemberWarning | null;
}

async function memberOf(
  db: Executor,
  chainId: number,
  user: WireBasketUser | undefined,
): Promise<Outcome<MemberOf>> {
  if (!user) return ok({ member: null, warning: null });
  const owner: OwnerRef = {
    memberNumber: user.member_number,
    userId: user.user_id,
    username: user.username,
    authenticationPointIdentifier: user.authentication_point_identifier,
  };
  const programme = user.member_programme;
  // another scheme's card says nothing about who this engine's member is
  if (programme !== undefined && programme.toLowerCase() !== OWN_PROGRAMME)
    return ok({
      member: null,
      warning: { kind: 'member_programme_not_supported', key: ownerKey(owner), programme },
    });
  const found = await findMember(db, chainId, owner);
  if (found.ok)
    return ok({ member: { id: found.value.id, number: found.value.member_number }, warning: null });
  if (found.error.code !== 'member_not_found') return found;
  return ok({
    member: null,
    warning: { kind: 'member_not_found', key: ownerKey(owner), named: describeOwner(owner) },
  });
}

/**
 * The vouchers a basket names; names that match nothing in this chain come back as unknown. A
 * code is a voucher's own code, else a code it shares (a STATIC reward's, a pool code), found as
 * validate_voucher finds it: the basket member's benefit. Without a member, a shared code names
 * a voucher only when exactly one has it; of several, guessing could spend a stranger's voucher.
 */
export async function resolveVoucherRefs(
  db: Executor,
  input: Pick<BasketInput, 'chainId' | 'member'>,
  refs: readonly { voucher_key?: string | undefined; voucher_code?: string | undefined }[],
): Promise<{ rows: VoucherRow[]; unknown: string[] }> {
  const rows: VoucherRow[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    const row =
      (await findVoucher(db, input.chainId, { key: ref.voucher_key, code: ref.voucher_code })) ??
      (ref.voucher_key === undefined && ref.voucher_code !== undefined
        ? await bySharedCode(db, input, ref.voucher_code)
        : undefined);
    if (row) rows.push(row);
    else unknown.push(ref.voucher_code ?? ref.voucher_key ?? '');
  }
  return { rows, unknown };
}

async function bySharedCode(
  db: Executor,
  input: Pick<BasketInput, 'chainId' | 'member'>,
  code: string,
): Promise<VoucherRow | undefined> {
  if (input.member === null) {
    const sharing = await vouchersSharingCode(db, input.chainId, code, 2);
    return sharing.length === 1 ? sharing[0] : undefined;
  }
  const found = await benefitByCode(db, input.chainId, code, input.member.number);
  // not the member's, or no such code: the basket names a voucher it cannot use
  return found.ok ? found.value : undefined;
}

/**
 * Takes the vouchers the customer keeps for later out of the basket's candidates: they are not
 * applied, so the basket's lock on them is released and add-basket redeems none of them.
 */
export function leaveOutKept(
  input: Pick<BasketInput, 'keptForLater'>,
  rows: Map<string, VoucherRow>,
): void {
  for (const key of input.keptForLater) rows.delete(key);
}
