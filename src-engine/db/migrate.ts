import {
  Migrator,
  sql,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import type { Db } from './connect';
import * as m0001 from './migrations/0001_initial';
import * as m0002 from './migrations/0002_rewards';
import * as m0003 from './migrations/0003_event_retention';
import * as m0004 from './migrations/0004_readiness_probe';
import * as m0005 from './migrations/0005_spaaza_fields';
import * as m0006 from './migrations/0006_basket_item_position';
import * as m0007 from './migrations/0007_keys_and_accounts';
import * as m0008 from './migrations/0008_stores_and_login_limits';
import * as m0010 from './migrations/0010_audit_chain';
import * as m0011 from './migrations/0011_feed_signing_keys';
import * as m0012 from './migrations/0012_sync_conflicts';
import * as m0013 from './migrations/0013_freed_basket_vouchers';
import * as m0014 from './migrations/0014_basket_item_names';

/** Numbered migrations, in order; each runs once on SQLite and PostgreSQL alike. */
const MIGRATIONS = {
  '0001_initial': m0001,
  '0002_rewards': m0002,
  '0003_event_retention': m0003,
  '0004_readiness_probe': m0004,
  '0005_spaaza_fields': m0005,
  '0006_basket_item_position': m0006,
  '0007_keys_and_accounts': m0007,
  '0008_stores_and_login_limits': m0008,
  '0010_audit_chain': m0010,
  '0011_feed_signing_keys': m0011,
  '0012_sync_conflicts': m0012,
  '0013_freed_basket_vouchers': m0013,
  '0014_basket_item_names': m0014,
};

class InCodeProvider implements MigrationProvider {
  constructor(private readonly db: Db) {}

  getMigrations(): Promise<Record<string, Migration>> {
    const { dialect } = this.db;
    return Promise.resolve(
      Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, migration]) => [
          name,
          {
            // Kysely runs PostgreSQL migrations in a transaction but not SQLite's, although
            // SQLite's DDL is transactional too: a migration that fails must leave nothing behind.
            up: (kysely: Kysely<unknown>) =>
              dialect === 'sqlite'
                ? kysely.transaction().execute((trx) => migration.up(trx, dialect))
                : migration.up(kysely, dialect),
          },
        ]),
      ),
    );
  }
}

function migratorFor(db: Db): Migrator {
  return new Migrator({
    db: db.kysely,
    provider: new InCodeProvider(db),
    // Kysely counts its bookkeeping tables in any schema as present unless told which one is
    // ours: a database holding other schemas (other stores, parallel test runs) would skip ours.
    ...(db.schema === undefined ? {} : { migrationTableSchema: db.schema }),
  });
}

export type MigrationName = keyof typeof MIGRATIONS;

/** Runs the migrations not yet applied; returns the names of those it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return namesOf(await migratorFor(db).migrateToLatest());
}

/** Migrates up to and including `target` (an older schema, as a database of an earlier release has). */
export async function migrateTo(db: Db, target: MigrationName): Promise<string[]> {
  return namesOf(await migratorFor(db).migrateTo(target));
}

/** How the database's applied migrations compare with this release's. */
export interface MigrationState {
  /** This release's migrations not applied yet. */
  readonly pending: readonly string[];
  /** Applied migrations this release does not know: the database belongs to a newer release. */
  readonly unknown: readonly string[];
}

/** Reads the migrations applied (Kysely's bookkeeping table) and compares them with this release's. */
export async function migrationState(db: Db): Promise<MigrationState> {
  const table = db.schema === undefined ? 'kysely_migration' : `${db.schema}.kysely_migration`;
  const applied = await db.kysely
    .selectFrom(sql.table(table).as('applied'))
    .select(sql<string>`name`.as('name'))
    .execute();
  const names = new Set(applied.map((row) => row.name));
  const known: readonly string[] = Object.keys(MIGRATIONS);
  return {
    pending: known.filter((name) => !names.has(name)),
    unknown: [...names].filter((name) => !known.includes(name)),
  };
}

function namesOf({ error, results }: MigrationResultSet): string[] {
  if (error instanceof Error) throw error;
  if (error) throw new Error('a migration failed', { cause: error });
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
