import type { Db } from './connect';
import { storageFault } from './errors';
import { migrationState } from './migrate';

export type UnreadyReason =
  'database_unreachable' | 'database_not_writable' | 'migrations_pending' | 'migrations_unknown';

export type Readiness =
  | { readonly ready: true }
  | {
      readonly ready: false;
      readonly reason: UnreadyReason;
      /** The storage fault's driver code (SQLITE_FULL, 25006, ECONNREFUSED…), when there was one. */
      readonly code?: string;
      /** The migrations that differ, for the two migration reasons. */
      readonly migrations?: readonly string[];
    };

/**
 * Whether the engine can do its work now: the database answers, holds exactly this release's
 * migrations, and commits a write (one row, rewritten each time). Only a committed write tells
 * a full disk, a read-only file or a read-only server from a healthy one.
 */
export async function checkReadiness(db: Db, now: () => number): Promise<Readiness> {
  let migrations;
  try {
    migrations = await migrationState(db);
  } catch (error) {
    return unready('database_unreachable', error);
  }
  if (migrations.pending.length > 0)
    return { ready: false, reason: 'migrations_pending', migrations: migrations.pending };
  if (migrations.unknown.length > 0)
    return { ready: false, reason: 'migrations_unknown', migrations: migrations.unknown };
  try {
    const probedAt = now();
    await db.kysely
      .insertInto('readiness_probe')
      .values({ id: 1, probed_at: probedAt })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ probed_at: probedAt }))
      .execute();
  } catch (error) {
    return unready('database_not_writable', error);
  }
  return { ready: true };
}

function unready(reason: UnreadyReason, error: unknown): Readiness {
  const code = storageFault(error)?.code;
  return { ready: false, reason, ...(code === undefined ? {} : { code }) };
}
