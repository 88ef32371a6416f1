import { afterEach } from 'vitest';
import { connect, type Db } from '../../src-engine/db/connect';
import { DATABASES } from './harness';

/**
 * For a suite of unit tests on the database layer: returns `fresh`, which connects to a new,
 * empty SQLite file (not migrated); each test's database is closed and removed after it.
 * Call it inside the `describe`.
 */
export function useFreshSqlite(): () => Promise<Db> {
  const sqlite = DATABASES.find((database) => database.name === 'sqlite');
  if (!sqlite) throw new Error('the SQLite test database is always present');
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return async () => {
    const created = await sqlite.create();
    const db = connect(created.options.databaseUrl);
    cleanups.push(async () => {
      await db.close();
      await created.drop();
    });
    return db;
  };
}
