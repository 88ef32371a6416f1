import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect';
import * as m0001 from './migrations/0001_initial';
import * as m0002 from './migrations/0002_rewards';

/** Numbered migrations, in order; each runs once on SQLite and PostgreSQL alike. */
const MIGRATIONS = { '0001_initial': m0001, '0002_rewards': m0002 };

class InCodeProvider implements MigrationProvider {
  constructor(private readonly db: Db) {}

  getMigrations(): Promise<Record<string, Migration>> {
    const { dialect } = this.db;
    return Promise.resolve(
      Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, migration]) => [
          name,
          { up: (kysely) => migration.up(kysely, dialect) },
        ]),
      ),
    );
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: new InCodeProvider(db),
    // Kysely counts its bookkeeping tables in any schema as present unless told which one is
    // ours: a database holding other schemas (other stores, parallel test runs) would skip ours.
    ...(db.schema === undefined ? {} : { migrationTableSchema: db.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error instanceof Error) throw error;
  if (error) throw new Error('a migration failed', { cause: error });
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
