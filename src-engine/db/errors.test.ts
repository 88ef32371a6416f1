import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storageFault } from './errors';

const coded = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('storageFault', () => {
  it.each([
    'SQLITE_FULL',
    'SQLITE_READONLY',
    'SQLITE_READONLY_DBMOVED',
    'SQLITE_IOERR_WRITE',
    'SQLITE_CANTOPEN',
    'SQLITE_BUSY',
    '53100',
    '25006',
    '57P01',
    '57P03',
    '08006',
    'ECONNREFUSED',
  ])('counts %s as storage that is unavailable', (code) => {
    expect(storageFault(coded(code))).toEqual({ code, message: 'failed' });
  });

  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', '23505', '22P02', '57014', '42P01'])(
    'leaves %s to be a fault of the engine or a refusal',
    (code) => {
      expect(storageFault(coded(code))).toBeUndefined();
    },
  );

  it('finds node-postgres lost connections, which carry no code, and causes further down', () => {
    expect(storageFault(new Error('Connection terminated unexpectedly'))).toMatchObject({
      code: 'connection_lost',
    });
    expect(storageFault(new Error('Query read timeout'))).toMatchObject({
      code: 'connection_lost',
    });
    expect(
      storageFault(new Error('the write failed', { cause: coded('SQLITE_FULL') })),
    ).toMatchObject({ code: 'SQLITE_FULL' });
    expect(storageFault(new Error('no'))).toBeUndefined();
    expect(storageFault('SQLITE_FULL')).toBeUndefined();
  });

  it("knows better-sqlite3's own error for a database that takes no writes", () => {
    const db = new SQLite(':memory:');
    db.exec('create table t (x integer)');
    db.pragma('query_only = on');
    let thrown: unknown;
    try {
      db.exec('insert into t values (1)');
    } catch (error) {
      thrown = error;
    }
    db.close();
    expect(storageFault(thrown)).toMatchObject({ code: 'SQLITE_READONLY' });
  });
});
