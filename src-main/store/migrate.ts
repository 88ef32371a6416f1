import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { err, ok, type Result } from '../../src-shared/result';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrationReport {
  readonly from: number;
  readonly to: number;
}

export interface StoreVersionError {
  readonly code: 'database_too_new';
  readonly message: string;
}

const userVersionRows = z.array(z.object({ user_version: z.number().int() })).length(1);

export function schemaVersion(db: Database): number {
  const [row] = userVersionRows.parse(db.pragma('user_version'));
  return row?.user_version ?? 0;
}

/**
 * Brings the database to `target` (default: the latest), one numbered migration per
 * transaction, `user_version` written in the same transaction so a crash leaves it at a
 * whole version. A database newer than this code is refused: a downgraded till must not
 * write into a schema it does not know.
 */
export function migrate(
  db: Database,
  target: number = latestVersion(),
  migrations: readonly Migration[] = MIGRATIONS,
): Result<MigrationReport, StoreVersionError> {
  assertNumberedInOrder(migrations);
  const from = schemaVersion(db);
  const known = migrations.length;
  if (from > known) {
    return err({
      code: 'database_too_new',
      message:
        `the local database ${db.name} is at schema version ${from}, but this till knows versions ` +
        `up to ${known}: it was written by a newer till. Install that version again, or move the file away to start afresh.`,
    });
  }
  for (const migration of migrations.slice(from, target)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return ok({ from, to: Math.max(from, Math.min(target, known)) });
}

export function latestVersion(): number {
  return MIGRATIONS.length;
}

function assertNumberedInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}
