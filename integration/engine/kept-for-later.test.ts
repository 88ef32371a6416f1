import { afterAll, beforeAll, expect, it } from 'vitest';
import { appliedKeys, basketRequest, item, warningNames } from '../../test-support/engine/baskets';
import { call, loginDemoAccounts, type Session } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

describeEachDatabase('a member voucher the customer keeps for later', (database) => {
  let engine: TestEngine;
  let till: Session;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    ({ till } = await loginDemoAccounts(engine.url));
  });
  afterAll(async () => engine.close());

  const voucherOf = (code: string) =>
    engine.db.kysely
      .selectFrom('vouchers')
      .select(['voucher_key', 'lock_basket_code', 'burned_at'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  const kept = (keys: readonly string[]) => ({
    basket_vouchers_kept_for_later: keys.map((voucher_key) => ({ voucher_key })),
  });
  const price = (basketCode: string, keys: readonly string[]) =>
    call(engine.url, '/auth/get-basket-price', {
      json: basketRequest(basketCode, [item('a', 20)], { extra: kept(keys) }),
      session: till,
    });

  it('is not applied, its lock for the basket is released, and the stored basket redeems only the rest', async () => {
    const fiver = await voucherOf('DEMO-5EUR');
    const tenPct = await voucherOf('DEMO-10PCT');
    const first = await price('S001-01-KEPT-1', []);
    expect(appliedKeys(first.body).sort()).toEqual([fiver.voucher_key, tenPct.voucher_key].sort());
    expect((await voucherOf('DEMO-5EUR')).lock_basket_code).toBe('S001-01-KEPT-1');

    const keeping = await price('S001-01-KEPT-1', [fiver.voucher_key]);
    expect(keeping.status).toBe(200);
    expect(appliedKeys(keeping.body)).toEqual([tenPct.voucher_key]);
    // left out on the customer's word: no refusal to show
    expect(warningNames(keeping.body)).toEqual([]);
    expect((await voucherOf('DEMO-5EUR')).lock_basket_code).toBeNull();
    expect((await voucherOf('DEMO-10PCT')).lock_basket_code).toBe('S001-01-KEPT-1');

    // add-basket leaves it out even when a client names it
    const stored = await call(engine.url, '/auth/add-basket', {
      json: basketRequest('S001-01-KEPT-1', [item('a', 20)], {
        vouchers: [{ voucher_key: fiver.voucher_key }, { voucher_key: tenPct.voucher_key }],
        extra: kept([fiver.voucher_key]),
      }),
      session: till,
    });
    expect(stored.status).toBe(200);
    const after = await voucherOf('DEMO-5EUR');
    expect(after).toMatchObject({ burned_at: null, lock_basket_code: null });
    expect((await voucherOf('DEMO-10PCT')).burned_at).not.toBeNull();

    // kept for later, not lost: the next basket of the member applies it
    expect(appliedKeys((await price('S001-01-KEPT-2', [])).body)).toEqual([fiver.voucher_key]);
  });

  it('a kept list naming a voucher that is no key is refused, naming the field', async () => {
    const answer = await call(engine.url, '/auth/get-basket-price', {
      json: basketRequest('S001-01-KEPT-3', [item('a', 20)], {
        extra: { basket_vouchers_kept_for_later: [{ voucher_key: 'not-a-key' }] },
      }),
      session: till,
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('basket_vouchers_kept_for_later');
  });
});
