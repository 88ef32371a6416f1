import { dirname, join } from 'node:path';
import SQLite, { type Database } from 'better-sqlite3';
import { err, ok, type Result } from '../../src-shared/result';
import { ensureOwnerOnlyFile, makeOwnerOnlyDir, narrowToOwner } from '../owner-only';
import { migrate, type StoreVersionError } from './migrate';

export const DATABASE_FILE = 'till.sqlite';

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

export interface OpenStoreOptions {
  /** Stop at this schema version (tests of a migration); default: the latest. */
  readonly migrateTo?: number;
}

/**
 * The till's one connection. WAL with `synchronous=FULL`: a committed sale survives a power
 * cut, not only a crash of the process. The database is migrated before it is returned. Its
 * folder is created owner-only and its files are its owner's alone (SQLite gives the -wal and
 * -shm files the database file's mode).
 */
export function openStore(
  path: string,
  options: OpenStoreOptions = {},
): Result<Database, StoreVersionError> {
  if (path !== ':memory:') makePrivate(path);
  const db = new SQLite(path);
  try {
    configure(db, path);
    const migrated = migrate(db, options.migrateTo);
    if (!migrated.ok) {
      db.close();
      return err(migrated.error);
    }
    return ok(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function makePrivate(path: string): void {
  makeOwnerOnlyDir(dirname(path));
  ensureOwnerOnlyFile(path);
  for (const suffix of ['-wal', '-shm']) narrowToOwner(`${path}${suffix}`);
}

function configure(db: Database, path: string): void {
  const mode: unknown = db.pragma('journal_mode = WAL', { simple: true });
  if (path !== ':memory:' && mode !== 'wal') {
    throw new Error(
      `the local database ${path} could not switch to WAL (journal mode ${String(mode)})`,
    );
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}
