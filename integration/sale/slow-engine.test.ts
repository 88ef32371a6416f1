import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SaleView } from '../../src-shared/till';
import { locksToRelease } from '../../src-main/store';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { issueDemoVoucher } from '../../test-support/engine/demo-vouchers';
import { startEngineGate, type EngineGate } from '../../test-support/till/engine-gate';
import { openTillStore } from '../../test-support/till/offline-till';
import { settledSale } from '../../test-support/till/settled-sale';
import {
  startProxiedTill,
  startTestTill,
  TILL_ONE,
  TILL_TWO,
  valueOf,
  type ProxiedTill,
  type TestTill,
} from '../../test-support/till/till-harness';

const COFFEE_BEANS = '8712345000165'; // 14.95
const MILK = '8712345000011'; // 1.29
const MEMBER = '1000001';
const MEMBER_VOUCHERS = ['DEMO-10PCT', 'DEMO-5EUR'];
const PRICE = '/auth/get-basket-price';
/** Short limits, so that a slow or silent engine costs the test little. */
const TIMEOUTS = { timeouts: { pricingMs: 1_000, probeMs: 500 } };

const codesOf = (view: SaleView) => view.applied.map((voucher) => voucher.code);
const noticeCodes = (view: SaleView) => view.notices.map((notice) => notice.code);

/** The basket codes the till still has to release the locks of, read beside it. */
function locksToReleaseOf(till: TestTill): string[] {
  const store = openTillStore(till.dataDir);
  try {
    return locksToRelease(store);
  } finally {
    store.close();
  }
}

/** A sale a failed test left started is voided, so that the next test starts afresh. */
async function voidStarted(till: TestTill): Promise<void> {
  const view = await settledSale(till);
  if (view.lines.length > 0 || view.customer !== null)
    valueOf(await till.send('sale/void', { saleId: view.saleId }));
}

