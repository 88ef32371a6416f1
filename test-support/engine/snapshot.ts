import type { Kysely } from 'kysely';
import type { Database } from '../../src-engine/db/schema';

/** Everything a refused request must leave untouched. */
export async function snapshot(db: Kysely<Database>): Promise<unknown> {
  return {
    vouchers: await db.selectFrom('vouchers').selectAll().orderBy('id').execute(),
    baskets: await db.selectFrom('baskets').selectAll().orderBy('id').execute(),
    items: await db
      .selectFrom('basket_items')
      .selectAll()
      .orderBy('basket_id')
      .orderBy('line_id')
      .execute(),
    audit: await db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
    members: await db.selectFrom('members').selectAll().orderBy('id').execute(),
  };
}
