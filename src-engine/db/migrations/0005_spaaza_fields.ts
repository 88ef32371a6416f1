import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

/**
 * What Spaaza clients send and expect back that the first schema had no place for: the other
 * ways of naming a member, a voucher's third-party id and display texts, a campaign's type, the
 * chain's settings for third-party ids and child vouchers, and what a stored basket says about
 * its sale (when, by whom, paid how, taxed how, charged what) and a claim made after it.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const instant = dialect === 'postgres' ? 'bigint' : 'integer';
  const add = async (table: string, column: string, type: 'text' | 'integer' | 'instant') => {
    await db.schema
      .alterTable(table)
      .addColumn(column, type === 'instant' ? sql.raw(instant) : type)
      .execute();
  };

  await add('members', 'username', 'text');
  await add('members', 'authentication_point_identifier', 'text');
  await db.schema
    .createIndex('members_chain_username')
    .unique()
    .on('members')
    .columns(['chain_id', 'username'])
    .execute();
  await db.schema
    .createIndex('members_chain_auth_point')
    .unique()
    .on('members')
    .columns(['chain_id', 'authentication_point_identifier'])
    .execute();

  await add('vouchers', 'third_party_id', 'text');
  await add('vouchers', 'voucher_text', 'text');
  await add('vouchers', 'description', 'text');
  await add('vouchers', 'notes', 'text');
  await add('vouchers', 'image_url', 'text');
  await db.schema
    .createIndex('vouchers_chain_third_party')
    .unique()
    .on('vouchers')
    .columns(['chain_id', 'third_party_id'])
    .execute();
  await db.schema
    .createIndex('vouchers_parent')
    .on('vouchers')
    .columns(['parent_voucher_id'])
    .execute();

  await db.schema
    .alterTable('campaigns')
    .addColumn('campaign_type', 'text', (col) => col.notNull().defaultTo('loyalty'))
    .execute();

  await db.schema
    .alterTable('chains')
    .addColumn('uses_third_party_voucher_id', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('chains')
    .addColumn('child_voucher_min_days', 'integer', (col) => col.notNull().defaultTo(30))
    .execute();

  await add('baskets', 'sold_at', 'instant');
  await sql`update baskets set sold_at = created_at`.execute(db);
  await add('baskets', 'timezone', 'text');
  await add('baskets', 'platform_type', 'text');
  await add('baskets', 'employee_code', 'text');
  await add('baskets', 'employee_name', 'text');
  await add('baskets', 'payment_methods_json', 'text');
  await add('baskets', 'tax_json', 'text');
  await add('baskets', 'notes', 'text');
  await add('baskets', 'total_charged', 'instant');
  await add('baskets', 'claimed_at', 'instant');
  await db.schema
    .createIndex('baskets_chain_sold_at')
    .on('baskets')
    .columns(['chain_id', 'sold_at'])
    .execute();

  await add('basket_items', 'charged_unit_price', 'instant');
}
