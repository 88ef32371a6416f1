import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

/**
 * The vouchers a manager freed from a basket still open on a till (docs/spaaza-wire.md,
 * "Vouchers a manager freed"): pricing that basket again leaves them off, so the till's next
 * pricing cannot take the lock back, until a pricing of it no longer names them.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const instant = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('freed_basket_vouchers')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('basket_code', 'text', (col) => col.notNull())
    .addColumn('voucher_id', 'integer', (col) => col.notNull().references('vouchers.id'))
    .addColumn('freed_at', sql.raw(instant), (col) => col.notNull())
    .addPrimaryKeyConstraint('freed_basket_vouchers_pk', ['chain_id', 'basket_code', 'voucher_id'])
    .execute();
}
