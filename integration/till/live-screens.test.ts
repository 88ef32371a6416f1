import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TillEvent } from '../../src-shared/till';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import {
  startProxiedTill,
  TILL_ONE,
  valueOf,
  type ProxiedTill,
  type TestTill,
} from '../../test-support/till/till-harness';
import {
  closeTwoTills,
  demoHonourCode,
  saleWithVoucher,
  startTwoTills,
} from '../../test-support/till/two-tills';

const MILK = '8712345000011';

/** Everything a till core announced since `heard` was started. */
function heard(till: TestTill): TillEvent[] {
  const events: TillEvent[] = [];
  till.till.core.events.subscribe((event) => events.push(event));
  return events;
}

describeEachDatabase(
  'live screens: what the core announces, and the sales it prices again',
  (database) => {
    let engine: TestEngine;
    let first: TestTill;
    let second: TestTill;

    beforeAll(async () => {
      ({ engine, first, second } = await startTwoTills(database));
    });
    afterAll(() => closeTwoTills({ engine, first, second }));

    const honourCode = (index: number) => demoHonourCode(engine, index);
    const saleWith = saleWithVoucher;

    it('a manager’s unlock frees the voucher from the abandoned sale at once, and the waiting till takes it without a rescan', async () => {
      const code = honourCode(6);
      const abandoned = await saleWith(first, code);
      const voucherKey = abandoned.applied[0]?.voucherKey ?? '';
      expect(voucherKey).not.toBe('');
      const waiting = await saleWith(second, code);
      expect(waiting.rejected.map((rejected) => rejected.reason)).toEqual(['voucher_locked']);
      const firstHeard = heard(first);
      const secondHeard = heard(second);

      valueOf(
        await first.send('manager/sign-in', { username: 'manager-s001', password: 'demo-manager' }),
      );
      valueOf(await first.send('manager/unlock-voucher', { voucherKey, reason: 'till froze' }));
      expect(firstHeard).toContainEqual({ kind: 'locks-changed' });

      // the abandoned sale no longer shows the voucher, and its screen is told
      await expect
        .poll(async () => valueOf(await first.send('sale/current', {})).applied, {
          timeout: 10_000,
        })
        .toEqual([]);
      expect(firstHeard).toContainEqual({ kind: 'sale-changed', saleId: abandoned.saleId });

      // nobody touches the waiting sale: its recheck finds the voucher free and takes it
      await expect
        .poll(
          async () => {
            const view = valueOf(await second.send('sale/current', {}));
            return view.applied.map((voucher) => voucher.code);
          },
          { timeout: 20_000, interval: 500 },
        )
        .toEqual([code]);
      expect(secondHeard).toContainEqual({ kind: 'sale-changed', saleId: waiting.saleId });
      const taken = valueOf(await second.send('sale/current', {}));
      expect(taken.rejected).toEqual([]);

      valueOf(await first.send('manager/sign-out', {}));
      valueOf(await first.send('sale/void', { saleId: abandoned.saleId }));
      valueOf(await second.send('sale/void', { saleId: waiting.saleId }));
    });

    it('a manager at another terminal frees the voucher: the sale that held it lets it go on its own recheck, and pricing it again does not take it back', async () => {
      const code = honourCode(7);
      const holding = await saleWith(second, code);
      const voucherKey = holding.applied[0]?.voucherKey ?? '';
      expect(voucherKey).not.toBe('');
      const secondHeard = heard(second);

      valueOf(
        await first.send('manager/sign-in', { username: 'manager-s001', password: 'demo-manager' }),
      );
      valueOf(await first.send('manager/unlock-voucher', { voucherKey, reason: 'till 02 left' }));

      // nobody touches the holding sale: its recheck hears from the engine that it was freed
      await expect
        .poll(async () => valueOf(await second.send('sale/current', {})).applied, {
          timeout: 20_000,
          interval: 500,
        })
        .toEqual([]);
      expect(secondHeard).toContainEqual({ kind: 'sale-changed', saleId: holding.saleId });
      const freed = valueOf(await second.send('sale/current', {}));
      expect(freed.rejected).toMatchObject([{ ref: code, reason: 'voucher_freed_by_manager' }]);
      const lockOf = async () =>
        (
          await engine.db.kysely
            .selectFrom('vouchers')
            .select('lock_basket_code')
            .where('voucher_key', '=', voucherKey)
            .executeTakeFirstOrThrow()
        ).lock_basket_code;
      expect(await lockOf()).toBeNull();

      // the cashier scans on: the voucher stays free, and the refusal goes with the change
      const scanned = valueOf(await second.send('sale/scan', { saleId: freed.saleId, code: MILK }));
      expect(scanned.applied).toEqual([]);
      expect(await lockOf()).toBeNull();

      // it goes to the customer at the other till
      const taken = await saleWith(first, code);
      expect(taken.applied.map((voucher) => voucher.code)).toEqual([code]);
      expect(await lockOf()).toBe(taken.basketCode);

      valueOf(await first.send('manager/sign-out', {}));
      valueOf(await first.send('sale/void', { saleId: taken.saleId }));
      valueOf(await second.send('sale/void', { saleId: freed.saleId }));
    });
  },
);

describeEachDatabase('live screens: a queued sale synced', (database) => {
  let engine: TestEngine;
  let proxied: ProxiedTill;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    proxied = await startProxiedTill(engine.url, TILL_ONE);
  });
  afterAll(async () => {
    await proxied.close();
    await engine.close();
  });

  it('a queued sale that reaches the engine is announced, and its receipt says synced', async () => {
    const { till, proxy } = proxied;
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    proxy.loseNextAnswerTo('/auth/add-basket');
    const lost = valueOf(await till.send('sale/confirm', { saleId }));
    expect(lost.syncState).toBe('queued');
    const events = heard(till);

    await till.till.sync.syncNow();
    expect(events).toContainEqual({ kind: 'sync-changed' });
    expect(valueOf(await till.send('receipt/get', { basketCode })).syncState).toBe('synced');
  });
});
