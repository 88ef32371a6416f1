import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

/**
 * The reward side: public ids for rewards, benefits and codes; how a reward issues
 * codes (one-time, pool, static); the pool's codes; events and their webhook deliveries.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';
  const instant = dialect === 'postgres' ? 'bigint' : 'integer';
  const withId = <T extends string>(table: T) =>
    db.schema
      .createTable(table)
      .addColumn('id', sql.raw(id), (col) =>
        dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
      );

  await db.schema.alterTable('campaigns').addColumn('uuid', 'text').execute();
  await db.schema
    .alterTable('campaigns')
    .addColumn('code_type', 'text', (col) => col.check(sql`code_type in ('OTP', 'POOL', 'STATIC')`))
    .execute();
  await db.schema.alterTable('campaigns').addColumn('code_template', 'text').execute();
  await db.schema.alterTable('campaigns').addColumn('code_length', 'integer').execute();
  await db.schema.alterTable('campaigns').addColumn('static_code', 'text').execute();
  await db.schema
    .alterTable('campaigns')
    .addColumn('hide_code', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('campaigns').addColumn('pool_threshold', 'integer').execute();
  await db.schema
    .alterTable('campaigns')
    .addColumn('pool_low_notified', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  await db.schema.alterTable('vouchers').addColumn('uuid', 'text').execute();
  await db.schema.alterTable('vouchers').addColumn('code_uuid', 'text').execute();
  await db.schema.alterTable('vouchers').addColumn('shared_code', 'text').execute();

  await backfillUuids(db, 'campaigns');
  await backfillUuids(db, 'vouchers');
  await db.schema.createIndex('campaigns_uuid').unique().on('campaigns').column('uuid').execute();
  await db.schema.createIndex('vouchers_uuid').unique().on('vouchers').column('uuid').execute();
  await db.schema
    .createIndex('vouchers_shared_code')
    .on('vouchers')
    .columns(['chain_id', 'shared_code'])
    .execute();

  await withId('reward_pool_codes')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('campaign_id', 'integer', (col) => col.notNull().references('campaigns.id'))
    .addColumn('uuid', 'text', (col) => col.notNull().unique())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('uploaded_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('voucher_id', 'integer', (col) => col.references('vouchers.id'))
    .addColumn('taken_at', sql.raw(instant))
    .execute();
  // the chain-wide "is this code in use" check looks codes up by value in every kind
  await db.schema
    .createIndex('reward_pool_codes_value')
    .on('reward_pool_codes')
    .columns(['chain_id', 'value'])
    .execute();
  await db.schema
    .createIndex('campaigns_static_code')
    .on('campaigns')
    .columns(['chain_id', 'static_code'])
    .execute();
  await db.schema
    .createIndex('reward_pool_codes_next')
    .on('reward_pool_codes')
    .columns(['campaign_id', 'voucher_id', 'id'])
    .execute();

  await withId('events')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('uuid', 'text', (col) => col.notNull().unique())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('payload_json', 'text', (col) => col.notNull())
    .addColumn('voucher_id', 'integer')
    .addColumn('reported_at', sql.raw(instant), (col) => col.notNull())
    .execute();
  await db.schema.createIndex('events_chain_id').on('events').columns(['chain_id', 'id']).execute();
  // GET /events filters by type or by subject, newest or oldest first
  await db.schema
    .createIndex('events_chain_type')
    .on('events')
    .columns(['chain_id', 'type', 'id'])
    .execute();
  await db.schema
    .createIndex('events_chain_subject')
    .on('events')
    .columns(['chain_id', 'subject', 'id'])
    .execute();

  await withId('webhooks')
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('uuid', 'text', (col) => col.notNull().unique())
    .addColumn('url', 'text', (col) => col.notNull())
    /** Space-separated event types, or `*` for every type. */
    .addColumn('event_types', 'text', (col) => col.notNull())
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('disabled_at', sql.raw(instant))
    .execute();
  await db.schema.createIndex('webhooks_chain').on('webhooks').columns(['chain_id']).execute();

  await withId('webhook_deliveries')
    .addColumn('webhook_id', 'integer', (col) => col.notNull().references('webhooks.id'))
    .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id'))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('pending', 'delivered', 'failed')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('give_up_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('delivered_at', sql.raw(instant))
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .addUniqueConstraint('webhook_deliveries_once', ['webhook_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await withId('webhook_attempts')
    .addColumn('delivery_id', 'integer', (col) => col.notNull().references('webhook_deliveries.id'))
    .addColumn('at', sql.raw(instant), (col) => col.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_attempts_delivery')
    .on('webhook_attempts')
    .columns(['delivery_id'])
    .execute();
}

/** Rows made before this migration get their public ids now; new rows are given them on insert. */
async function backfillUuids(db: Kysely<unknown>, table: 'campaigns' | 'vouchers'): Promise<void> {
  const rows = await sql<{ id: number }>`select id from ${sql.table(table)}`.execute(db);
  for (const row of rows.rows) {
    const ids =
      table === 'vouchers'
        ? sql`uuid = ${randomUUID()}, code_uuid = ${randomUUID()}`
        : sql`uuid = ${randomUUID()}`;
    await sql`update ${sql.table(table)} set ${ids} where id = ${row.id}`.execute(db);
  }
}
