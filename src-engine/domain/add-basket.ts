import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  chargeMismatches,
  priceBasket,
  totalCharged,
  type PricedBasket,
  type RejectedVoucher,
} from '../../src-shared/pricing';
import { ok } from '../../src-shared/result';
import type { UseContext, Voucher } from '../../src-shared/vouchers';
import type { AddBasketRequest } from '../../src-shared/wire/basket-request';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { toDomainVoucher, touchHonourRev, vouchersByIds, type VoucherRow } from '../repo/vouchers';
import type { Actor } from './actor';
import { audit } from './audit';
import { basketWarnings, leavesRemainder, type BasketPricing } from './basket-pricing';
import { recordBasketAdded } from './events/basket-event';
import {
  leaveOutKept,
  readBasketInput,
  resolveVoucherRefs,
  type BasketInput,
} from './basket-input';
import { checkReturnable, issueReturnVouchers, matchReturns, withReturnCredits } from './returns';
import { refuse, type Outcome } from './refusal';
import { issueChildVoucher, type StoredBasketRef } from './voucher-factory';
import { forgetFreedFrom, leaveOffFreed } from './voucher-ops/freed';
import { NO_LOCK } from './voucher-ops/guards';
import { releaseBasketLocks } from './voucher-ops/release-basket-locks';
import { changeWhileUsable } from './voucher-ops/while-usable';

/** A basket stored by this request: its pricing, the vouchers it burned and those it issued. */
export interface StoredBasket extends BasketPricing {
  readonly basketId: number;
  readonly basketCode: string;
  /** The vouchers the basket burned, as they are after it. */
  readonly redeemed: readonly VoucherRow[];
  /** Remainders of bigger fixed vouchers, and return vouchers. */
  readonly created: readonly VoucherRow[];
}

/**
 * The answer to a stored basket as the face writes it, kept with the basket: the same basket
 * sent again gets this answer back, whatever has happened to its vouchers since.
 */
export type KeepAnswer = (basket: StoredBasket) => string;

export type AddBasketResult =
  | { readonly replayed: false; readonly basket: StoredBasket }
  | { readonly replayed: true; readonly keptAnswer: string };

/**
 * Stores a completed basket (immutable) and redeems its vouchers (docs/architecture.md, "Locking and redemption"). Each redemption is a
 * compare-and-set on the voucher inside the basket's transaction: of two sales racing for
 * one voucher exactly one gets it, and the other sale is stored without it, with a warning.
 * The same basket sent again returns the stored answer; another basket under a used code
 * is refused.
 */
export async function addBasket(
  db: Kysely<Database>,
  actor: Actor,
  request: AddBasketRequest,
  now: number,
  keepAnswer: KeepAnswer,
): Promise<Outcome<AddBasketResult>> {
  const requestHash = hashRequest(request);
  const storeIt = () =>
    inTransaction(db, (trx) => store(trx, actor, request, { requestHash, keepAnswer }, now));
  try {
    return await storeIt();
  } catch (error) {
    // a concurrent twin stored the same code first: answer as its replay (or refuse a different basket)
    if (!isUniqueViolation(error)) throw error;
    return storeIt();
  }
}

