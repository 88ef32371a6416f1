import type { ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely';
import type { Voucher } from '../../src-shared/vouchers';
import type { CampaignTable, Database, VoucherTable } from '../db/schema';

/** A stored voucher with its owner's number: all the domain voucher is made of. */
export type OwnedVoucherRow = Selectable<VoucherTable> & { member_number: string | null };

/**
 * A voucher with its owner's number, what its campaign says about it (its type, showing its
 * code) and the key of the voucher it was issued from.
 */
export type VoucherRow = OwnedVoucherRow & {
  /** Null for a Spaaza-side campaign; a reward's code type otherwise. */
  code_type: Selectable<CampaignTable>['code_type'];
  hide_code: number;
  campaign_type: string;
  /** The parent's `voucher_key` (a remainder's, a return's), else null. */
  parent_voucher_key: string | null;
};

/** The parent's key, as a subquery: a join would make the guards' bare column names ambiguous. */
const parentVoucherKey = (eb: ExpressionBuilder<Database, 'vouchers'>) =>
  eb
    .selectFrom('vouchers as parents')
    .select('parents.voucher_key')
    .whereRef('parents.id', '=', 'vouchers.parent_voucher_id')
    .as('parent_voucher_key');

/** What a VoucherRow takes beside `vouchers.*`: from `members`, `campaigns` and its parent. */
export const VOUCHER_ROW_JOINED_COLUMNS = [
  'members.member_number',
  'campaigns.code_type',
  'campaigns.hide_code',
  'campaigns.campaign_type',
  parentVoucherKey,
] as const;
export type Executor = Kysely<Database> | Transaction<Database>;

/** Row → domain voucher, the one place the two shapes meet. */
export function toDomainVoucher(row: OwnedVoucherRow): Voucher {
  const common = {
    key: row.voucher_key,
    code: row.code,
    campaignId: row.campaign_id,
    exclusive: row.exclusive === 1,
    ownerMemberNumber: row.member_number,
    createdAt: row.created_at,
    claimedAt: row.claimed_at,
    validatedAt: row.validated_at,
    burnedAt: row.burned_at,
    expiresAt: row.expires_at,
    deletedAt: row.deleted_at,
    lock:
      row.lock_until === null
        ? null
        : { until: row.lock_until, basketCode: row.lock_basket_code, lockingCode: row.lock_code },
  };
  switch (row.voucher_type) {
    case 'basket':
      return { ...common, type: 'basket', amount: row.amount ?? 0, currency: row.currency };
    case 'basket_pct':
      return { ...common, type: 'basket_pct', ratio: (row.ratio_ppm ?? 0) / 1_000_000 };
    case 'honour':
      return { ...common, type: 'honour', honourCode: row.honour_code ?? '' };
  }
}

function selectVouchers(db: Executor) {
  return db
    .selectFrom('vouchers')
    .innerJoin('campaigns', 'campaigns.id', 'vouchers.campaign_id')
    .leftJoin('members', 'members.id', 'vouchers.member_id')
    .selectAll('vouchers')
    .select(VOUCHER_ROW_JOINED_COLUMNS);
}

/**
 * The present voucher named by key, id and/or third-party id (every one given must match), or
 * else by its own code.
 */
export async function findVoucher(
  db: Executor,
  chainId: number,
  by: {
    key?: string | undefined;
    id?: number | undefined;
    thirdPartyId?: string | undefined;
    code?: string | undefined;
  },
): Promise<VoucherRow | undefined> {
  let query = selectVouchers(db)
    .where('vouchers.chain_id', '=', chainId)
    .where('vouchers.deleted_at', 'is', null);
  const named = by.key !== undefined || by.id !== undefined || by.thirdPartyId !== undefined;
  if (by.key !== undefined) query = query.where('vouchers.voucher_key', '=', by.key.toLowerCase());
  if (by.id !== undefined) query = query.where('vouchers.id', '=', by.id);
  if (by.thirdPartyId !== undefined)
    query = query.where('vouchers.third_party_id', '=', by.thirdPartyId);
  if (!named) {
    if (by.code === undefined) return undefined;
    query = query.where('vouchers.code', '=', by.code);
  }
  return query.executeTakeFirst();
}

/** Up to `limit` present vouchers sharing a code (a STATIC reward's, a pool code), oldest first. */
export async function vouchersSharingCode(
  db: Executor,
  chainId: number,
  code: string,
  limit: number,
): Promise<VoucherRow[]> {
  return selectVouchers(db)
    .where('vouchers.chain_id', '=', chainId)
    .where('vouchers.shared_code', '=', code)
    .where('vouchers.deleted_at', 'is', null)
    .orderBy('vouchers.id')
    .limit(limit)
    .execute();
}

/** A member's claimed, unused, present vouchers: what get-basket-price applies unasked. */
export async function claimedVouchersOf(db: Executor, memberId: number): Promise<VoucherRow[]> {
  return selectVouchers(db)
    .where('vouchers.member_id', '=', memberId)
    .where('vouchers.claimed_at', 'is not', null)
    .where('vouchers.burned_at', 'is', null)
    .where('vouchers.deleted_at', 'is', null)
    .execute();
}

export async function vouchersByIds(db: Executor, ids: readonly number[]): Promise<VoucherRow[]> {
  if (ids.length === 0) return [];
  return selectVouchers(db).where('vouchers.id', 'in', ids).execute();
}

/**
 * Up to `limit` honour vouchers of the chain changed after `cursor`, in rev order, and
 * whether more follow. Deleted ones are included: the till must drop them from its cache.
 */
export async function honourChangesAfter(
  db: Executor,
  chainId: number,
  cursor: number,
  limit: number,
): Promise<{ rows: VoucherRow[]; hasMore: boolean }> {
  const rows = await selectVouchers(db)
    .where('vouchers.chain_id', '=', chainId)
    .where('vouchers.voucher_type', '=', 'honour')
    .where('vouchers.rev', '>', cursor)
    .orderBy('vouchers.rev')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** The next position in the chain's honour-voucher feed. The row lock it takes orders the feed by commit. */
export async function nextHonourRev(db: Executor, chainId: number): Promise<number> {
  const row = await db
    .updateTable('chains')
    .set((eb) => ({ honour_rev: eb('honour_rev', '+', 1) }))
    .where('id', '=', chainId)
    .returning('honour_rev')
    .executeTakeFirstOrThrow();
  return row.honour_rev;
}

/** Stamps an honour voucher's change into the feed; other vouchers are left alone. */
export async function touchHonourRev(
  db: Executor,
  row: Pick<VoucherRow, 'id' | 'chain_id' | 'voucher_type'>,
): Promise<void> {
  if (row.voucher_type !== 'honour') return;
  const rev = await nextHonourRev(db, row.chain_id);
  await db.updateTable('vouchers').set({ rev }).where('id', '=', row.id).execute();
}

/** A voucher the caller knows exists (it was just written in this transaction). */
export async function voucherById(db: Executor, id: number): Promise<VoucherRow> {
  const [row] = await vouchersByIds(db, [id]);
  if (!row) throw new Error(`voucher ${id} vanished inside its own transaction`);
  return row;
}
