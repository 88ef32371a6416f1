import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { createCampaign, createVoucher } from '../../src-engine/domain/admin';
import { expectOk } from '../../src-engine/domain/refusal';
import { TILL_ONE, valueOf, type TestTill } from '../../test-support/till/till-harness';
import { startEngineGate, type EngineGate } from '../../test-support/till/engine-gate';
import { startOfflineTill } from '../../test-support/till/offline-till';

const COFFEE_BEANS = '8712345000165'; // 14.95
const MILK = '8712345000011'; // 1.29
const CODES = ['CAPS-A1', 'CAPS-B2', 'CAPS-C3', 'CAPS-D4'] as const;

describeEachDatabase(
  'value vouchers offline, allowed up to a per-sale and a per-day cap',
  (database) => {
    let engine: TestEngine;
    let gate: EngineGate;
    let till: TestTill;

    beforeAll(async () => {
      engine = await startTestEngine(database, { demo: true });
      const chainId = engine.demo?.chainId ?? 1;
      const now = Date.now();
      const { id: campaignId } = expectOk(
        await createCampaign(
          engine.db.kysely,
          { chainId, title: '€4.00 off', incentive: { type: 'basket', amount: 400 } },
          now,
        ),
      );
      const actor = { chainId, role: 'privileged', name: 'offline-test', accountId: null } as const;
      for (const [index, code] of CODES.entries())
        expectOk(
          await createVoucher(
            engine.db.kysely,
            actor,
            { chainId, campaignId, memberNumber: null, code, claimed: true },
            now - (CODES.length - index) * 1000,
          ),
        );
      gate = await startEngineGate(engine.url);
      till = await startOfflineTill(gate.url, TILL_ONE, {
        valueVouchersAllowed: true,
        perSaleCapMinor: 500,
        perDayCapMinor: 1000,
      });
      await till.till.sync.syncNow();
    });
    afterAll(async () => {
      await till.close();
      await gate.stop();
      await engine.close();
    });

    /** Priced by the engine with the codes scanned, then the network goes and one more item is scanned. */
    const pricedOnlineThenOffline = async (codes: readonly string[]) => {
      gate.open();
      await till.till.sync.syncNow();
      const { saleId } = valueOf(await till.send('sale/start', {}));
      valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
      for (const code of codes) valueOf(await till.send('sale/scan', { saleId, code }));
      const online = valueOf(await till.send('sale/current', {}));
      expect(online.notices).toEqual([]);
      expect(online.pricedBy).toBe('engine');
      expect(online.applied.map((voucher) => voucher.code)).toEqual(codes);
      gate.close();
      const offline = valueOf(await till.send('sale/scan', { saleId, code: MILK }));
      expect(offline.pricedBy).toBe('local');
      return offline;
    };

    it('a sale takes value vouchers up to the per-sale cap; the one that would go over is refused', async () => {
      const offline = await pricedOnlineThenOffline(['CAPS-A1', 'CAPS-B2']);
      expect(offline.applied.map((voucher) => [voucher.code, voucher.discount])).toEqual([
        ['CAPS-A1', 400],
      ]);
      expect(offline.rejected.map((voucher) => [voucher.ref, voucher.reason])).toEqual([
        ['CAPS-B2', 'voucher_offline_not_allowed'],
      ]);
      expect(offline.notices.map((notice) => notice.code)).toContain('offline_value_cap');
      expect(offline.totals).toEqual({ gross: 1624, discount: 400, net: 1224 });
      const receipt = valueOf(await till.send('sale/confirm', { saleId: offline.saleId }));
      expect(receipt).toMatchObject({ syncState: 'queued', totals: { discount: 400 } });
    });

    it('a second sale fits what is left of the day', async () => {
      const offline = await pricedOnlineThenOffline(['CAPS-C3']);
      expect(offline.applied.map((voucher) => [voucher.code, voucher.discount])).toEqual([
        ['CAPS-C3', 400],
      ]);
      valueOf(await till.send('sale/confirm', { saleId: offline.saleId }));
    });

    it('a third one would pass the per-day cap: refused, though within the per-sale cap', async () => {
      const offline = await pricedOnlineThenOffline(['CAPS-D4']);
      expect(offline.applied).toEqual([]);
      expect(offline.rejected.map((voucher) => [voucher.ref, voucher.reason])).toEqual([
        ['CAPS-D4', 'voucher_offline_not_allowed'],
      ]);
      expect(offline.notices).toContainEqual({
        code: 'offline_value_cap',
        message: expect.stringContaining('left today') as unknown,
        params: {
          perSale: expect.any(Number) as unknown,
          perDay: expect.any(Number) as unknown,
          leftToday: expect.any(Number) as unknown,
        },
      });
      expect(offline.totals.discount).toBe(0);
      valueOf(await till.send('sale/void', { saleId: offline.saleId }));
    });
  },
);
