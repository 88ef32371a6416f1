import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

/**
 * The store's sync conflicts (docs/spaaza-wire.md, "Our additions"): what a till's sync found
 * about a sale it had queued offline, kept once per basket and voucher whichever till reports
 * it, with the manager's acknowledgement.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';
  const instant = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('sync_conflicts')
    .addColumn('id', sql.raw(id), (col) =>
      dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('store_code', 'text', (col) => col.notNull())
    .addColumn('terminal_id', 'text', (col) => col.notNull())
    .addColumn('basket_code', 'text', (col) => col.notNull())
    // the voucher's code, or '' for a conflict about the sale itself: one conflict per basket and voucher
    .addColumn('voucher_slot', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('winner_basket_code', 'text')
    .addColumn('winner_store_code', 'text')
    .addColumn('winner_terminal_id', 'text')
    .addColumn('reported_by', 'text', (col) => col.notNull())
    .addColumn('occurred_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('recorded_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('acknowledged_at', sql.raw(instant))
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledgement_note', 'text')
    .execute();
  await db.schema
    .createIndex('sync_conflicts_once')
    .unique()
    .on('sync_conflicts')
    .columns(['chain_id', 'basket_code', 'voucher_slot'])
    .execute();
  await db.schema
    .createIndex('sync_conflicts_of_store')
    .on('sync_conflicts')
    .columns(['chain_id', 'store_code', 'recorded_at'])
    .execute();
}
