import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

/**
 * Each chain's Ed25519 keys that sign its honour-voucher feed (docs/security.md, "Signed
 * honour-voucher feed"): at most one active (not retired) key per chain.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';
  const instant = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('feed_signing_keys')
    .addColumn('id', sql.raw(id), (col) =>
      dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('chain_id', 'integer', (col) => col.notNull().references('chains.id'))
    .addColumn('key_id', 'text', (col) => col.notNull().unique())
    .addColumn('public_key', 'text', (col) => col.notNull())
    .addColumn('private_key', 'text', (col) => col.notNull())
    .addColumn('created_at', sql.raw(instant), (col) => col.notNull())
    .addColumn('retired_at', sql.raw(instant))
    .execute();
  await db.schema
    .createIndex('feed_signing_keys_active')
    .unique()
    .on('feed_signing_keys')
    .columns(['chain_id'])
    .where(sql.ref('retired_at'), 'is', null)
    .execute();
}