async function store(
  trx: Transaction<Database>,
  actor: Actor,
  request: AddBasketRequest,
  { requestHash, keepAnswer }: { requestHash: string; keepAnswer: KeepAnswer },
  now: number,
): Promise<Outcome<AddBasketResult>> {
  const code = request.basket.retailer_basket_code;
  if (request.basket.basket_training === true)
    return refuse(
      'training_basket_not_stored',
      `${code} is a training basket: it is priced, never stored, and its vouchers are not redeemed`,
    );
  const existing = await trx
    .selectFrom('baskets')
    .select(['request_hash', 'results_json'])
    .where('chain_id', '=', actor.chainId)
    .where('retailer_basket_code', '=', code)
    .executeTakeFirst();
  if (existing) {
    if (existing.request_hash !== requestHash)
      return refuse('basket_already_exists', `a different basket was already stored under ${code}`);
    return ok({ replayed: true, keptAnswer: existing.results_json });
  }

  const read = await readBasketInput(trx, actor, request);
  if (!read.ok) return read;
  const input = read.value;
  const asked = await resolveVoucherRefs(trx, input, request.basket.basket_vouchers ?? []);
  const rows = new Map(asked.rows.map((row) => [row.voucher_key, row]));
  // the customer keeps these for later: the basket is stored without them
  leaveOutKept(input, rows);
  // a manager freed these from this basket: it is stored without them
  const freed = await leaveOffFreed(trx, { chainId: input.chainId, basketCode: code }, rows);
  const { matched, unmatched } = await matchReturns(
    trx,
    input.chainId,
    request.basket,
    input.lines,
  );
  const returnable = await checkReturnable(trx, matched);
  if (!returnable.ok) return returnable;
  const lines = input.lines.map((line) =>
    unmatched.has(line.id) ? { ...line, excluded: true } : line,
  );
  const context = {
    basketCode: code,
    lockingCode: input.lockingCode,
    memberNumber: input.member?.number ?? null,
    unknownVoucherRefs: asked.unknown,
  };

  const first = priceBasket(lines, [...rows.values()].map(toDomainVoucher), now, context);
  const lost: Voucher[] = [];
  for (const applied of first.applied) {
    const row = rows.get(applied.voucher.key);
    if (!row || !(await burn(trx, actor, row, context, now))) lost.push(applied.voucher);
  }
  // vouchers taken by another sale a moment ago: price again without them, and say why
  const priced =
    lost.length === 0
      ? first
      : priceBasket(
          lines,
          first.applied.map((a) => a.voucher).filter((v) => !lost.includes(v)),
          now,
          context,
        );
  const lostReasons = await reasonsFor(trx, lost, input, now);

  const basketId = await insertBasket(trx, input, priced, requestHash, now, code);
  const stored = { id: basketId, code, memberId: input.member?.id ?? null };
  const redeemed = await settleRedemptions(trx, actor, priced, rows, stored, now);
  // a lock the stored basket did not redeem holds nothing any more (a voucher priced earlier, then left out)
  await releaseBasketLocks(
    trx,
    actor,
    {
      chainId: input.chainId,
      holder: context,
      keep: [],
      reason: 'the basket was stored without it',
    },
    now,
  );
  await recordBasketAdded(trx, input, code, priced, redeemed.rows, now);
  await forgetFreedFrom(trx, input.chainId, code);
  const returned = await issueReturnVouchers(trx, actor, matched, stored, now);
  const created = [...redeemed.created, ...returned.map((issued) => issued.voucher)];

  const basket: StoredBasket = {
    chainId: input.chainId,
    currency: input.currency,
    memberNumber: input.member?.number ?? null,
    childVoucherMinDays: input.childVoucherMinDays,
    priced,
    totalCharged: totalCharged(input.charged),
    vouchers: rows,
    unmatchedReturns: unmatched,
    // what the till charged is checked, never refused: the customer has paid it
    warnings: basketWarnings(
      input.memberWarning,
      [...freed, ...first.rejected, ...lostReasons],
      unmatched,
      chargeMismatches(input.charged, withReturnCredits(priced, returned)),
    ),
    basketId,
    basketCode: code,
    redeemed: redeemed.rows,
    created,
  };
  await trx
    .updateTable('baskets')
    .set({ results_json: keepAnswer(basket) })
    .where('id', '=', basketId)
    .execute();
  return ok({ replayed: false, basket });
}

/**
 * The compare-and-set: the voucher is burned only if it is still usable by this basket; false
 * when another sale took it first. Its redemption is recorded (and audited) with the basket.
 */
async function burn(
  trx: Transaction<Database>,
  actor: Actor,
  row: VoucherRow,
  sale: UseContext,
  now: number,
): Promise<boolean> {
  const burned = await changeWhileUsable(trx, actor, now, {
    row,
    sale,
    verb: 'redeem',
    change: () => ok({ set: { ...NO_LOCK, burned_at: now }, audits: [], inHonourFeed: false }),
  });
  return burned.ok;
}

