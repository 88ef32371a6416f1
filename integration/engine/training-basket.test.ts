import { afterAll, beforeAll, expect, it } from 'vitest';
import { appliedKeys, basketRequest, item, warningNames } from '../../test-support/engine/baskets';
import { call, loginDemoAccounts, type Session } from '../../test-support/engine/client';
import { everyRow } from '../../test-support/engine/snapshot';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

/** The demo's honour vouchers, HONOUR-COFFEE-0001 … 0010 (src-engine/domain/demo.ts). */
const honour = (n: number) => `HONOUR-COFFEE-${String(n).padStart(4, '0')}`;

describeEachDatabase('a training basket', (database) => {
  let engine: TestEngine;
  let till: Session;
  let clock = Date.parse('2026-12-03T12:00:00Z');

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true, now: () => clock });
    ({ till } = await loginDemoAccounts(engine.url));
  });
  afterAll(async () => engine.close());

  const training = { basket_training: true };
  const price = (
    basketCode: string,
    codes: string[],
    options: { training?: boolean; member?: string | null } = {},
  ) =>
    call(engine.url, '/auth/get-basket-price', {
      json: basketRequest(basketCode, [item('coffee', 14.95), item('oil', 6.99)], {
        member: options.member === undefined ? '1000001' : options.member,
        vouchers: codes.map((code) => ({ voucher_code: code })),
        ...(options.training === false ? {} : { extra: training }),
      }),
      session: till,
    });

  /** Every row of every engine table. */
  const snapshot = () => everyRow(engine.db.kysely);
  const lockOf = (code: string) =>
    engine.db.kysely
      .selectFrom('vouchers')
      .select(['voucher_key', 'lock_basket_code', 'lock_until'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();

  it('is priced as any basket, and the vouchers, locks and baskets are unchanged', async () => {
    const before = await snapshot();
    const answer = await price('S001-01-TRAIN-1', [honour(1)]);
    expect(answer.status).toBe(200);
    // the member's two claimed vouchers and the honour voucher all apply
    expect(appliedKeys(answer.body)).toHaveLength(3);
    expect(await snapshot()).toEqual(before);
  });

  it('neither renews nor releases a lock another basket holds, and is refused what it holds', async () => {
    const held = await price('S001-01-REAL-1', [honour(2)], { member: null, training: false });
    expect(appliedKeys(held.body)).toHaveLength(1);
    const lock = await lockOf(honour(2));
    expect(lock.lock_basket_code).toBe('S001-01-REAL-1');
    const before = await snapshot();

    clock += 60_000;
    const elsewhere = await price('S001-01-TRAIN-2', [honour(2)], { member: null });
    expect(elsewhere.status).toBe(200);
    expect(appliedKeys(elsewhere.body)).toEqual([]);
    expect(warningNames(elsewhere.body)).toContain('voucher_locked');
    // the same basket code, no longer naming the voucher: a real pricing would release it
    const same = await price('S001-01-REAL-1', [], { member: null });
    expect(same.status).toBe(200);
    // and naming it again: a real pricing would renew it
    const renew = await price('S001-01-REAL-1', [honour(2)], { member: null });
    expect(appliedKeys(renew.body)).toEqual([lock.voucher_key]);

    expect(await lockOf(honour(2))).toEqual(lock);
    expect(await snapshot()).toEqual(before);
  });

  it('is refused by add-basket: nothing is stored and no voucher redeemed', async () => {
    await price('S001-01-TRAIN-3', [honour(3)]);
    const before = await snapshot();
    const answer = await call(engine.url, '/auth/add-basket', {
      json: basketRequest('S001-01-TRAIN-3', [item('coffee', 14.95)], {
        vouchers: [{ voucher_code: honour(3) }, { voucher_code: 'DEMO-5EUR' }],
        extra: training,
      }),
      session: till,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 1540, name: 'training_basket_not_stored' });
    expect(await snapshot()).toEqual(before);
  });

  it('as text, "true" on the wire, is a training basket too', async () => {
    const before = await snapshot();
    const answer = await call(engine.url, '/auth/get-basket-price', {
      json: basketRequest('S001-01-TRAIN-4', [item('coffee', 14.95)], {
        vouchers: [{ voucher_code: honour(4) }],
        extra: { basket_training: 'true' },
      }),
      session: till,
    });
    expect(answer.status).toBe(200);
    expect(appliedKeys(answer.body)).toHaveLength(3);
    expect(await snapshot()).toEqual(before);
  });
});
