import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

/**
 * Terminal and manager accounts belong to a store; a voucher lock remembers the store that took
 * it; an account counts its failed logins and may be locked out for a while. Where a chain has
 * one store, its terminal and manager accounts are put in it; elsewhere they keep reaching the
 * whole chain until an admin gives them a store.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const instant = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .alterTable('accounts')
    .addColumn('store_id', 'integer', (col) => col.references('stores.id'))
    .execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('failed_logins', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('accounts').addColumn('locked_until', sql.raw(instant)).execute();
  await db.schema.alterTable('vouchers').addColumn('lock_store_code', 'text').execute();
  await sql`
    update accounts set store_id = (select min(s.id) from stores s where s.chain_id = accounts.chain_id)
    where role in ('terminal', 'manager')
      and (select count(*) from stores s where s.chain_id = accounts.chain_id) = 1
  `.execute(db);
}
