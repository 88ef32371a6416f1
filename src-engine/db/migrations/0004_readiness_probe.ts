import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

/**
 * One row that /readyz writes (routes/health.ts): a write that commits is the only proof that
 * the database takes writes now, on a full disk, a read-only file or a read-only server alike.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const instant = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('readiness_probe')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('probed_at', sql.raw(instant), (col) => col.notNull())
    .execute();
}
