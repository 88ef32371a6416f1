import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

/** The first schema: chains, stores, accounts, sessions, keys, members, campaigns, vouchers, baskets, audit. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';
  const instant = dialect === 'postgres' ? 'bigint' : 'integer';
  const withId = <T extends string>(table: T) =>
    db.schema
      .createTable(table)
      .addColumn('id', sql.raw(id), (col) =>
        dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
      );

  await withId('chains')
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('timezone', 'text', (col) => col.notNull())
    .addColumn('honour_rev', sql.raw(instant), (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .execute();

  await withId('stores')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addUniqueConstraint('stores_chain_code', ['chain_id', 'code'])
    .execute();

  await withId('accounts')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) =>
      col.notNull().check(sql`role in ('terminal', 'manager', 'admin')`),
    )
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('disabled_at', sql.raw(instant))
    .execute();

  await withId('sessions')
    .addColumn('account_id', 'integer', (col) => col.notNull().references('accounts.id'))
    .addColumn('key_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('expires_at', sql.raw(instant), (col) => col.notNull())
    .execute();

  await withId('api_keys')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('lookup', 'text', (col) => col.notNull())
    .addColumn('key_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('revoked_at', sql.raw(instant))
    .execute();

  await db.schema.createIndex('api_keys_lookup').on('api_keys').columns(['lookup']).execute();

  await withId('members')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('member_number', 'text', (col) => col.notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .addUniqueConstraint('members_chain_number', ['chain_id', 'member_number'])
    .execute();

  await withId('campaigns')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('voucher_type', 'text', (col) =>
      col.notNull().check(sql`voucher_type in ('basket', 'basket_pct', 'honour')`),
    )
    .addColumn('amount', sql.raw(instant))
    .addColumn('ratio_ppm', 'integer')
    .addColumn('honour_code', 'text')
    .addColumn('lock_period_seconds', 'integer', (col) => col.notNull().defaultTo(300))
    .addColumn('expiry_seconds', 'integer')
    .addColumn('exclusive', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .execute();

  await withId('vouchers')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('voucher_key', 'text', (col) => col.notNull().unique())
    .addColumn('code', 'text')
    .addColumn('campaign_id', 'integer', (col) => col.notNull().references('campaigns.id'))
    .addColumn('member_id', 'integer', (col) => col.references('members.id'))
    .addColumn('voucher_type', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('amount_original', sql.raw(instant))
    .addColumn('amount', sql.raw(instant))
    .addColumn('amount_redeemed', sql.raw(instant))
    .addColumn('ratio_ppm', 'integer')
    .addColumn('honour_code', 'text')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('exclusive', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('lock_period_seconds', 'integer', (col) => col.notNull().defaultTo(300))
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('claimed_at', sql.raw(instant))
    .addColumn('validated_at', sql.raw(instant))
    .addColumn('burned_at', sql.raw(instant))
    .addColumn('expires_at', sql.raw(instant))
    .addColumn('deleted_at', sql.raw(instant))
    .addColumn('lock_until', sql.raw(instant))
    .addColumn('lock_basket_code', 'text')
    .addColumn('lock_code', 'text')
    .addColumn('parent_voucher_id', 'integer', (col) => col.references('vouchers.id'))
    .addColumn('redeemed_basket_id', 'integer')
    .addColumn('rev', sql.raw(instant))
    .addUniqueConstraint('vouchers_chain_code', ['chain_id', 'code'])
    .execute();
  await db.schema.createIndex('vouchers_member').on('vouchers').columns(['member_id']).execute();
  await db.schema
    .createIndex('vouchers_lock_basket')
    .on('vouchers')
    .columns(['chain_id', 'lock_basket_code'])
    .execute();
  await db.schema
    .createIndex('vouchers_chain_rev')
    .on('vouchers')
    .columns(['chain_id', 'rev'])
    .execute();

  await withId('baskets')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('retailer_basket_code', 'text', (col) => col.notNull())
    .addColumn('member_id', 'integer', (col) => col.references('members.id'))
    .addColumn('store_code', 'text')
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('results_json', 'text', (col) => col.notNull())
    .addColumn('total_gross', sql.raw(instant), (col) => col.notNull())
    .addColumn('total_discount', sql.raw(instant), (col) => col.notNull())
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .addUniqueConstraint('baskets_chain_code', ['chain_id', 'retailer_basket_code'])
    .execute();

  await db.schema
    .createTable('basket_items')
    .addColumn('basket_id', 'integer', (col) => col.notNull().references('baskets.id'))
    .addColumn('line_id', 'text', (col) => col.notNull())
    .addColumn('quantity', 'text', (col) => col.notNull())
    .addColumn('unit_price', sql.raw(instant), (col) => col.notNull())
    .addColumn('gross', sql.raw(instant), (col) => col.notNull())
    .addColumn('discount', sql.raw(instant), (col) => col.notNull())
    .addColumn('returned_quantity', 'text', (col) => col.notNull().defaultTo('0'))
    .addPrimaryKeyConstraint('basket_items_pk', ['basket_id', 'line_id'])
    .execute();

  await db.schema
    .createTable('basket_item_vouchers')
    .addColumn('basket_id', 'integer', (col) => col.notNull())
    .addColumn('line_id', 'text', (col) => col.notNull())
    .addColumn('voucher_id', 'integer', (col) => col.notNull().references('vouchers.id'))
    .addColumn('discount', sql.raw(instant), (col) => col.notNull())
    .addPrimaryKeyConstraint('basket_item_vouchers_pk', ['basket_id', 'line_id', 'voucher_id'])
    .execute();

  await withId('audit_log')
    .addColumn('chain_id', 'integer', (col) => col.notNull())
    .addColumn('at', sql.raw(instant), (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('voucher_id', 'integer')
    .addColumn('basket_code', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('audit_chain_at')
    .on('audit_log')
    .columns(['chain_id', 'at'])
    .execute();
}
