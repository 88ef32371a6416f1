import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, schemaVersion } from './migrate';
import { openStore } from './open-store';
import { openTempStore, tableNames, type TempStore } from '../../test-support/till/temp-store';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

describe('the local store', () => {
  it('migrates a new database to the latest version, WAL, synchronous=FULL, foreign keys on', () => {
    store = openTempStore();
    const { db } = store;
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableNames(db)).toEqual([
      'audit',
      'basket_code_sequence',
      'catalogue',
      'conflicts',
      'honour_cache',
      'locks_to_release',
      'outbox',
      'sale_returns',
      'sale_tenders',
      'sales',
      'sync_state',
    ]);
  });

  it('makes every table STRICT', () => {
    store = openTempStore();
    const rows: unknown[] = store.db
      .prepare(
        `SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 0 AND name NOT LIKE 'sqlite_%'`,
      )
      .pluck()
      .all();
    expect(rows).toEqual([]);
  });

  it('opens an up-to-date database again without migrating', () => {
    store = openTempStore();
    store.db.close();
    const again = openStore(store.path);
    if (!again.ok) throw new Error(again.error.message);
    expect(schemaVersion(again.value)).toBe(latestVersion());
    again.value.close();
  });

  it('refuses a database written by a newer till', () => {
    store = openTempStore();
    store.db.pragma(`user_version = ${latestVersion() + 1}`);
    store.db.close();
    const opened = openStore(store.path);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.code).toBe('database_too_new');
    expect(opened.error.message).toContain(
      `is at schema version ${latestVersion() + 1}, but this till knows versions up to ${latestVersion()}`,
    );
    const untouched = new SQLite(store.path);
    expect(schemaVersion(untouched)).toBe(latestVersion() + 1);
    untouched.close();
  });
});
