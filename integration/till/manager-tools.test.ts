import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_POOL_THRESHOLD } from '../../src-engine/domain/demo';
import { calendarDay } from '../../src-main/store';
import { describeEachDatabase, type TestEngine } from '../../test-support/engine/harness';
import { TILL_TWO, valueOf, type TestTill } from '../../test-support/till/till-harness';
import { closeTwoTills, demoHonourCode, startTwoTills } from '../../test-support/till/two-tills';

const CROISSANT = '8712345000134';
const TIMEZONE = 'Europe/Amsterdam';

/** `YYYY-MM-DD` of an instant on the tills' calendar, `days` later. */
function dayOf(at: string, days = 0): string {
  const day = calendarDay(new Date(Date.parse(at) + days * 86_400_000), TIMEZONE);
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`;
}

describeEachDatabase('the manager tools on a till, against a real engine', (database) => {
  let engine: TestEngine;
  let first: TestTill;
  let second: TestTill;

  beforeAll(async () => {
    ({ engine, first, second } = await startTwoTills(database));
  });
  afterAll(() => closeTwoTills({ engine, first, second }));

  const honourCode = (index: number) => demoHonourCode(engine, index);
  const lockOf = (voucherKey: string) =>
    engine.db.kysely
      .selectFrom('vouchers')
      .select(['lock_until', 'lock_basket_code'])
      .where('voucher_key', '=', voucherKey)
      .executeTakeFirstOrThrow();

  it('frees every voucher held for one sale in one step, each in the audit log by its code and basket', async () => {
    const codes = [honourCode(2), honourCode(3)];
    const { saleId } = valueOf(await first.send('sale/start', {}));
    valueOf(await first.send('sale/scan', { saleId, code: CROISSANT }));
    for (const code of codes) valueOf(await first.send('sale/scan', { saleId, code }));
    const stuck = valueOf(await first.send('sale/current', {}));
    expect(stuck.applied.map((voucher) => voucher.code).sort()).toEqual([...codes].sort());
    // another sale's voucher, which the basket's unlock leaves alone
    const other = honourCode(7);
    const { saleId: otherSale } = valueOf(await second.send('sale/start', {}));
    valueOf(await second.send('sale/scan', { saleId: otherSale, code: CROISSANT }));
    const otherHeld = valueOf(await second.send('sale/scan', { saleId: otherSale, code: other }));
    const otherKey = otherHeld.applied[0]?.voucherKey ?? '';

    const unsigned = await second.send('manager/unlock-basket', {
      basketCode: stuck.basketCode,
      reason: 'Till crashed',
    });
    expect(unsigned).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    valueOf(
      await second.send('manager/sign-in', { username: 'manager-s001', password: 'demo-manager' }),
    );
    const unknown = await second.send('manager/unlock-basket', {
      basketCode: 'S001-09-20260101-0001',
      reason: 'Till crashed',
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: {
        code: 'not_found',
        message: expect.stringContaining('S001-09-20260101-0001') as unknown,
      },
    });

    const freed = valueOf(
      await second.send('manager/unlock-basket', {
        basketCode: stuck.basketCode,
        reason: 'Till crashed',
      }),
    );
    expect(freed.basketCode).toBe(stuck.basketCode);
    expect(freed.failed).toEqual([]);
    expect(freed.freed.map((voucher) => voucher.code).sort()).toEqual([...codes].sort());
    for (const voucher of stuck.applied)
      expect(await lockOf(voucher.voucherKey)).toEqual({
        lock_until: null,
        lock_basket_code: null,
      });
    expect((await lockOf(otherKey)).lock_basket_code).toBe(otherHeld.basketCode);
    const locked = valueOf(await second.send('manager/locked-vouchers', {}));
    expect(locked.map((voucher) => voucher.basketCode)).toEqual([otherHeld.basketCode]);

    const audit = valueOf(await second.send('manager/audit-log', {}));
    expect(
      audit
        .slice(0, 2)
        .map((entry) => entry.voucherCode)
        .sort(),
    ).toEqual([...codes].sort());
    for (const entry of audit.slice(0, 2))
      expect(entry).toMatchObject({
        actor: 'manager-s001',
        action: 'unlock_voucher',
        basketCode: stuck.basketCode,
        detail: 'Till crashed',
        storeCode: 'S001',
        terminalId: TILL_TWO.terminalId,
      });
    expect(audit[0]?.voucherKey).toMatch(/^[0-9a-f]{64}$/);

    // a single unlock names the basket that held the voucher too
    valueOf(
      await second.send('manager/unlock-voucher', {
        voucherKey: otherKey,
        reason: 'Customer left without paying',
      }),
    );
    const [latest] = valueOf(await second.send('manager/audit-log', { limit: 1 }));
    expect(latest).toMatchObject({
      voucherKey: otherKey,
      voucherCode: other,
      basketCode: otherHeld.basketCode,
    });

    const byCode = valueOf(
      await second.send('manager/audit-log', { voucherCode: (codes[0] ?? '').toLowerCase() }),
    );
    expect(byCode.map((entry) => entry.voucherCode)).toEqual([codes[0]]);
    const day = dayOf(latest?.at ?? '');
    const thatDay = valueOf(await second.send('manager/audit-log', { day }));
    expect(thatDay.map((entry) => entry.voucherCode)).toEqual([
      other,
      ...audit.slice(0, 2).map((entry) => entry.voucherCode),
    ]);
    const dayBefore = await second.send('manager/audit-log', { day: dayOf(latest?.at ?? '', -1) });
    expect(valueOf(dayBefore)).toEqual([]);
    const badDay = await second.send('manager/audit-log', { day: '2026-13-01' });
    expect(badDay).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    valueOf(await second.send('manager/sign-out', {}));
    valueOf(await first.send('sale/void', { saleId }));
    valueOf(await second.send('sale/void', { saleId: otherSale }));
  });

  it('reads the chain’s reward pools from the engine under the manager’s session', async () => {
    expect(await first.send('manager/reward-pools', {})).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    valueOf(
      await first.send('manager/sign-in', { username: 'manager-s001', password: 'demo-manager' }),
    );
    expect(valueOf(await first.send('manager/reward-pools', {}))).toEqual([
      {
        campaignId: expect.any(Number) as unknown,
        title: 'Cinema ticket from our partner',
        total: engine.demo?.poolCodes.length,
        unused: engine.demo?.poolCodes.length,
        threshold: DEMO_POOL_THRESHOLD,
        low: false,
      },
    ]);
    valueOf(await first.send('manager/sign-out', {}));
  });
});
