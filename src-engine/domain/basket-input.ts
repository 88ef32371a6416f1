import type { BasketLine } from '../../src-shared/pricing';
import { ok } from '../../src-shared/result';
import type { GetBasketPriceRequest } from '../../src-shared/wire/basket-request';
import { basketLinesFromWire } from '../../src-shared/wire/basket-to-domain';
import { findVoucher, vouchersSharingCode, type Executor, type VoucherRow } from '../repo/vouchers';
import { chainRefusal, type Actor } from './actor';
import { benefitByCode } from './benefits/lookup';
import { invalidFields, refuse, type Outcome } from './refusal';

export interface BasketInput {
  readonly chainId: number;
  readonly currency: string;
  readonly lines: BasketLine[];
  readonly basketCode: string | null;
  readonly lockingCode: string | null;
  readonly lockExclusively: boolean;
  readonly member: { readonly id: number; readonly number: string } | null;
  readonly storeCode: string | null;
}

/** Checks a basket request against the caller's chain and converts its amounts, once. */
export async function readBasketInput(
  db: Executor,
  actor: Actor,
  request: GetBasketPriceRequest,
): Promise<Outcome<BasketInput>> {
  const otherChain = chainRefusal(actor, request.entity.entity_id);
  if (otherChain) return otherChain;
  const chain = await db
    .selectFrom('chains')
    .select(['currency'])
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
  const lines = basketLinesFromWire(request.basket, currency);
  if (!lines.ok) return invalidFields(lines.error);

  let member: BasketInput['member'] = null;
  if (request.user) {
    const row = await db
      .selectFrom('members')
      .select(['id', 'member_number'])
      .where('chain_id', '=', actor.chainId)
      .where('member_number', '=', request.user.member_number)
      .executeTakeFirst();
    if (!row)
      return refuse('member_not_found', `no member ${request.user.member_number} in this chain`);
    member = { id: row.id, number: row.member_number };
  }
  return ok({
    chainId: actor.chainId,
    currency,
    lines: lines.value,
    basketCode: request.basket.retailer_basket_code ?? null,
    lockingCode: request.basket.voucher_locking_code ?? null,
    lockExclusively: request.basket.basket_voucher_lock_exclusively === true,
    member,
    storeCode: request.entity.branch_business_owner_code ?? null,
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
