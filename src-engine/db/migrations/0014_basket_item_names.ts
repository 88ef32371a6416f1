import type { Kysely } from 'kysely';

/**
 * What the till said each stored line is (`item_barcode`, `item_name`), so that a return at
 * another till of the store names the items it gives back. Lines stored before keep none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('basket_items').addColumn('barcode', 'text').execute();
  await db.schema.alterTable('basket_items').addColumn('name', 'text').execute();
}
