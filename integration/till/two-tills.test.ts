import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDatabase, type TestEngine } from '../../test-support/engine/harness';
import { valueOf, type TestTill } from '../../test-support/till/till-harness';
import {
  closeTwoTills,
  demoHonourCode,
  saleWithVoucher,
  startTwoTills,
} from '../../test-support/till/two-tills';

const CROISSANT = '8712345000134';

describeEachDatabase('two tills, one engine: locks, void, and a manager’s unlock', (database) => {
  let engine: TestEngine;
  let first: TestTill;
  let second: TestTill;

  beforeAll(async () => {
    ({ engine, first, second } = await startTwoTills(database));
  });
  afterAll(() => closeTwoTills({ engine, first, second }));

  const honourCode = (index: number) => demoHonourCode(engine, index);
  const saleWith = saleWithVoucher;

  it('a voucher held by one till is refused on the other with its lock time, until the first voids', async () => {
    const code = honourCode(4);
    const held = await saleWith(first, code);
    expect(held.applied.map((voucher) => voucher.code)).toEqual([code]);
    const heldUntil = held.applied[0]?.lockedUntil;
    expect(heldUntil).toEqual(expect.any(String));

    const refused = await saleWith(second, code);
    expect(refused.applied).toEqual([]);
    expect(refused.rejected).toEqual([
      {
        ref: code,
        reason: 'voucher_locked',
        message: expect.any(String) as unknown,
        lockedUntil: expect.any(String) as unknown,
        // the words name the till holding it (terminal 01 of store S001) and until when
        words: 'voucher_locked',
        params: {
          voucherCode: code,
          until: refused.rejected[0]?.lockedUntil,
          basketCode: held.basketCode,
          storeCode: 'S001',
          terminalId: '01',
        },
        scanned: true,
      },
    ]);
    expect(Date.parse(refused.rejected[0]?.lockedUntil ?? '')).toBeGreaterThan(Date.now());

    const fresh = valueOf(await first.send('sale/void', { saleId: held.saleId }));
    expect(fresh.saleId).not.toBe(held.saleId);
    expect(fresh.notices).toEqual([]);
    const voidedAgain = await first.send('sale/scan', { saleId: held.saleId, code: CROISSANT });
    expect(voidedAgain).toMatchObject({ ok: false, error: { code: 'sale_already_closed' } });

    // Any change re-prices the second till's sale; the voucher is free now.
    const retried = valueOf(
      await second.send('sale/scan', { saleId: refused.saleId, code: CROISSANT }),
    );
    expect(retried.applied.map((voucher) => voucher.code)).toEqual([code]);
    expect(retried.rejected).toEqual([]);
    valueOf(await second.send('sale/void', { saleId: refused.saleId }));
  });

  it('a manager frees a stuck voucher; the engine and the local audit log record it', async () => {
    const code = honourCode(5);
    const stuck = await saleWith(first, code);
    const voucherKey = stuck.applied[0]?.voucherKey ?? '';
    expect(voucherKey).not.toBe('');

    const noManager = await second.send('manager/locked-vouchers', {});
    expect(noManager).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    const session = valueOf(
      await second.send('manager/sign-in', { username: 'manager-s001', password: 'demo-manager' }),
    );
    expect(session.username).toBe('manager-s001');

    const locked = valueOf(await second.send('manager/locked-vouchers', {}));
    expect(locked).toContainEqual(
      expect.objectContaining({ voucherKey, code, basketCode: stuck.basketCode }),
    );
    const reason = 'till 01 froze mid-sale';
    const unlocked = valueOf(await second.send('manager/unlock-voucher', { voucherKey, reason }));
    expect(unlocked).toMatchObject({ voucherKey, code });

    const row = await engine.db.kysely
      .selectFrom('vouchers')
      .select(['lock_until', 'lock_basket_code'])
      .where('voucher_key', '=', voucherKey)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ lock_until: null, lock_basket_code: null });
    const audit = valueOf(await second.send('manager/audit-log', {}));
    expect(audit[0]).toMatchObject({
      actor: 'manager-s001',
      action: 'unlock_voucher',
      voucherKey,
      detail: reason,
    });
    expect(valueOf(await second.send('manager/conflicts', {}))).toEqual({
      source: 'store',
      unreachable: null,
      conflicts: [],
    });
    valueOf(await second.send('manager/sign-out', {}));
    const signedOut = await second.send('manager/audit-log', {});
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    valueOf(await first.send('sale/void', { saleId: stuck.saleId }));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('a manager step-up ends after the idle time without a manager command, not while in use', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const minutes = (count: number) => {
      vi.setSystemTime(Date.now() + count * 60_000);
    };
    valueOf(
      await second.send('manager/sign-in', { username: 'manager-s001', password: 'demo-manager' }),
    );
    minutes(1.5);
    valueOf(await second.send('manager/audit-log', {}));
    minutes(1.5);
    valueOf(await second.send('manager/audit-log', {}));
    minutes(2.5);
    const idle = await second.send('manager/audit-log', {});
    expect(idle).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('a terminal account cannot sign in on the manager screen, so it cannot unlock', async () => {
    const code = honourCode(6);
    const sale = await saleWith(second, code);
    const voucherKey = sale.applied[0]?.voucherKey ?? '';
    const terminalSignIn = await first.send('manager/sign-in', {
      username: 'till-s001-01',
      password: 'demo-till',
    });
    expect(terminalSignIn).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringContaining('a terminal account') as unknown,
      },
    });
    const refused = await first.send('manager/unlock-voucher', {
      voucherKey,
      reason: 'trying without the rights',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    const wrongPassword = await first.send('manager/sign-in', {
      username: 'manager-s001',
      password: 'not-the-password',
    });
    expect(wrongPassword).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    valueOf(await second.send('sale/void', { saleId: sale.saleId }));
  });
});
