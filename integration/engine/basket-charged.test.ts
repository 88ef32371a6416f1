import { afterEach, beforeEach, expect, it } from 'vitest';
import { createVoucher } from '../../src-engine/domain/admin';
import { expectOk } from '../../src-engine/domain/refusal';
import { appliedKeys, basketRequest, item, warningNames } from '../../test-support/engine/baskets';
import { call, isRecord, loginAs, type Session } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { storedBasketRow } from '../../test-support/engine/snapshot';

/** A line as a till that applied the vouchers itself sends it: charged and shelf price. */
const chargedItem = (code: string, charged: number, original: number, quantity: number) =>
  item(code, charged, quantity, { item_original_price: original });

describeEachDatabase('what the till charged, and the member it names', (database) => {
  let engine: TestEngine;
  let till: Session;
  const price = (body: unknown) =>
    call(engine.url, '/auth/get-basket-price', { json: body, session: till });
  const confirm = (body: unknown) =>
    call(engine.url, '/auth/add-basket', { json: body, session: till });

  beforeEach(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
  });
  afterEach(async () => engine.close());

  const db = () => engine.db.kysely;
  const voucherKeyOf = async (code: string) =>
    (
      await db()
        .selectFrom('vouchers')
        .select('voucher_key')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).voucher_key;
  /** A claimed €-amount voucher in the demo's fixed-amount campaign, of member 1000001 unless told. */
  const issueVoucher = async (
    code: string,
    amount: number,
    options: { memberNumber?: string | null; expiresAt?: number } = {},
  ) => {
    const { campaign_id } = await db()
      .selectFrom('vouchers')
      .select('campaign_id')
      .where('code', '=', 'DEMO-5EUR')
      .executeTakeFirstOrThrow();
    const actor = { chainId: 1, role: 'privileged' as const, name: 'test', accountId: null };
    const input = {
      chainId: 1,
      campaignId: campaign_id,
      memberNumber: options.memberNumber === undefined ? '1000001' : options.memberNumber,
      code,
      claimed: true,
      amount,
      ...(options.expiresAt === undefined ? {} : { expiresAt: options.expiresAt }),
    };
    return expectOk(await createVoucher(db(), actor, input, Date.now())).key;
  };
  const issueMemberVoucher = (code: string, amount: number) => issueVoucher(code, amount);
  const storedBasket = (code: string) => storedBasketRow(db(), code);
  const shares = (basketCode: string) =>
    db()
      .selectFrom('basket_item_vouchers')
      .innerJoin('baskets', 'baskets.id', 'basket_item_vouchers.basket_id')
      .select(['basket_item_vouchers.discount'])
      .where('baskets.retailer_basket_code', '=', basketCode)
      .orderBy('basket_item_vouchers.discount', 'desc')
      .execute();

  it('the "ARTS POSLog" basket: the voucher the till already took off is redeemed once, not taken off again', async () => {
    const key = await issueMemberVoucher('POSLOG-25', 2500);
    const answer = await confirm(
      basketRequest('POSLOG-0001', [{ ...chargedItem('1', 15, 20, 5), item_subtotal: 75 }], {
        vouchers: [{ voucher_key: key }],
        extra: { basket_total_price: 75 },
      }),
    );
    expect(answer.status).toBe(200);
    expect(warningNames(answer.body)).toEqual([]);
    expect(answer.body).toMatchObject({
      results: {
        basket: {
          basket_total_price: 75,
          basket_total_discount: 25,
          basket_total_adjusted_price: 75,
          basket_items: [{ item_price: 15, item_original_price: 20, item_adjusted_subtotal: 75 }],
        },
        vouchers_redeemed: [{ voucher_key: key, voucher_amount_redeemed: 25 }],
      },
    });
    const { basket, items } = await storedBasket('POSLOG-0001');
    expect(basket).toMatchObject({ total_charged: 7500, total_gross: 10000, total_discount: 2500 });
    expect(items).toMatchObject([{ unit_price: 2000, charged_unit_price: 1500 }]);
    const voucher = await db()
      .selectFrom('vouchers')
      .select(['amount_redeemed', 'redeemed_basket_id'])
      .where('voucher_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(voucher).toEqual({ amount_redeemed: 2500, redeemed_basket_id: basket.id });
    expect(await shares('POSLOG-0001')).toEqual([{ discount: 2500 }]);
  });

  it('priced first, then confirmed at the prices the engine gave: the discount is recorded once', async () => {
    const priced = await price(basketRequest('ORD-0001', [item('a', 20, 5)]));
    expect(priced.body).toMatchObject({
      results: {
        basket: {
          basket_total_price: 100,
          basket_total_adjusted_price: 85,
          basket_items: [{ item_adjusted_price: 17, item_adjusted_subtotal: 85 }],
        },
      },
    });
    const vouchers = appliedKeys(priced.body).map((voucher_key) => ({ voucher_key }));
    const answer = await confirm(
      basketRequest('ORD-0001', [chargedItem('a', 17, 20, 5)], {
        vouchers,
        extra: { basket_total_price: 85 },
      }),
    );
    expect(warningNames(answer.body)).toEqual([]);
    expect(answer.body).toMatchObject({
      results: {
        basket: {
          basket_total_price: 85,
          basket_total_discount: 15,
          basket_total_adjusted_price: 85,
        },
      },
    });
    const { basket, items } = await storedBasket('ORD-0001');
    expect(basket).toMatchObject({ total_discount: 1500, total_charged: 8500 });
    expect(items).toMatchObject([{ unit_price: 2000, charged_unit_price: 1700, discount: 1500 }]);
    expect(await shares('ORD-0001')).toEqual([{ discount: 1000 }, { discount: 500 }]);
  });

  it('a unit price rounded by the till is within the tolerance; a charge beyond it is warned about, and stored', async () => {
    const fiver = [{ voucher_key: await voucherKeyOf('DEMO-5EUR') }];
    // 3 × 10.00 less €5.00 is 25.00; the till shows 8.33 a unit and charges 24.99
    const rounded = await confirm(
      basketRequest('TOL-0001', [chargedItem('a', 8.33, 10, 3)], {
        vouchers: fiver,
        extra: { basket_total_price: 24.99 },
      }),
    );
    expect(warningNames(rounded.body)).toEqual([]);

    const tenPct = [{ voucher_key: await voucherKeyOf('DEMO-10PCT') }];
    // 20.00 less 10 % is 18.00: the till charged 19.00, which is neither the net nor the shelf price
    const answer = await confirm(
      basketRequest('TOL-0002', [{ ...chargedItem('a', 19, 20, 1), item_subtotal: 19 }], {
        vouchers: tenPct,
        extra: { basket_total_price: 19 },
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.warnings).toMatchObject([
      {
        code: 1202,
        name: 'basket_price_mismatch',
        message: { key: 'a', field: 'item_price', amount_charged: 19, amount_priced: 18 },
      },
      { name: 'basket_price_mismatch', message: { key: 'a', field: 'item_subtotal' } },
      {
        name: 'basket_price_mismatch',
        message: { field: 'basket_total_price', amount_charged: 19, amount_priced: 18 },
      },
    ]);
    expect(answer.body).toMatchObject({
      results: { basket: { basket_total_price: 19, basket_total_adjusted_price: 18 } },
    });
    const { basket } = await storedBasket('TOL-0002');
    expect(basket).toMatchObject({ total_charged: 1900, total_discount: 200 });
  });

  it('a till that keeps lines at the shelf price and takes the vouchers off the total is not warned about', async () => {
    const tenPct = [{ voucher_key: await voucherKeyOf('DEMO-10PCT') }];
    // 2 × 20.00 less 10 % is 36.00: the lines stay at 20.00, the customer pays 36.00
    const withTotal = await confirm(
      basketRequest('SHELF-0001', [{ ...chargedItem('a', 20, 20, 2), item_subtotal: 40 }], {
        vouchers: tenPct,
        extra: { basket_total_price: 36 },
      }),
    );
    expect(withTotal.status).toBe(200);
    expect(warningNames(withTotal.body)).toEqual([]);
    expect((await storedBasket('SHELF-0001')).basket).toMatchObject({
      total_charged: 3600,
      total_discount: 400,
    });

    // a line without item_original_price, and no total: the lines as charged are echoed
    const fiver = [{ voucher_key: await voucherKeyOf('DEMO-5EUR') }];
    const withoutTotal = await confirm(
      basketRequest('SHELF-0002', [item('a', 20, 2)], { vouchers: fiver }),
    );
    expect(withoutTotal.status).toBe(200);
    expect(warningNames(withoutTotal.body)).toEqual([]);
    expect(withoutTotal.body).toMatchObject({
      results: { basket: { basket_total_price: 40, basket_total_adjusted_price: 35 } },
    });
    expect((await storedBasket('SHELF-0002')).basket).toMatchObject({
      total_charged: 4000,
      total_discount: 500,
    });
  });

  it('an unknown member number does not refuse a paid sale: it is stored anonymously, with a warning', async () => {
    const priced = await price(basketRequest('ANON-0001', [item('a', 10)], { member: '999' }));
    expect(priced.status).toBe(200);
    expect(priced.body.warnings).toMatchObject([
      { code: 1203, name: 'member_not_found', message: { key: '999' } },
    ]);
    const answer = await confirm(basketRequest('ANON-0001', [item('a', 10)], { member: '999' }));
    expect(answer.status).toBe(200);
    expect(warningNames(answer.body)).toEqual(['member_not_found']);
    expect(answer.body).toMatchObject({
      results: { user: { member_number: '999' }, basket: { basket_total_adjusted_price: 10 } },
    });
    const { basket } = await storedBasket('ANON-0001');
    expect(basket).toMatchObject({ member_id: null, total_charged: 1000 });
  });

  it('another programme’s card with a member’s number gets none of that member’s vouchers', async () => {
    const otherCard = {
      ...basketRequest('CARD-0001', [item('a', 20)]),
      user: { member_programme: 'other-club', member_number: '1000001' },
    };
    const priced = await price(otherCard);
    expect(priced.status).toBe(200);
    expect(appliedKeys(priced.body)).toEqual([]);
    expect(priced.body.warnings).toMatchObject([
      {
        code: 1204,
        name: 'member_programme_not_supported',
        message: { key: '1000001', member_programme: 'other-club' },
      },
    ]);
    const locked = await db()
      .selectFrom('vouchers')
      .select('code')
      .where('lock_until', 'is not', null)
      .execute();
    expect(locked).toEqual([]);

    const stored = await confirm({
      ...otherCard,
      basket: { ...otherCard.basket, basket_vouchers: [{ voucher_code: 'DEMO-10PCT' }] },
    });
    expect(stored.status).toBe(200);
    expect(warningNames(stored.body)).toEqual([
      'member_programme_not_supported',
      'voucher_wrong_owner',
    ]);
    expect(await storedBasket('CARD-0001')).toMatchObject({
      basket: { member_id: null, total_discount: 0 },
    });

    // the programme's name in any case names this engine's members
    const ownCard = {
      ...basketRequest('CARD-0002', [item('a', 20)]),
      user: { member_programme: 'SPAAZA', member_number: '1000001' },
    };
    expect(appliedKeys((await price(ownCard)).body)).toHaveLength(2);
  });

  it('stores when, where, by whom and how the sale was paid and taxed', async () => {
    const answer = await confirm({
      ...basketRequest('FACTS-0001', [item('a', 30.5)], { member: null }),
      entity: {
        entity_type: 'chain',
        entity_id: 1,
        branch_business_owner_code: 'S001',
        employee_code: 'E042',
        employee_name: 'Chris Cashier',
      },
      basket: {
        ...basketRequest('FACTS-0001', [item('a', 30.5)], { member: null }).basket,
        basket_platform_type: 'online',
        basket_timestamp_iso8601: '2026-11-23T14:07:14+01:00',
        basket_timezone_name: 'Europe/Amsterdam',
        shipping_charge: 4.95,
        payment_methods: [
          { payment_method: 'cash', payment_amount: 10 },
          { payment_method: 'mastercard', payment_amount: 25.45 },
        ],
        basket_tax: [{ tax_rate: 0.21, tax_total: 6.16 }],
        basket_notes: 'gift wrap',
      },
    });
    expect(answer.status).toBe(200);
    expect(warningNames(answer.body)).toEqual([]);
    const { basket } = await storedBasket('FACTS-0001');
    expect(basket).toMatchObject({
      sold_at: Date.parse('2026-11-23T13:07:14Z'),
      timezone: 'Europe/Amsterdam',
      platform_type: 'online',
      employee_code: 'E042',
      employee_name: 'Chris Cashier',
      notes: 'gift wrap',
      // no basket_total_price: the charged line and the shipping charge
      total_charged: 3545,
    });
    expect(JSON.parse(basket.payment_methods_json ?? 'null')).toEqual([
      { method: 'cash', amount: 1000 },
      { method: 'mastercard', amount: 2545 },
    ]);
    expect(JSON.parse(basket.tax_json ?? 'null')).toEqual([{ rate: 0.21, total: 616 }]);

    const untimed = await confirm(
      basketRequest('FACTS-0002', [item('a', 1)], {
        member: null,
        extra: { basket_timestamp_iso8601: '' },
      }),
    );
    expect(untimed.status).toBe(200);
    const stored = await storedBasket('FACTS-0002');
    expect(stored.basket.sold_at).toBe(stored.basket.created_at);
  });

  it('get-basket-price foresees the voucher add-basket would create, stores nothing, and reports no purchase progress', async () => {
    const before = await db().selectFrom('vouchers').select('id').orderBy('id').execute();
    const priced = await price(basketRequest('PROV-0001', [item('a', 3)]));
    const fiverKey = await voucherKeyOf('DEMO-5EUR');
    expect(priced.body).toMatchObject({
      results: {
        purchase_progress: [],
        // 10 % of 3.00 leaves 2.70; the €5.00 voucher covers it and 2.30 is left
        vouchers_created: [
          {
            voucher_provisional: true,
            voucher_type: 'basket',
            voucher_amount: 2.3,
            member_number: '1000001',
            parent_voucher: { voucher_key: fiverKey },
          },
        ],
      },
    });
    expect(priced.body).not.toMatchObject({
      results: { vouchers_created: [{ voucher_key: expect.any(String) as unknown }] },
    });
    expect(await db().selectFrom('vouchers').select('id').orderBy('id').execute()).toEqual(before);

    const stored = await confirm(
      basketRequest('PROV-0001', [item('a', 3)], {
        vouchers: appliedKeys(priced.body).map((voucher_key) => ({ voucher_key })),
      }),
    );
    expect(stored.body).toMatchObject({
      results: {
        vouchers_created: [{ voucher_amount: 2.3, parent_voucher: { voucher_key: fiverKey } }],
      },
    });
  });

  it('the remainder get-basket-price foresees is the one add-basket stores: amount, expiry and owner', async () => {
    const DAY = 86_400_000;
    await db()
      .updateTable('chains')
      .set({ child_voucher_min_days: 30 })
      .where('id', '=', 1)
      .execute();
    const soon = Date.now() + 2 * DAY;
    const late = Date.now() + 90 * DAY;
    const ownKey = await issueVoucher('OWN-5', 500, { memberNumber: '1000002', expiresAt: late });
    const bearerKey = await issueVoucher('BEARER-4', 400, { memberNumber: null, expiresAt: soon });
    const nobodyKey = await issueVoucher('BEARER-6', 600, { memberNumber: null, expiresAt: late });
    const foreseenThenStored = async (
      code: string,
      voucherCode: string,
      parentKey: string,
      member: string | null,
    ) => {
      const vouchers = [{ voucher_code: voucherCode }];
      const request = basketRequest(code, [item('a', 1.5)], { member, vouchers });
      // confirmed as the till charges it: the shelf price, and nothing left to pay
      const charged = basketRequest(code, [chargedItem('a', 0, 1.5, 1)], {
        member,
        vouchers,
        extra: { basket_total_price: 0 },
      });
      const before = Date.now();
      const priced = await price(request);
      const between = Date.now();
      const stored = await confirm(charged);
      const after = Date.now();
      expect(priced.status).toBe(200);
      expect(warningNames(stored.body)).not.toContain('basket_price_mismatch');
      // a member's own claimed vouchers apply too; this is the remainder of the one named
      const remainder = (body: Record<string, unknown>) => {
        const created = isRecord(body.results) ? body.results.vouchers_created : undefined;
        const list: unknown[] = Array.isArray(created) ? created : [];
        const ofParent = list.filter(
          (voucher): voucher is Record<string, unknown> =>
            isRecord(voucher) &&
            isRecord(voucher.parent_voucher) &&
            voucher.parent_voucher.voucher_key === parentKey,
        );
        expect(ofParent).toHaveLength(1);
        return ofParent[0] ?? {};
      };
      return {
        foreseen: remainder(priced.body),
        created: remainder(stored.body),
        pricedWithin: [before, between] as const,
        storedWithin: [between, after] as const,
      };
    };
    const seconds = (instant: number) => Math.floor(instant / 1000) * 1000;
    const utc = (text: unknown) => Date.parse(`${String(text).replace(' ', 'T')}Z`);

    // a member's voucher lasting longer than the minimum: its remainder keeps the parent's expiry
    const own = await foreseenThenStored('PROV-OWN', 'OWN-5', ownKey, '1000002');
    expect(own.foreseen).toMatchObject({ voucher_amount: 3.5, member_number: '1000002' });
    expect(own.created).toMatchObject({
      voucher_amount: own.foreseen.voucher_amount,
      member_number: own.foreseen.member_number,
      voucher_expiry_datetime_utc: own.foreseen.voucher_expiry_datetime_utc,
    });
    expect(utc(own.created.voucher_expiry_datetime_utc)).toBe(seconds(late));

    // a bearer voucher used by a member: the remainder is the member's, and lasts the minimum
    const bearer = await foreseenThenStored('PROV-BEARER', 'BEARER-4', bearerKey, '1000002');
    expect(bearer.foreseen).toMatchObject({ voucher_amount: 2.5, member_number: '1000002' });
    expect(bearer.created).toMatchObject({ voucher_amount: 2.5, member_number: '1000002' });
    const [pricedFrom, pricedTo] = bearer.pricedWithin;
    const foreseenExpiry = utc(bearer.foreseen.voucher_expiry_datetime_utc);
    expect(foreseenExpiry).toBeGreaterThanOrEqual(seconds(pricedFrom + 30 * DAY));
    expect(foreseenExpiry).toBeLessThanOrEqual(pricedTo + 30 * DAY);
    const [storedFrom, storedTo] = bearer.storedWithin;
    const storedExpiry = utc(bearer.created.voucher_expiry_datetime_utc);
    expect(storedExpiry).toBeGreaterThanOrEqual(seconds(storedFrom + 30 * DAY));
    expect(storedExpiry).toBeLessThanOrEqual(storedTo + 30 * DAY);

    // a bearer voucher in an anonymous basket: the remainder has no owner either
    const nobody = await foreseenThenStored('PROV-NOBODY', 'BEARER-6', nobodyKey, null);
    expect(nobody.foreseen).toMatchObject({ voucher_amount: 4.5, member_number: null });
    expect(nobody.created).toMatchObject({
      voucher_amount: 4.5,
      member_number: null,
      voucher_expiry_datetime_utc: nobody.foreseen.voucher_expiry_datetime_utc,
    });
  });
});
