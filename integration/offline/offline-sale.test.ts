import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { addBasketRequestSchema } from '../../src-shared/wire';
import { findCachedHonour, findSale, markHonourUsedLocally } from '../../src-main/store';
import { TILL_ONE, valueOf, type TestTill } from '../../test-support/till/till-harness';
import { startEngineGate, type EngineGate } from '../../test-support/till/engine-gate';
import { openTillStore, startOfflineTill } from '../../test-support/till/offline-till';

const COFFEE_BEANS = '8712345000165'; // 14.95
const MILK = '8712345000011'; // 1.29

describeEachDatabase('an offline sale on a till whose honour cache is filled', (database) => {
  let engine: TestEngine;
  let gate: EngineGate;
  let till: TestTill;
  let store: Database;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    gate = await startEngineGate(engine.url);
    till = await startOfflineTill(gate.url, TILL_ONE);
    await till.till.sync.syncNow();
    store = openTillStore(till.dataDir);
  });
  afterAll(async () => {
    store.close();
    await till.close();
    await gate.stop();
    await engine.close();
  });

  const honourCode = (index: number) => {
    const code = engine.demo?.honourCodes[index];
    if (!code) throw new Error(`the demo has no honour voucher ${index}`);
    return code;
  };
  const outboxOf = (basketCode: string) =>
    z
      .array(z.object({ request: z.string() }))
      .parse(store.prepare('SELECT request FROM outbox WHERE basket_code = ?').all(basketCode))
      .map((row) => addBasketRequestSchema.parse(JSON.parse(row.request)));

  it('fills its honour cache while online', async () => {
    const status = valueOf(await till.send('status/get', {}));
    expect(status).toMatchObject({ online: true, salesWaiting: 0 });
    expect(status.honourCacheUpdatedAt).toEqual(expect.any(String));
    expect(findCachedHonour(store, honourCode(1))?.honourCode).toBe('FREE-COFFEE');
  });

  it('refuses offline, by default, the value vouchers the engine had applied', async () => {
    const { saleId } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
    const online = valueOf(await till.send('sale/scan', { saleId, code: '1000001' }));
    expect(online.pricedBy).toBe('engine');
    expect(online.applied.map((voucher) => voucher.code)).toEqual(['DEMO-10PCT', 'DEMO-5EUR']);

    gate.close();
    const offline = valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    expect(offline.pricedBy).toBe('local');
    expect(offline.applied).toEqual([]);
    expect(offline.rejected.map((voucher) => [voucher.ref, voucher.reason])).toEqual([
      ['DEMO-10PCT', 'voucher_offline_not_allowed'],
      ['DEMO-5EUR', 'voucher_offline_not_allowed'],
    ]);
    expect(offline.totals).toEqual({ gross: 1624, discount: 0, net: 1624 });
    expect(offline.notices.map((notice) => notice.code)).toContain('engine_unreachable');
    expect(valueOf(await till.send('status/get', {})).online).toBe(false);

    // The engine still holds the vouchers for this basket: the void says so.
    const fresh = valueOf(await till.send('sale/void', { saleId }));
    expect(fresh.notices.map((notice) => notice.code)).toEqual(['locks_not_released']);
  });

  it('accepts an honour voucher from the cache, and confirms sale, local use and outbox entry together', async () => {
    const code = honourCode(1);
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    const priced = valueOf(await till.send('sale/scan', { saleId, code }));
    expect(priced.pricedBy).toBe('local');
    expect(priced.applied).toEqual([
      expect.objectContaining({ code, type: 'honour', honourCode: 'FREE-COFFEE', discount: 0 }),
    ]);
    expect(priced.rejected).toEqual([]);
    expect(priced.totals).toEqual({ gross: 129, discount: 0, net: 129 });

    const receipt = valueOf(await till.send('sale/confirm', { saleId }));
    expect(receipt).toMatchObject({ basketCode, syncState: 'queued', engineBasketId: null });
    expect(receipt.honourCodes).toEqual([{ code, honourCode: 'FREE-COFFEE' }]);

    const journaled = findSale(store, basketCode);
    expect(journaled).toMatchObject({ state: 'confirmed', pricedBy: 'local', syncedAt: null });
    expect(findCachedHonour(store, code)?.usedLocallyBasketCode).toBe(basketCode);
    const queued = outboxOf(basketCode);
    expect(queued).toHaveLength(1);
    const request = queued[0];
    expect(request?.basket.retailer_basket_code).toBe(basketCode);
    expect(request?.basket.basket_timestamp_iso8601).toBe(receipt.confirmedAt);
    expect(request?.basket.basket_vouchers).toEqual([
      { voucher_key: findCachedHonour(store, code)?.voucherKey },
    ]);
    expect(valueOf(await till.send('status/get', {})).salesWaiting).toBe(1);
    expect(valueOf(await till.send('receipt/get', { basketCode }))).toEqual(receipt);
  });

  it('refuses the same honour voucher in a second sale on this till', async () => {
    const code = honourCode(1);
    const { saleId } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    const again = valueOf(await till.send('sale/scan', { saleId, code }));
    expect(again.applied).toEqual([]);
    expect(again.rejected).toEqual([
      {
        ref: code,
        reason: 'voucher_already_redeemed',
        message: expect.stringContaining('already used on this till') as unknown,
        lockedUntil: null,
        words: 'voucher_used_on_this_till',
        params: { voucherCode: code, basketCode: expect.any(String) as unknown },
        scanned: true,
      },
    ]);
    valueOf(await till.send('sale/void', { saleId }));
  });

  it('refuses a scanned code the cache does not hold, saying it cannot be checked offline', async () => {
    const { saleId } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    const unknown = valueOf(await till.send('sale/scan', { saleId, code: 'DEMO-5EUR' }));
    expect(unknown.rejected.map((voucher) => [voucher.ref, voucher.reason, voucher.words])).toEqual(
      [['DEMO-5EUR', 'voucher_offline_not_allowed', 'voucher_unknown_offline']],
    );
    expect(unknown.notices).toContainEqual({
      code: 'voucher_unknown_offline',
      message: expect.stringContaining('DEMO-5EUR') as unknown,
      params: { voucherCodes: 'DEMO-5EUR', voucherCode: 'DEMO-5EUR' },
    });
    valueOf(await till.send('sale/void', { saleId }));
  });

  it('writes nothing when the voucher was taken by another sale before the commit', async () => {
    const code = honourCode(2);
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    const priced = valueOf(await till.send('sale/scan', { saleId, code }));
    expect(priced.applied.map((voucher) => voucher.code)).toEqual([code]);

    // Another sale on this till takes the voucher between the pricing and the confirm.
    const voucherKey = findCachedHonour(store, code)?.voucherKey ?? '';
    const other = 'S001-01-20000101-0001';
    expect(markHonourUsedLocally(store, voucherKey, other, new Date())).toBe(true);

    const refused = await till.send('sale/confirm', { saleId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(findSale(store, basketCode)?.state).toBe('open');
    expect(outboxOf(basketCode)).toEqual([]);
    expect(findCachedHonour(store, code)?.usedLocallyBasketCode).toBe(other);
    expect(valueOf(await till.send('status/get', {})).salesWaiting).toBe(1);

    const current = valueOf(await till.send('sale/current', {}));
    expect(current.saleId).toBe(saleId);
    expect(current.applied).toEqual([]);
    expect(current.rejected.map((voucher) => voucher.reason)).toEqual(['voucher_already_redeemed']);
    valueOf(await till.send('sale/void', { saleId }));
  });
});