describeEachDatabase(
  'a slow or returning engine never costs the cashier time or the member a discount',
  (database) => {
    let engine: TestEngine;

    beforeAll(async () => {
      engine = await startTestEngine(database, { demo: true });
    });
    afterAll(async () => engine.close());

    const lockedTo = async (basketCode: string) =>
      (
        await engine.db.kysely
          .selectFrom('vouchers')
          .select('code')
          .where('lock_basket_code', '=', basketCode)
          .where('burned_at', 'is', null)
          .execute()
      ).map((row) => row.code);

    describe('an engine that answers slowly', () => {
      let proxied: ProxiedTill;
      beforeAll(async () => {
        proxied = await startProxiedTill(engine.url, TILL_ONE, TIMEOUTS);
      });
      afterAll(async () => proxied.close());
      afterEach(async () => {
        proxied.proxy.releaseHeld();
        await voidStarted(proxied.till);
      });

      it('shows a scanned line at once, at its shelf price and waiting; priced once the engine answers', async () => {
        const { till, proxy } = proxied;
        const { saleId } = valueOf(await till.send('sale/start', {}));
        proxy.holdAnswersTo(PRICE);
        const scanned = valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
        expect(scanned.lines.map((line) => [line.barcode, line.net])).toEqual([
          [COFFEE_BEANS, 1495],
        ]);
        expect(scanned.pricing).toEqual({ state: 'waiting', since: expect.any(String) as unknown });
        expect(scanned.totals).toEqual({ gross: 1495, discount: 0, net: 1495 });
        await vi.waitFor(() => {
          expect(proxy.held()).toBe(1);
        });

        proxy.releaseHeld();
        const priced = await settledSale(till);
        expect(priced.pricedBy).toBe('engine');
        expect(priced.lines.map((line) => line.barcode)).toEqual([COFFEE_BEANS]);
        valueOf(await till.send('sale/void', { saleId }));
      });

      it('a pricing that times out while the engine answers its probe is sent again, never priced offline; the member keeps the vouchers', async () => {
        const { till, proxy } = proxied;
        const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
        const before = proxy.calls(PRICE);
        proxy.holdAnswersTo(PRICE);
        valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
        const withMember = valueOf(await till.send('sale/scan', { saleId, code: MEMBER }));
        expect(withMember.pricing.state).toBe('waiting');

        // the first answers are late (past timeouts.pricingMs); the third attempt gets its answer
        await vi.waitFor(
          async () => {
            expect(proxy.calls(PRICE) - before).toBe(3);
            const waiting = valueOf(await till.send('sale/current', {}));
            expect(waiting.pricing.state).toBe('waiting');
            // the sale screen says the engine is slow from how long it has waited
            expect(waiting.pricing).toEqual({
              state: 'waiting',
              since: expect.any(String) as unknown,
            });
          },
          { timeout: 15_000, interval: 100 },
        );
        expect(valueOf(await till.send('status/get', {})).online).toBe(true);
        proxy.releaseHeld();

        const priced = await settledSale(till);
        expect(priced.pricedBy).toBe('engine');
        expect(codesOf(priced)).toEqual(MEMBER_VOUCHERS);
        expect(priced.totals).toEqual({ gross: 1495, discount: 650, net: 845 });
        expect((await lockedTo(basketCode)).sort()).toEqual(MEMBER_VOUCHERS);
        expect(valueOf(await till.send('status/get', {})).online).toBe(true);

        valueOf(await till.send('sale/void', { saleId }));
        expect(await lockedTo(basketCode)).toEqual([]);
      });

      it('an engine too slow for every attempt has the till price the sale, saying so, the till online; the confirm queues it', async () => {
        const { till, proxy } = proxied;
        const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
        proxy.holdAnswersTo(PRICE);
        valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
        valueOf(await till.send('sale/scan', { saleId, code: MEMBER }));
        const view = await settledSale(till);
        // the status bar says Online: so do the notices
        expect(noticeCodes(view)).toEqual(['engine_too_slow', 'member_vouchers_offline']);
        expect(view.pricedBy).toBe('local');
        expect(view.notices.map((notice) => notice.message).join(' ')).not.toMatch(/offline/);
        expect(view.totals).toEqual({ gross: 1495, discount: 0, net: 1495 });
        expect(valueOf(await till.send('status/get', {})).online).toBe(true);
        const receipt = valueOf(await till.send('sale/confirm', { saleId }));
        expect(receipt).toMatchObject({ basketCode, syncState: 'queued' });

        // the late pricings locked the member's vouchers to the basket: the sale, once synced,
        // lets them go (the next sale of this suite is the member's again)
        proxy.releaseHeld();
        await vi.waitFor(
          async () => {
            await till.till.sync.syncNow();
            expect(await lockedTo(basketCode)).toEqual([]);
          },
          { timeout: 15_000, interval: 200 },
        );
      });

      it('a confirm waiting on a slow engine gives it one attempt, then queues the sale priced by the till', async () => {
        const { till, proxy } = proxied;
        const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
        const before = proxy.calls(PRICE);
        proxy.holdAnswersTo(PRICE);
        valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
        const receipt = valueOf(await till.send('sale/confirm', { saleId }));
        expect(receipt).toMatchObject({ basketCode, syncState: 'queued' });
        expect(proxy.calls(PRICE) - before).toBe(1);
      });

      it('a confirm waits for the pricing in flight, and redeems the voucher that pricing applies', async () => {
        const { till, proxy } = proxied;
        await issueDemoVoucher(engine.db.kysely, 'SLOW-CONFIRM-5', 500);
        const { saleId } = valueOf(await till.send('sale/start', {}));
        valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
        proxy.holdAnswersTo(PRICE);
        const scanned = valueOf(await till.send('sale/scan', { saleId, code: 'SLOW-CONFIRM-5' }));
        expect(scanned.pricing.state).toBe('waiting');

        const confirming = till.send('sale/confirm', { saleId });
        await vi.waitFor(() => {
          expect(proxy.held()).toBe(1);
        });
        proxy.releaseHeld();
        const receipt = valueOf(await confirming);
        expect(receipt.syncState).toBe('synced');
        expect(receipt.vouchersRedeemed.map((voucher) => voucher.code)).toEqual(['SLOW-CONFIRM-5']);
        expect(receipt.totals).toEqual({ gross: 1495, discount: 500, net: 995 });
      });

      it('a void waits for a slow engine no longer than a scan; the answer, when it comes, settles its locks', async () => {
        const { till, proxy } = proxied;
        const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
        valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
        valueOf(await till.send('sale/scan', { saleId, code: MEMBER }));
        expect(codesOf(await settledSale(till))).toEqual(MEMBER_VOUCHERS);

        proxy.holdAnswersTo(PRICE);
        const voided = valueOf(await till.send('sale/void', { saleId }));
        expect(voided.basketCode).not.toBe(basketCode);
        expect(noticeCodes(voided)).toEqual(['locks_not_released']);
        expect(locksToReleaseOf(till)).toEqual([basketCode]);
        proxy.releaseHeld();
        await vi.waitFor(
          () => {
            expect(locksToReleaseOf(till)).toEqual([]);
          },
          { timeout: 15_000, interval: 100 },
        );
        expect(await lockedTo(basketCode)).toEqual([]);
      });

      it('a void while the pricing that applies the member vouchers is in flight remembers the basket, and forgets it once the engine answers', async () => {
        const { till, proxy } = proxied;
        const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
        valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
        expect((await settledSale(till)).pricedBy).toBe('engine');

        proxy.holdAnswersTo(PRICE);
        valueOf(await till.send('sale/scan', { saleId, code: MEMBER }));
        const voided = valueOf(await till.send('sale/void', { saleId }));
        expect(noticeCodes(voided)).toEqual(['locks_not_released']);
        expect(locksToReleaseOf(till)).toEqual([basketCode]);
        proxy.releaseHeld();
        await vi.waitFor(
          async () => {
            expect(locksToReleaseOf(till)).toEqual([]);
            expect(await lockedTo(basketCode)).toEqual([]);
          },
          { timeout: 15_000, interval: 100 },
        );
      });
    });

    describe('an engine that goes away while a pricing waits for it', () => {
      let proxied: ProxiedTill;
      beforeAll(async () => {
        // a pricing limit far past the test's own: only the till going offline ends the wait
        proxied = await startProxiedTill(engine.url, TILL_ONE, {
          timeouts: { pricingMs: 60_000, probeMs: 500 },
        });
      });
      afterAll(async () => proxied.close());

      it('a confirm waiting for that pricing goes on offline once the till is offline, and queues the sale', async () => {
        const { till, proxy } = proxied;
        const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
        proxy.holdAnswersTo(PRICE);
        valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
        const confirming = till.send('sale/confirm', { saleId });
        proxy.holdAnswersTo('/healthz');
        const receipt = valueOf(await confirming);
        expect(receipt).toMatchObject({ basketCode, syncState: 'queued' });
        expect(receipt.totals).toEqual({ gross: 1495, discount: 0, net: 1495 });
        expect(valueOf(await till.send('status/get', {})).online).toBe(false);
        proxy.releaseHeld();
      }, 20_000);
    });

    describe('an engine that goes away and comes back', () => {
      let gate: EngineGate;
      let till: TestTill;
      beforeAll(async () => {
        gate = await startEngineGate(engine.url);
        till = await startTestTill(gate.url, TILL_TWO, undefined, TIMEOUTS);
      });
      afterAll(async () => {
        await till.close();
        await gate.stop();
      });
      afterEach(async () => {
        gate.open();
        await voidStarted(till);
      });

      /** A member's sale priced online (the vouchers locked to it), then a scan with the network gone. */
      const memberSaleCutOff = async () => {
        const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
        valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
        valueOf(await till.send('sale/scan', { saleId, code: MEMBER }));
        expect((await lockedTo(basketCode)).sort()).toEqual(MEMBER_VOUCHERS);
        gate.close();
        valueOf(await till.send('sale/scan', { saleId, code: MILK }));
        return { saleId, basketCode };
      };

      const onlineAgain = () =>
        vi.waitFor(
          async () => {
            expect(valueOf(await till.send('status/get', {})).online).toBe(true);
          },
          { timeout: 15_000, interval: 100 },
        );

      it('offline (a black hole), prices locally and says for each member voucher why it is not taken off; back, the open sale is priced again with them', async () => {
        const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
        valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
        const online = valueOf(await till.send('sale/scan', { saleId, code: MEMBER }));
        expect(codesOf(online)).toEqual(MEMBER_VOUCHERS);

        gate.silence();
        valueOf(await till.send('sale/scan', { saleId, code: MILK }));
        const offline = await settledSale(till);
        expect(offline.pricedBy).toBe('local');
        expect(offline.applied).toEqual([]);
        const memberNotices = offline.notices.filter(
          (notice) => notice.code === 'member_voucher_offline',
        );
        expect(memberNotices).toHaveLength(2);
        for (const notice of memberNotices) expect(notice.message).toMatch(/the till is offline/);
        // the probe has the last word on being offline; the status bar follows it within 5 s
        await vi.waitFor(
          async () => {
            expect(valueOf(await till.send('status/get', {})).online).toBe(false);
          },
          { timeout: 5_000, interval: 100 },
        );

        gate.open();
        await onlineAgain();
        const back = await settledSale(till);
        await vi.waitFor(
          async () => {
            const view = valueOf(await till.send('sale/current', {}));
            expect(view.pricedBy).toBe('engine');
            expect(codesOf(view)).toEqual(MEMBER_VOUCHERS);
          },
          { timeout: 15_000, interval: 100 },
        );
        expect(back.lines).toHaveLength(2);
        expect((await lockedTo(basketCode)).sort()).toEqual(MEMBER_VOUCHERS);
        valueOf(await till.send('sale/void', { saleId }));
      });

      it('a sale voided offline has its locks released once the engine is back, and is then forgotten', async () => {
        const { saleId, basketCode } = await memberSaleCutOff();
        const voided = valueOf(await till.send('sale/void', { saleId }));
        expect(noticeCodes(voided)).toEqual(['locks_not_released']);
        expect(locksToReleaseOf(till)).toEqual([basketCode]);

        gate.open();
        await onlineAgain();
        await vi.waitFor(
          async () => {
            expect(await lockedTo(basketCode)).toEqual([]);
            expect(locksToReleaseOf(till)).toEqual([]);
          },
          { timeout: 15_000, interval: 100 },
        );
      });

      it('a sale confirmed offline without the member vouchers it had locked frees them when it is synced', async () => {
        const { saleId, basketCode } = await memberSaleCutOff();
        const receipt = valueOf(await till.send('sale/confirm', { saleId }));
        expect(receipt).toMatchObject({ syncState: 'queued', vouchersRedeemed: [] });
        expect((await lockedTo(basketCode)).sort()).toEqual(MEMBER_VOUCHERS);

        gate.open();
        await onlineAgain();
        await till.till.sync.syncNow();
        await vi.waitFor(
          async () => {
            expect(valueOf(await till.send('receipt/get', { basketCode })).syncState).toBe(
              'synced',
            );
          },
          { timeout: 15_000, interval: 100 },
        );
        expect(await lockedTo(basketCode)).toEqual([]);
      });
    });
  },
);
