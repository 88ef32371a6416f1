import { afterAll, beforeAll, expect, it } from 'vitest';
import { appliedKeys, basketRequest, item, warningNames } from '../../test-support/engine/baskets';
import { call, loginDemoAccounts, type Session } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

/** The demo's honour vouchers, HONOUR-COFFEE-0001 … 0010 (src-engine/domain/demo.ts). */
const honour = (n: number) => `HONOUR-COFFEE-${String(n).padStart(4, '0')}`;

describeEachDatabase('a voucher a manager freed from an open basket', (database) => {
  let engine: TestEngine;
  let till: Session;
  let manager: Session;
  let clock = Date.parse('2026-12-03T12:00:00Z');

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true, now: () => clock });
    ({ till, manager } = await loginDemoAccounts(engine.url));
  });
  afterAll(async () => engine.close());

  const price = (basketCode: string, code: string | null, keepLockEnds = false) =>
    call(engine.url, '/auth/get-basket-price', {
      json: basketRequest(basketCode, [item('a', 2.5)], {
        member: null,
        ...(code === null ? {} : { vouchers: [{ voucher_code: code }] }),
        ...(keepLockEnds ? { extra: { basket_voucher_keep_lock_ends: true } } : {}),
      }),
      session: till,
    });
  const voucherOf = (code: string) =>
    engine.db.kysely
      .selectFrom('vouchers')
      .select(['id', 'voucher_key', 'lock_basket_code', 'lock_until', 'burned_at'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  const unlock = async (voucherKey: string) => {
    const answer = await call(engine.url, '/unlock-voucher', {
      method: 'PUT',
      json: { voucher_key: voucherKey, reason: 'the customer left' },
      session: manager,
    });
    expect(answer.status).toBe(200);
  };
  const freedPairs = () =>
    engine.db.kysely
      .selectFrom('freed_basket_vouchers')
      .select(['basket_code', 'voucher_id'])
      .execute();

  it('is left off that basket’s next pricing, with the warning, until the basket no longer names it', async () => {
    const code = honour(1);
    const first = await price('S001-01-FREED-1', code);
    const voucher = await voucherOf(code);
    expect(appliedKeys(first.body)).toEqual([voucher.voucher_key]);

    await unlock(voucher.voucher_key);
    expect(await freedPairs()).toEqual([
      { basket_code: 'S001-01-FREED-1', voucher_id: voucher.id },
    ]);

    // the till that held it prices the basket again, still naming it: the lock is not taken back
    const again = await price('S001-01-FREED-1', code);
    expect(again.status).toBe(200);
    expect(appliedKeys(again.body)).toEqual([]);
    expect(warningNames(again.body)).toEqual(['voucher_freed_by_manager']);
    expect((await voucherOf(code)).lock_basket_code).toBeNull();

    // another basket takes it
    const other = await price('S001-02-FREED-1', code);
    expect(appliedKeys(other.body)).toEqual([voucher.voucher_key]);
    expect((await voucherOf(code)).lock_basket_code).toBe('S001-02-FREED-1');
    // the first basket still names it: still left off, as freed
    expect(warningNames((await price('S001-01-FREED-1', code)).body)).toEqual([
      'voucher_freed_by_manager',
    ]);

    // priced without it, the basket's pair is forgotten: a later scan is a request like any other
    expect(appliedKeys((await price('S001-01-FREED-1', null)).body)).toEqual([]);
    expect(await freedPairs()).toEqual([]);
    expect(warningNames((await price('S001-01-FREED-1', code)).body)).toEqual(['voucher_locked']);
  });

  it('a basket scanned again after the pair is forgotten takes the voucher when it is free', async () => {
    const code = honour(2);
    await price('S001-01-FREED-2', code);
    const voucher = await voucherOf(code);
    await unlock(voucher.voucher_key);
    await price('S001-01-FREED-2', null);
    const rescanned = await price('S001-01-FREED-2', code);
    expect(appliedKeys(rescanned.body)).toEqual([voucher.voucher_key]);
    expect(warningNames(rescanned.body)).toEqual([]);
  });

  it('add-basket of that basket does not redeem it, says why, and forgets the pair', async () => {
    const code = honour(3);
    await price('S001-01-FREED-3', code);
    const voucher = await voucherOf(code);
    await unlock(voucher.voucher_key);
    const stored = await call(engine.url, '/auth/add-basket', {
      json: basketRequest('S001-01-FREED-3', [item('a', 2.5)], {
        member: null,
        vouchers: [{ voucher_key: voucher.voucher_key }],
      }),
      session: till,
    });
    expect(stored.status).toBe(200);
    expect(warningNames(stored.body)).toContain('voucher_freed_by_manager');
    expect((await voucherOf(code)).burned_at).toBeNull();
    expect(await freedPairs()).toEqual([]);
  });

  it('a pair older than a week is forgotten at the next unlock (its basket was never priced again)', async () => {
    const code = honour(7);
    await price('S001-01-OLD-1', code);
    await unlock((await voucherOf(code)).voucher_key);
    expect((await freedPairs()).map((pair) => pair.basket_code)).toContain('S001-01-OLD-1');
    // as if freed eight days ago
    await engine.db.kysely
      .updateTable('freed_basket_vouchers')
      .set({ freed_at: clock - 8 * 86_400_000 })
      .where('basket_code', '=', 'S001-01-OLD-1')
      .execute();
    const next = honour(8);
    await price('S001-01-OLD-2', next);
    await unlock((await voucherOf(next)).voucher_key);
    expect((await freedPairs()).map((pair) => pair.basket_code)).not.toContain('S001-01-OLD-1');
  });

  it('an unlock of a voucher no basket held remembers nothing', async () => {
    const code = honour(4);
    const voucher = await voucherOf(code);
    const before = await freedPairs();
    await unlock(voucher.voucher_key);
    expect(await freedPairs()).toEqual(before);
  });

  it('a recheck (basket_voucher_keep_lock_ends) leaves the end of a lock that holds, and locks a free voucher as ever', async () => {
    const code = honour(5);
    await price('S001-01-KEEP-1', code);
    const locked = await voucherOf(code);
    expect(locked.lock_until).toBe(clock + 300_000);
    clock += 60_000;
    const rechecked = await price('S001-01-KEEP-1', code, true);
    expect(appliedKeys(rechecked.body)).toEqual([locked.voucher_key]);
    expect((await voucherOf(code)).lock_until).toBe(locked.lock_until);
    // a change of the basket renews it
    await price('S001-01-KEEP-1', code);
    expect((await voucherOf(code)).lock_until).toBe(clock + 300_000);
    // a voucher the basket does not hold yet is locked for its whole period
    const other = honour(6);
    await price('S001-01-KEEP-2', other, true);
    expect((await voucherOf(other)).lock_until).toBe(clock + 300_000);
  });
});
