import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../../test-support/engine/harness';
import { connect } from './connect';
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
    '57014',
    '08006',
    'ECONNREFUSED',
  ])('counts %s as storage that is unavailable', (code) => {
    expect(storageFault(coded(code))).toEqual({ code, message: 'failed' });
  });

  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', '23505', '22P02', '42P01'])(
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

const postgres = DATABASES.find((database) => database.name === 'postgres');
if (!postgres)
  describe.skip('storageFault on PostgreSQL', () => {
    it('skipped: TEST_DATABASE_URL is not set, so there is no PostgreSQL to time out', () =>
      undefined);
  });
else
  describe('storageFault on PostgreSQL', () => {
    it('counts a statement the statement timeout cancelled (57014)', async () => {
      const created = await postgres.create();
      const db = connect(created.options.databaseUrl, {
        ...(created.options.schema === undefined ? {} : { schema: created.options.schema }),
        postgres: { statementTimeoutMs: 100 },
      });
      try {
        const failure: unknown = await sql`select pg_sleep(2)`.execute(db.kysely).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(storageFault(failure)).toMatchObject({ code: '57014' });
      } finally {
        await db.close();
        await created.drop();
      }
    });
  });
