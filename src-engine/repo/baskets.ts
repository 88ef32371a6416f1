import type { ExpressionBuilder, Selectable } from 'kysely';
import { z } from 'zod';
import type { BasketItemTable, BasketTable, Database } from '../db/schema';
import { vouchersByIds, type Executor, type VoucherRow } from './vouchers';

/* Stored baskets as get-receipts and claim-basket read them. */

export type BasketRow = Selectable<BasketTable>;
export type BasketItemRow = Selectable<BasketItemTable>;

/** A payment as stored: the method's name and its amount in minor units. */
export interface StoredPayment {
  readonly method: string;
  readonly amount: number;
}

/** A tax line as stored: the rate as sent (0.21) and its total in minor units. */
export interface StoredTax {
  readonly rate: number;
  readonly total: number;
}

const minorAmount = z.number().int();
const paymentsColumn = z.array(z.object({ method: z.string(), amount: minorAmount }));
const taxColumn = z.array(z.object({ rate: z.number(), total: minorAmount }));

/** A JSON column the engine wrote itself: a value that does not decode is a fault, thrown. */
function decodeColumn<T>(schema: z.ZodType<T>, text: string | null, column: string): T | null {
  if (text === null) return null;
  const decoded = schema.safeParse(JSON.parse(text));
  if (!decoded.success) throw new Error(`baskets.${column} holds a value of the wrong shape`);
  return decoded.data;
}

export function paymentsOf(row: BasketRow): readonly StoredPayment[] | null {
  return decodeColumn(paymentsColumn, row.payment_methods_json, 'payment_methods_json');
}

export function taxOf(row: BasketRow): readonly StoredTax[] | null {
  return decodeColumn(taxColumn, row.tax_json, 'tax_json');
}

/** Which stored baskets of a chain a caller asks for; every field given must match. */
export interface BasketFilter {
  readonly chainId: number;
  readonly id?: number | undefined;
  readonly code?: string | undefined;
  readonly memberId?: number | undefined;
  readonly storeCode?: string | undefined;
  /** Sold at or after this instant. */
  readonly soldFrom?: number | undefined;
  /** Sold at or before this instant. */
  readonly soldUntil?: number | undefined;
}

function matching(filter: BasketFilter) {
  return (eb: ExpressionBuilder<Database, 'baskets'>) => {
    const conditions = [eb('chain_id', '=', filter.chainId)];
    if (filter.id !== undefined) conditions.push(eb('id', '=', filter.id));
    if (filter.code !== undefined) conditions.push(eb('retailer_basket_code', '=', filter.code));
    if (filter.memberId !== undefined) conditions.push(eb('member_id', '=', filter.memberId));
    if (filter.storeCode !== undefined) conditions.push(eb('store_code', '=', filter.storeCode));
    if (filter.soldFrom !== undefined) conditions.push(eb('sold_at', '>=', filter.soldFrom));
    if (filter.soldUntil !== undefined) conditions.push(eb('sold_at', '<=', filter.soldUntil));
    return eb.and(conditions);
  };
}

