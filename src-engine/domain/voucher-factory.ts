import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { VoucherTable } from '../db/schema';
import { nextHonourRev, type Executor } from '../repo/vouchers';

/** A new voucher_key: 64 hex characters of randomness. */
export function newVoucherKey(): string {
  return randomBytes(32).toString('hex');
}

export type NewVoucher = Omit<Insertable<VoucherTable>, 'voucher_key' | 'rev'> & {
  voucher_key?: string;
};

/** Inserts a voucher (an honour voucher enters the change feed) and returns its id and key. */
export async function insertVoucher(
  db: Executor,
  voucher: NewVoucher,
): Promise<{ id: number; key: string }> {
  const key = voucher.voucher_key ?? newVoucherKey();
  const rev = voucher.voucher_type === 'honour' ? await nextHonourRev(db, voucher.chain_id) : null;
  const row = await db
    .insertInto('vouchers')
    .values({ ...voucher, voucher_key: key, rev })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}
