import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

/**
 * API keys with a role no higher than their creator's, an expiry and who created them. Keys made
 * before this were all privileged, so they stay so.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const instant = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .alterTable('api_keys')
    .addColumn('role', 'text', (col) => col.notNull().defaultTo('privileged'))
    .execute();
  await db.schema.alterTable('api_keys').addColumn('expires_at', sql.raw(instant)).execute();
  await db.schema.alterTable('api_keys').addColumn('created_by', 'text').execute();
}
