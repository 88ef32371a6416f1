import { sql, type Kysely } from 'kysely';

/**
 * A stored sale line's place in the basket as the till sent it: receipts list lines in that
 * order (a line id like `line_10` sorts before `line_2` as text). Lines stored before this have
 * no known order but the one receipts showed them in, by line id, so they are numbered in it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('basket_items').addColumn('position', 'integer').execute();
  await sql`
    update basket_items set position = (
      select count(*) from basket_items earlier
      where earlier.basket_id = basket_items.basket_id and earlier.line_id < basket_items.line_id
    )`.execute(db);
}
