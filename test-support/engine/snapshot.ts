import { sql, type Kysely } from 'kysely';
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

const EVERY_TABLE: readonly (keyof Database)[] = [
  'chains',
  'stores',
  'accounts',
  'sessions',
  'api_keys',
  'members',
  'campaigns',
  'vouchers',
  'baskets',
  'basket_items',
  'basket_item_vouchers',
  'audit_log',
  'reward_pool_codes',
  'events',
  'webhooks',
  'webhook_deliveries',
  'webhook_attempts',
  'freed_basket_vouchers',
];

/** Every row of every table, each table's rows in one order: equal snapshots, equal databases. */
export async function everyRow(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of EVERY_TABLE) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      db,
    );
    tables[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return tables;
}

/** The baskets the engine holds under `basketCode` (a sale stored once has one). */
export function storedBaskets(db: Kysely<Database>, basketCode: string): Promise<{ id: number }[]> {
  return db
    .selectFrom('baskets')
    .select('id')
    .where('retailer_basket_code', '=', basketCode)
    .execute();
}

/** The basket stored under `basketCode`, every column, with its lines in line order. */
export async function storedBasketRow(db: Kysely<Database>, basketCode: string) {
  const basket = await db
    .selectFrom('baskets')
    .selectAll()
    .where('retailer_basket_code', '=', basketCode)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('basket_items')
    .selectAll()
    .where('basket_id', '=', basket.id)
    .orderBy('line_id')
    .execute();
  return { basket, items };
}
