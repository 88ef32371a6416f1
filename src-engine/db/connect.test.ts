import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useFreshSqlite } from '../../test-support/engine/fresh-sqlite';
import { connect } from './connect';
import { storageFault } from './errors';
import { migrateToLatest } from './migrate';
import { inTransaction } from './transaction';

describe('SQLite: a transaction the database ended by itself', () => {
  const fresh = useFreshSqlite();

  it('fails with its cause (SQLITE_FULL), not with the rollback that found nothing to roll back', async () => {
    const db = await fresh();
    await migrateToLatest(db);
    await sql`create table filler (text text not null)`.execute(db.kysely);
    // a database that may not grow is full to SQLite, which then ends the transaction itself
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(db.kysely);
    await sql
      .raw(`pragma max_page_count = ${(pages.rows[0]?.page_count ?? 0) + 2}`)
      .execute(db.kysely);
    const failure = await inTransaction(db.kysely, async (trx) => {
      for (let n = 0; n < 100; n += 1)
        await sql`insert into filler (text) values (${'x'.repeat(3000)})`.execute(trx);
      return { ok: true, value: null } as const;
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeDefined();
    expect(storageFault(failure)).toMatchObject({ code: 'SQLITE_FULL' });

    // the connection is usable again once the database may grow
    await sql`pragma max_page_count = 1073741823`.execute(db.kysely);
    const outcome = await inTransaction(db.kysely, async (trx) => {
      await trx.insertInto('readiness_probe').values({ id: 1, probed_at: 1 }).execute();
      return { ok: true, value: 'stored' } as const;
    });
    expect(outcome).toEqual({ ok: true, value: 'stored' });
  });
});

describe('SQLite: the in-memory database', () => {
  it('is named :memory: and leaves no file of that name in the working folder', async () => {
    const db = connect(':memory:');
    try {
      await migrateToLatest(db);
      expect(db.location).toBe(':memory:');
      expect(existsSync(resolve(':memory:'))).toBe(false);
    } finally {
      await db.close();
    }
  });
});
