import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { databasePath } from '../../src-main/store';
import { everyRow } from '../../test-support/engine/snapshot';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { startHttpProxy, type HttpProxy } from '../../test-support/till/http-proxy';
import {
  startTestTill,
  tempDir,
  TILL_ONE,
  valueOf,
  type TestTill,
} from '../../test-support/till/till-harness';

const COFFEE_BEANS = '8712345000165'; // 14.95
const OLIVE_OIL = '8712345000110'; // 6.99

describeEachDatabase('a till in training mode, against a real engine', (database) => {
  let engine: TestEngine;
  let proxy: HttpProxy;
  let till: TestTill;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    proxy = await startHttpProxy(engine.url);
    till = await startTestTill(proxy.url, TILL_ONE, tempDir('till-training-'), {
      trainingMode: true,
      timeouts: { pricingMs: 60_000 },
    });
    await vi.waitFor(
      async () => {
        expect(valueOf(await till.send('status/get', {})).online).toBe(true);
      },
      { timeout: 10_000, interval: 100 },
    );
  });
  afterAll(async () => {
    await till.close();
    await proxy.stop();
    await engine.close();
  });

  /** Every row of every engine table but the sessions: the till signs in at its first pricing. */
  const engineState = async () => {
    const rows = await everyRow(engine.db.kysely);
    delete rows.sessions;
    return rows;
  };
  /** What a sale could leave on the till: the journal, the outbox, the codes, the honour uses. */
  const tillState = () => {
    const store = new SQLite(databasePath(till.dataDir), { readonly: true });
    try {
      const count = (sql: string) => store.prepare<[], { n: number }>(sql).get()?.n;
      return {
        sales: count('SELECT count(*) AS n FROM sales'),
        outbox: count('SELECT count(*) AS n FROM outbox'),
        codes: count('SELECT count(*) AS n FROM basket_code_sequence'),
        locks: count('SELECT count(*) AS n FROM locks_to_release'),
        honourUsed: count(
          'SELECT count(*) AS n FROM honour_cache WHERE used_locally_at IS NOT NULL',
        ),
      };
    } finally {
      store.close();
    }
  };

  it('says so in status/get', async () => {
    expect(valueOf(await till.send('status/get', {})).trainingMode).toBe(true);
  });

  it('prices member 1000001 and an honour voucher on the engine, confirms, and changes nothing anywhere', async () => {
    const engineBefore = await engineState();
    const tillBefore = tillState();
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    expect(basketCode).toMatch(/^S001-01-TRAINING-\d{4}$/);
    valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
    valueOf(await till.send('sale/scan', { saleId, code: OLIVE_OIL }));
    valueOf(await till.send('sale/scan', { saleId, code: '1000001' }));
    const priced = valueOf(await till.send('sale/scan', { saleId, code: 'HONOUR-COFFEE-0001' }));
    expect(priced.pricedBy).toBe('engine');
    expect(priced.applied.map((voucher) => voucher.code).sort()).toEqual([
      'DEMO-10PCT',
      'DEMO-5EUR',
      'HONOUR-COFFEE-0001',
    ]);
    // held for no sale: the engine locked nothing
    expect(priced.applied.every((voucher) => voucher.lockedUntil === null)).toBe(true);
    expect(await engineState()).toEqual(engineBefore);

    const receipt = valueOf(await till.send('sale/confirm', { saleId }));
    expect(receipt).toMatchObject({ basketCode, training: true, engineBasketId: null });
    expect(receipt.totals).toEqual(priced.totals);
    expect(receipt.vouchersRedeemed.map((voucher) => voucher.code).sort()).toEqual([
      'DEMO-10PCT',
      'DEMO-5EUR',
      'HONOUR-COFFEE-0001',
    ]);
    expect(receipt.honourCodes).toEqual([
      { code: 'HONOUR-COFFEE-0001', honourCode: 'FREE-COFFEE' },
    ]);
    expect(valueOf(await till.send('receipt/get', { basketCode }))).toEqual(receipt);
    expect(await engineState()).toEqual(engineBefore);
    expect(tillState()).toEqual(tillBefore);
    expect(tillState()).toMatchObject({ sales: 0, outbox: 0, codes: 0 });
  });

  it('voids a practice sale with nothing to release', async () => {
    const { saleId } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
    valueOf(await till.send('sale/scan', { saleId, code: '1000001' }));
    const fresh = valueOf(await till.send('sale/void', { saleId }));
    expect(fresh.notices).toEqual([]);
    expect(fresh.basketCode).toMatch(/^S001-01-TRAINING-\d{4}$/);
    expect(tillState().locks).toBe(0);
  });

  it('offline, prices alone and confirms without storing or queueing anything', async () => {
    const engineBefore = await engineState();
    const tillBefore = tillState();
    proxy.injectFault({ kind: 'bad-gateway' });
    try {
      await vi.waitFor(
        async () => {
          expect(valueOf(await till.send('status/get', {})).online).toBe(false);
        },
        { timeout: 10_000, interval: 100 },
      );
      const { saleId } = valueOf(await till.send('sale/start', {}));
      const priced = valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
      expect(priced.pricedBy).toBe('local');
      const receipt = valueOf(await till.send('sale/confirm', { saleId }));
      expect(receipt).toMatchObject({ training: true, totals: { gross: 1495, net: 1495 } });
      expect(tillState()).toEqual(tillBefore);
      expect(valueOf(await till.send('status/get', {})).salesWaiting).toBe(0);
    } finally {
      proxy.liftFault();
    }
    expect(await engineState()).toEqual(engineBefore);
  });
});