async function reasonsFor(
  trx: Transaction<Database>,
  lost: readonly Voucher[],
  input: BasketInput,
  now: number,
): Promise<readonly RejectedVoucher[]> {
  if (lost.length === 0) return [];
  const fresh = await trx
    .selectFrom('vouchers')
    .leftJoin('members', 'members.id', 'vouchers.member_id')
    .selectAll('vouchers')
    .select('members.member_number')
    .where(
      'vouchers.voucher_key',
      'in',
      lost.map((voucher) => voucher.key),
    )
    .execute();
  const repriced = priceBasket([], fresh.map(toDomainVoucher), now, {
    basketCode: input.basketCode,
    lockingCode: input.lockingCode,
    memberNumber: input.member?.number ?? null,
  });
  return repriced.rejected;
}

async function insertBasket(
  trx: Transaction<Database>,
  input: BasketInput,
  priced: PricedBasket,
  requestHash: string,
  now: number,
  code: string,
): Promise<number> {
  const { id } = await trx
    .insertInto('baskets')
    .values({
      chain_id: input.chainId,
      retailer_basket_code: code,
      member_id: input.member?.id ?? null,
      store_code: input.storeCode,
      currency: input.currency,
      request_hash: requestHash,
      results_json: '{}',
      total_gross: priced.totals.gross,
      total_discount: priced.totals.discount,
      created_at: now,
      ...saleColumns(input, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [index, line] of priced.lines.entries()) {
    await trx
      .insertInto('basket_items')
      .values({
        basket_id: id,
        line_id: line.id,
        quantity: String(line.quantity),
        unit_price: line.unitPrice,
        gross: line.gross,
        discount: line.discount,
        returned_quantity: '0',
        charged_unit_price: input.charged.lines[index]?.unitPrice ?? null,
        position: index,
        barcode: input.sale.items[index]?.barcode ?? null,
        name: input.sale.items[index]?.name ?? null,
      })
      .execute();
  }
  return id;
}

/** What the sale says about itself, as the basket row keeps it (src-engine/db/schema.ts). */
function saleColumns(input: BasketInput, now: number) {
  const { sale } = input;
  return {
    sold_at: sale.soldAt ?? now,
    timezone: sale.timezone,
    platform_type: sale.platformType,
    employee_code: sale.employeeCode,
    employee_name: sale.employeeName,
    payment_methods_json: sale.payments === null ? null : JSON.stringify(sale.payments),
    tax_json: sale.tax === null ? null : JSON.stringify(sale.tax),
    notes: sale.notes,
    total_charged: totalCharged(input.charged),
  };
}

/** Records what each burned voucher gave, issues the remainder of a bigger fixed voucher, keeps the line shares. */
async function settleRedemptions(
  trx: Transaction<Database>,
  actor: Actor,
  priced: PricedBasket,
  rows: ReadonlyMap<string, VoucherRow>,
  stored: StoredBasketRef,
  now: number,
): Promise<{ rows: VoucherRow[]; created: VoucherRow[] }> {
  const { id: basketId, code: basketCode } = stored;
  const created: VoucherRow[] = [];
  const ids: number[] = [];
  for (const applied of priced.applied) {
    const row = rows.get(applied.voucher.key);
    if (!row) continue;
    ids.push(row.id);
    const isFixed = applied.voucher.type === 'basket';
    await trx
      .updateTable('vouchers')
      .set({
        redeemed_basket_id: basketId,
        amount_redeemed: isFixed ? applied.discount : row.amount_redeemed,
        amount: isFixed ? 0 : row.amount,
      })
      .where('id', '=', row.id)
      .execute();
    await touchHonourRev(trx, row);
    await audit(trx, actor, 'redeem', now, { voucherId: row.id, basketCode });
    if (leavesRemainder(applied)) {
      const remainder = await issueChildVoucher(
        trx,
        actor,
        row,
        {
          amount: applied.amountRemaining,
          title: row.title,
          reason: 'remainder',
          basketCode,
          basketMemberId: stored.memberId,
        },
        now,
      );
      created.push(remainder);
    }
  }
  for (const line of priced.lines) {
    for (const share of line.shares) {
      const row = rows.get(share.voucherKey);
      if (!row) continue;
      await trx
        .insertInto('basket_item_vouchers')
        .values({
          basket_id: basketId,
          line_id: line.id,
          voucher_id: row.id,
          discount: share.discount,
        })
        .execute();
    }
  }
  return { rows: await vouchersByIds(trx, ids), created };
}

/** The same content gives the same hash whatever order its keys were sent in. */
function hashRequest(request: AddBasketRequest): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
