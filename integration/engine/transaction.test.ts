import { afterAll, beforeAll, expect, it } from 'vitest';
import { err, ok } from '../../src-shared/result';
import { describeEachDatabase, type TestDatabase } from '../../test-support/engine/harness';
import type { Executor } from '../../src-engine/repo/vouchers';
import { connect, type Db } from '../../src-engine/db/connect';
import { migrateToLatest } from '../../src-engine/db/migrate';
import { inTransaction } from '../../src-engine/db/transaction';

describeEachDatabase('a transaction commits only an ok outcome', (database: TestDatabase) => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await database.create();
    drop = () => created.drop();
    db = connect(
      created.options.databaseUrl,
      created.options.schema ? { schema: created.options.schema } : {},
    );
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  const addChain = (executor: Executor, name: string) =>
    executor
      .insertInto('chains')
      .values({ name, currency: 'EUR', timezone: 'UTC', honour_rev: 0, created_at: 0 })
      .execute();
  const chainNamed = async (name: string) =>
    (await db.kysely.selectFrom('chains').select('name').where('name', '=', name).execute())
      .length === 1;

  it('an ok outcome is committed and answered', async () => {
    const outcome = await inTransaction(db.kysely, async (trx) => {
      await addChain(trx, 'kept');
      return ok('stored');
    });
    expect(outcome).toEqual({ ok: true, value: 'stored' });
    expect(await chainNamed('kept')).toBe(true);
  });

  it('a refusal decided after a write rolls the write back and is answered as decided', async () => {
    const outcome = await inTransaction(db.kysely, async (trx) => {
      await addChain(trx, 'refused');
      return err({ code: 'already_exists', message: 'decided inside' });
    });
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'already_exists', message: 'decided inside' },
    });
    expect(await chainNamed('refused')).toBe(false);
  });

  it('a fault rolls back too and is thrown as it was', async () => {
    const fault = new Error('the disk filled up');
    await expect(
      inTransaction(db.kysely, async (trx) => {
        await addChain(trx, 'faulty');
        throw fault;
      }),
    ).rejects.toBe(fault);
    expect(await chainNamed('faulty')).toBe(false);
    await addChain(db.kysely, 'after');
    expect(await chainNamed('after')).toBe(true);
  });

  it.skipIf(database.name === 'sqlite')(
    'the victim of a deadlock is run again and both commit (PostgreSQL only: SQLite has one writer and never deadlocks)',
    async () => {
      await addChain(db.kysely, 'deadlock-a');
      await addChain(db.kysely, 'deadlock-b');
      const signal = () => {
        let resolve: (() => void) | undefined;
        const reached = new Promise<void>((settle) => {
          resolve = settle;
        });
        return { reached, done: () => resolve?.() };
      };
      const locked = { a: signal(), b: signal() };
      let runs = 0;
      // each locks its first row, waits until the other holds its own, then asks for the other's
      const crossing = (first: 'a' | 'b', second: 'a' | 'b') =>
        inTransaction(db.kysely, async (trx) => {
          runs += 1;
          const touch = (row: 'a' | 'b') =>
            trx
              .updateTable('chains')
              .set({ timezone: `Etc/UTC-${first}` })
              .where('name', '=', `deadlock-${row}`)
              .execute();
          await touch(first);
          locked[first].done();
          await locked[second].reached;
          await touch(second);
          return ok(first);
        });
      expect(await Promise.all([crossing('a', 'b'), crossing('b', 'a')])).toEqual([
        { ok: true, value: 'a' },
        { ok: true, value: 'b' },
      ]);
      // one of them was PostgreSQL's victim, and ran once more
      expect(runs).toBe(3);
    },
  );
});