export async function countBaskets(db: Executor, filter: BasketFilter): Promise<number> {
  const { count } = await db
    .selectFrom('baskets')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
    .where(matching(filter))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** One page of the matching baskets, newest sale first (the later stored first on a tie). */
export async function findBaskets(
  db: Executor,
  filter: BasketFilter,
  page: { readonly limit: number; readonly offset: number },
): Promise<BasketRow[]> {
  return db
    .selectFrom('baskets')
    .selectAll()
    .where(matching(filter))
    .orderBy('sold_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** What a receipt shows besides the basket row, for several baskets at once. */
export interface BasketDetails {
  readonly memberNumbers: ReadonlyMap<number, string>;
  readonly items: ReadonlyMap<number, readonly BasketItemRow[]>;
  readonly redeemed: ReadonlyMap<number, readonly VoucherRow[]>;
  /** The vouchers each basket issued (remainders, return vouchers). */
  readonly created: ReadonlyMap<number, readonly VoucherRow[]>;
  /** Each line's part of each voucher's discount, as stored at the sale (returns give these back). */
  readonly shares: ReadonlyMap<number, readonly LineShareRow[]>;
}

export interface LineShareRow {
  readonly basket_id: number;
  readonly line_id: string;
  readonly voucher_key: string;
  readonly code: string | null;
  readonly discount: number;
}

export async function basketDetails(
  db: Executor,
  baskets: readonly BasketRow[],
): Promise<BasketDetails> {
  if (baskets.length === 0)
    return {
      memberNumbers: new Map(),
      items: new Map(),
      redeemed: new Map(),
      created: new Map(),
      shares: new Map(),
    };
  const ids = baskets.map((basket) => basket.id);
  const items = await db
    .selectFrom('basket_items')
    .selectAll()
    .where('basket_id', 'in', ids)
    .orderBy('basket_id')
    .orderBy('position')
    .orderBy('line_id')
    .execute();
  return {
    memberNumbers: await memberNumbersOf(db, baskets),
    items: groupBy(items, (item) => item.basket_id),
    redeemed: groupBy(await redeemedBy(db, ids), (row) => row.redeemed_basket_id),
    created: await createdBy(db, baskets),
    shares: groupBy(await sharesOf(db, ids), (row) => row.basket_id),
  };
}

async function sharesOf(db: Executor, basketIds: readonly number[]): Promise<LineShareRow[]> {
  return db
    .selectFrom('basket_item_vouchers')
    .innerJoin('vouchers', 'vouchers.id', 'basket_item_vouchers.voucher_id')
    .select([
      'basket_item_vouchers.basket_id',
      'basket_item_vouchers.line_id',
      'vouchers.voucher_key',
      'vouchers.code',
      'basket_item_vouchers.discount',
    ])
    .where('basket_item_vouchers.basket_id', 'in', basketIds)
    .orderBy('basket_item_vouchers.basket_id')
    .orderBy('basket_item_vouchers.voucher_id')
    .execute();
}

async function memberNumbersOf(
  db: Executor,
  baskets: readonly BasketRow[],
): Promise<Map<number, string>> {
  const ids = baskets.flatMap((basket) => (basket.member_id === null ? [] : [basket.member_id]));
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('members')
    .select(['id', 'member_number'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.member_number]));
}

async function redeemedBy(db: Executor, basketIds: readonly number[]): Promise<VoucherRow[]> {
  const rows = await db
    .selectFrom('vouchers')
    .select('id')
    .where('redeemed_basket_id', 'in', basketIds)
    .orderBy('id')
    .execute();
  return vouchersByIds(
    db,
    rows.map((row) => row.id),
  );
}

/** A stored basket's issued vouchers are those whose creation its code is audited with. */
export async function createdBy(
  db: Executor,
  baskets: readonly BasketRow[],
): Promise<BasketDetails['created']> {
  const first = baskets[0];
  if (first === undefined) return new Map();
  const basketOfCode = new Map(baskets.map((basket) => [basket.retailer_basket_code, basket.id]));
  const lines = await db
    .selectFrom('audit_log')
    .select(['voucher_id', 'basket_code'])
    .where('chain_id', '=', first.chain_id)
    .where('action', '=', 'create')
    .where('basket_code', 'in', [...basketOfCode.keys()])
    .where('voucher_id', 'is not', null)
    .orderBy('id')
    .execute();
  const issued = await vouchersByIds(
    db,
    lines.flatMap((line) => (line.voucher_id === null ? [] : [line.voucher_id])),
  );
  const byId = new Map(issued.map((row) => [row.id, row]));
  const created = new Map<number, VoucherRow[]>();
  for (const line of lines) {
    const row = line.voucher_id === null ? undefined : byId.get(line.voucher_id);
    const basketId = line.basket_code === null ? undefined : basketOfCode.get(line.basket_code);
    if (row === undefined || basketId === undefined) continue;
    created.set(basketId, [...(created.get(basketId) ?? []), row]);
  }
  return created;
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => number | null): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}
