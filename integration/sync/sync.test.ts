import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { call, loginAs } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { databasePath, openStore } from '../../src-main/store';
import { queueOfflineSale, TEST_TILL } from '../../test-support/till/queued-sale';
import { startHttpProxy } from '../../test-support/till/http-proxy';
import {
  startTestTill,
  tempDir,
  TILL_ONE,
  valueOf,
  type TestTill,
} from '../../test-support/till/till-harness';

/** Polls until `check` holds; fails after a generous limit rather than sleeping a fixed time. */
async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const limit = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > limit) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The till's store, opened beside it (WAL lets a test read while the till runs). */
function readStore<T>(dataDir: string, read: (db: SQLite.Database) => T): T {
  const db = new SQLite(databasePath(dataDir), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
/** What the till's offline confirm commits, written while the till is stopped. */
function withStore(dataDir: string, write: (db: SQLite.Database) => void): void {
  const opened = openStore(databasePath(dataDir));
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    write(opened.value);
  } finally {
    opened.value.close();
  }
}
const cachedCodes = (dataDir: string) =>
  readStore(dataDir, (db) =>
    z
      .array(z.string())
      .parse(db.prepare('SELECT code FROM honour_cache ORDER BY code').pluck().all()),
  );
const cursorOf = (dataDir: string) =>
  readStore(dataDir, (db) =>
    Number(db.prepare(`SELECT value FROM sync_state WHERE key = 'honour_cursor'`).pluck().get()),
  );
const keyOf = (dataDir: string, code: string) =>
  readStore(dataDir, (db) =>
    z
      .string()
      .parse(db.prepare('SELECT voucher_key FROM honour_cache WHERE code = ?').pluck().get(code)),
  );

describeEachDatabase('offline sync: honour cache down, outbox up, conflicts', (database) => {
  let engine: TestEngine;
  const open: TestTill[] = [];
  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
  });
  afterAll(async () => {
    await Promise.all(open.map((till) => till.close()));
    await engine.close();
  });

  const honourCodes = () => engine.demo?.honourCodes ?? [];
  const honourCode = (index: number) => {
    const code = honourCodes()[index];
    if (!code) throw new Error(`the demo has no honour voucher ${index}`);
    return code;
  };
  const start = async (dataDir: string, url = engine.url) => {
    const till = await startTestTill(url, TILL_ONE, dataDir);
    open.push(till);
    return till;
  };
  const stop = async (till: TestTill, options?: { readonly drainMs?: number }) => {
    open.splice(open.indexOf(till), 1);
    await till.stop(options);
  };
  /** Another till redeems the voucher on the engine. */
  const burnElsewhere = async (voucherCode: string, basketCode: string) => {
    const session = await loginAs(engine.url, 'manager-s001', 'demo-manager');
    const answer = await call(engine.url, '/auth/add-basket', {
      json: basketRequest(basketCode, [item('coffee', 2.5)], {
        member: null,
        vouchers: [{ voucher_code: voucherCode }],
      }),
      session,
    });
    expect(answer.body).toMatchObject({
      results: { vouchers_redeemed: [{ voucher_code: voucherCode }] },
    });
  };
  const engineBaskets = (codes: string[]) =>
    engine.db.kysely
      .selectFrom('baskets')
      .select(['id', 'retailer_basket_code'])
      .where('retailer_basket_code', 'in', codes)
      .orderBy('id')
      .execute();

  it('mirrors the honour vouchers, and after a restart continues from the stored cursor', async () => {
    const dataDir = tempDir('till-sync-');
    const first = await start(dataDir);
    await first.till.sync.syncNow();
    expect(cachedCodes(dataDir)).toEqual(expect.arrayContaining([...honourCodes()]));
    const status = valueOf(await first.send('status/get', {}));
    expect(status).toMatchObject({ online: true, salesWaiting: 0, conflictsOpen: 0 });
    expect(status.honourCacheUpdatedAt).toEqual(expect.any(String));
    const cursor = cursorOf(dataDir);
    await stop(first);

    // proof that the next start does not read the feed from 0: a row it would bring back
    withStore(dataDir, (db) => {
      db.prepare('DELETE FROM honour_cache WHERE code = ?').run(honourCode(0));
    });
    await burnElsewhere(honourCode(1), 'SYNC-ELSEWHERE-0001');

    const restarted = await start(dataDir);
    await restarted.till.sync.syncNow();
    const codes = cachedCodes(dataDir);
    expect(codes).not.toContain(honourCode(0));
    expect(codes).not.toContain(honourCode(1));
    expect(codes).toContain(honourCode(2));
    expect(cursorOf(dataDir)).toBeGreaterThan(cursor);
    await stop(restarted);
  });

  it('sends queued sales in order; one whose answer was lost stays queued and is acknowledged as a replay', async () => {
    const proxy = await startHttpProxy(engine.url);
    const dataDir = tempDir('till-outbox-');
    const codes = ['S001-01-20261124-0001', 'S001-01-20261124-0002', 'S001-01-20261124-0003'];
    withStore(dataDir, (db) => {
      codes.forEach((basketCode, index) => {
        queueOfflineSale(db, { basketCode, confirmedAt: new Date(Date.now() - 60_000 + index) });
      });
    });
    // the first add-basket reaches the engine but its answer is lost; the probe gets no answer yet
    proxy.loseNextAnswerTo('/auth/add-basket');
    proxy.holdAnswersTo('/healthz');
    const till = await start(dataDir, proxy.url);
    await eventually(() => proxy.forwarded('/auth/add-basket') === 1, 'the first sale was sent');
    // its retry, due after a backoff and sent before the probe times out, is not answered yet
    proxy.holdAnswersTo('/auth/add-basket');
    await eventually(
      async () => !valueOf(await till.send('status/get', {})).online,
      'the till is offline',
    );
    expect(await engineBaskets(codes)).toHaveLength(1);
    expect(valueOf(await till.send('status/get', {})).salesWaiting).toBe(3);

    proxy.releaseHeld();
    await till.till.sync.syncNow();
    expect(proxy.calls('/auth/add-basket')).toBe(4);
    const stored = await engineBaskets(codes);
    expect(stored.map((basket) => basket.retailer_basket_code)).toEqual(codes);
    const journal = readStore(dataDir, (db) =>
      db.prepare('SELECT basket_code, engine_basket_id, synced_at FROM sales ORDER BY id').all(),
    );
    expect(journal).toEqual(
      stored.map((basket) => ({
        basket_code: basket.retailer_basket_code,
        engine_basket_id: basket.id,
        synced_at: expect.any(Number) as unknown,
      })),
    );
    expect(valueOf(await till.send('status/get', {}))).toMatchObject({
      online: true,
      salesWaiting: 0,
      conflictsOpen: 0,
    });
    await stop(till);
    await proxy.stop();
  });

  it('a confirm stopped before its answer, restarted with the engine away, is sent by the outbox worker once it is back', async () => {
    const dataDir = tempDir('till-interrupted-');
    // stopped mid-confirm: the sale is open, its add-basket in the outbox unanswered
    const lost = await startHttpProxy(engine.url);
    const killed = await start(dataDir, lost.url);
    const sale = valueOf(await killed.send('sale/start', {}));
    valueOf(await killed.send('sale/scan', { saleId: sale.saleId, code: '8712345000134' }));
    lost.holdAnswersTo('/auth/add-basket');
    const confirming = killed.send('sale/confirm', { saleId: sale.saleId });
    await eventually(() => lost.held() === 1, 'the add-basket reached the engine');
    // cut mid-confirm, as a kill would: a graceful stop would wait for the answer
    await stop(killed, { drainMs: 0 });
    await confirming.catch(() => undefined);
    await lost.stop();

    const away = await startHttpProxy(engine.url);
    away.loseNextAnswerTo('/auth/add-basket');
    away.holdAnswersTo('/healthz');
    away.holdAnswersTo('/sync/honour-vouchers');
    const restarted = await start(dataDir, away.url);
    expect(await restarted.till.interrupted).toEqual({
      confirmed: [],
      released: [],
      pending: [sale.basketCode],
    });
    // the probe, held, times out: the till goes offline
    await eventually(
      async () => !valueOf(await restarted.send('status/get', {})).online,
      'the till is offline',
    );
    expect(valueOf(await restarted.send('status/get', {})).salesWaiting).toBe(1);

    away.releaseHeld();
    await restarted.till.sync.syncNow();
    expect(away.calls('/auth/add-basket')).toBe(2);
    expect(valueOf(await restarted.send('status/get', {}))).toMatchObject({
      online: true,
      salesWaiting: 0,
    });
    const [onEngine, ...others] = await engineBaskets([sale.basketCode]);
    expect(others).toEqual([]);
    expect(
      readStore(dataDir, (db) =>
        db
          .prepare(
            'SELECT state, total_gross, engine_basket_id, synced_at FROM sales WHERE basket_code = ?',
          )
          .get(sale.basketCode),
      ),
    ).toEqual({
      state: 'confirmed',
      total_gross: 145,
      engine_basket_id: onEngine?.id,
      synced_at: expect.any(Number) as unknown,
    });
    expect(
      readStore(dataDir, (db) => db.prepare('SELECT count(*) FROM outbox').pluck().get()),
    ).toBe(0);
    expect(
      valueOf(await restarted.send('receipt/get', { basketCode: sale.basketCode })),
    ).toMatchObject({ syncState: 'synced' });
    await stop(restarted);
    await away.stop();
  });

  it('parks a sale the engine refuses as malformed as a conflict, and sends the ones behind it', async () => {
    const dataDir = tempDir('till-refused-');
    withStore(dataDir, (db) => {
      queueOfflineSale(db, {
        basketCode: 'S001-01-20261125-0001',
        confirmedAt: new Date(),
        till: { ...TEST_TILL, currency: 'USD' },
      });
      queueOfflineSale(db, { basketCode: 'S001-01-20261125-0002', confirmedAt: new Date() });
    });
    const till = await start(dataDir);
    await till.till.sync.syncNow();
    expect(await engineBaskets(['S001-01-20261125-0001', 'S001-01-20261125-0002'])).toEqual([
      expect.objectContaining({ retailer_basket_code: 'S001-01-20261125-0002' }),
    ]);
    expect(valueOf(await till.send('status/get', {}))).toMatchObject({
      salesWaiting: 0,
      conflictsOpen: 1,
    });
    valueOf(
      await till.send('manager/sign-in', { username: 'manager-s001', password: 'demo-manager' }),
    );
    // the till reported it: the store's list on the engine has it, for every terminal
    expect(valueOf(await till.send('manager/conflicts', {}))).toEqual({
      source: 'store',
      unreachable: null,
      conflicts: [
        expect.objectContaining({
          source: 'store',
          basketCode: 'S001-01-20261125-0001',
          reason: 'rejected_by_engine',
          message: expect.stringContaining('USD') as unknown,
          voucherRef: null,
          acknowledgedAt: null,
          storeCode: 'S001',
          terminalId: '01',
        }),
      ],
    });
    await stop(till);
  });

  it('a voucher used offline but burned elsewhere becomes a conflict that a manager acknowledges', async () => {
    const dataDir = tempDir('till-conflict-');
    const first = await start(dataDir);
    await first.till.sync.syncNow();
    await stop(first);
    const code = honourCode(5);
    const basketCode = 'S001-01-20261126-0001';
    withStore(dataDir, (db) => {
      queueOfflineSale(db, {
        basketCode,
        confirmedAt: new Date(),
        honour: { voucherKey: keyOf(dataDir, code), code },
      });
    });
    await burnElsewhere(code, 'SYNC-ELSEWHERE-0002');

    const till = await start(dataDir);
    await till.till.sync.syncNow();
    expect(valueOf(await till.send('status/get', {}))).toMatchObject({
      salesWaiting: 0,
      conflictsOpen: 1,
    });
    expect(await till.send('manager/conflicts', {})).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    valueOf(
      await till.send('manager/sign-in', { username: 'manager-s001', password: 'demo-manager' }),
    );
    const listed = valueOf(await till.send('manager/conflicts', {}));
    expect(listed.source).toBe('store');
    // the store's list: earlier tests' conflicts of this engine are on it too
    const [conflict, ...others] = listed.conflicts.filter((row) => row.basketCode === basketCode);
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({
      basketCode,
      reason: expect.stringMatching(/^voucher_/) as unknown,
      voucherRef: code,
      acknowledgedAt: null,
      storeCode: 'S001',
      terminalId: '01',
      winner: { basketCode: 'SYNC-ELSEWHERE-0002' },
    });
    if (!conflict) return;
    const acknowledged = valueOf(
      await till.send('manager/acknowledge-conflict', {
        conflictId: conflict.id,
        note: 'customer had it already',
      }),
    );
    expect(acknowledged).toMatchObject({
      id: conflict.id,
      source: 'store',
      acknowledgedBy: 'manager-s001',
      note: 'customer had it already',
    });
    expect(
      await till.send('manager/acknowledge-conflict', { conflictId: conflict.id }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await till.send('manager/acknowledge-conflict', { conflictId: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(valueOf(await till.send('status/get', {})).conflictsOpen).toBe(0);
    const audit = valueOf(await till.send('manager/audit-log', {}));
    expect(audit[0]).toMatchObject({
      actor: 'manager-s001',
      action: 'acknowledge_sync_conflict',
      basketCode,
      voucherCode: code,
      subject: conflict.reason,
      detail: 'customer had it already',
    });
    // the engine has the sale once, and the voucher was burned by the other basket only
    expect(await engineBaskets([basketCode])).toHaveLength(1);
    expect(cachedCodes(dataDir)).not.toContain(code);
    await stop(till);
  });
});
