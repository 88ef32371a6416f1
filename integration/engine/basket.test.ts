import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appliedKeys, basketRequest, item, warningNames } from '../../test-support/engine/baskets';
import { call, isRecord, loginAs, type Session } from '../../test-support/engine/client';
import { issueDemoVoucher } from '../../test-support/engine/demo-vouchers';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

describeEachDatabase('get-basket-price and add-basket', (database) => {
  let engine: TestEngine;
  let till: Session;
  let otherTill: Session;
  let seq = 0;
  const code = () => `S001-01-20261123-${String((seq += 1)).padStart(4, '0')}`;
  const price = (body: unknown, session = till) =>
    call(engine.url, '/auth/get-basket-price', { json: body, session });
  const confirm = (body: unknown, session = till) =>
    call(engine.url, '/auth/add-basket', { json: body, session });

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    await call(engine.url, '/auth/login', { form: { username: 'admin', password: 'demo-admin' } });
    otherTill = await loginAs(engine.url, 'manager-s001', 'demo-manager');
  });
  afterAll(async () => engine.close());

  const burnedCodes = async () =>
    (
      await engine.db.kysely
        .selectFrom('vouchers')
        .select('code')
        .where('burned_at', 'is not', null)
        .execute()
    ).map((r) => r.code);

  describe('pricing', () => {
    let basketA: string;
    beforeEach(async () => {
      basketA = code();
      // free the member's vouchers from any earlier test's basket
      await engine.db.kysely
        .updateTable('vouchers')
        .set({ lock_until: null, lock_basket_code: null, lock_code: null })
        .execute();
    });

    it('applies member 1000001’s vouchers, percentage first, and locks them to the basket', async () => {
      const answer = await price(basketRequest(basketA, [item('line_1', 20), item('line_2', 30)]));
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        result: { code: 1, status: 'ok' },
        results: {
          basket: {
            basket_total_price: 50,
            basket_total_discount: 10, // 10 % of €50.00 = €5.00, then €5.00 fixed
            basket_total_adjusted_price: 40,
            basket_items: [
              {
                retailer_item_code: 'line_1',
                item_discount: 4,
                item_adjusted_subtotal: 16,
                item_adjusted_price: 16,
              },
              { retailer_item_code: 'line_2', item_discount: 6, item_adjusted_subtotal: 24 },
            ],
            basket_vouchers: [
              {
                voucher_code: 'DEMO-10PCT',
                voucher_applied_amount: 5,
                voucher_locked: true,
                voucher_retailer_basket_code_exclusive: basketA,
              },
              {
                voucher_code: 'DEMO-5EUR',
                voucher_applied_amount: 5,
                voucher_amount_remaining: 0,
                voucher_locked: true,
              },
            ],
          },
        },
      });
      const locks = await engine.db.kysely
        .selectFrom('vouchers')
        .select(['code', 'lock_basket_code'])
        .where('lock_until', 'is not', null)
        .execute();
      expect(locks.map((l) => [l.code, l.lock_basket_code]).sort()).toEqual([
        ['DEMO-10PCT', basketA],
        ['DEMO-5EUR', basketA],
      ]);
    });

    it('a voucher held for basket A is refused to basket B as voucher_locked, with locked_until', async () => {
      await price(basketRequest(basketA, [item('a', 10)]));
      const answer = await price(basketRequest(code(), [item('b', 10)]), otherTill);
      expect(answer.status).toBe(200);
      expect(appliedKeys(answer.body)).toEqual([]);
      expect(warningNames(answer.body)).toEqual(['voucher_locked', 'voucher_locked']);
      expect(answer.body.warnings).toMatchObject([
        {
          code: 1104,
          description: 'This voucher is held for another sale.',
          message: {
            locked_until: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) as unknown,
            // which basket holds it: the till names the other till from it
            locked_basket_code: basketA,
          },
        },
        { code: 1104 },
      ]);
    });

    it('re-pricing basket A without the customer releases its locks for basket B', async () => {
      await price(basketRequest(basketA, [item('a', 10)]));
      const emptied = await price(basketRequest(basketA, [], { member: null }));
      expect(appliedKeys(emptied.body)).toEqual([]);
      const answer = await price(basketRequest(code(), [item('b', 10)]), otherTill);
      expect(appliedKeys(answer.body)).toHaveLength(2);
      const released = await engine.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('basket_code', '=', basketA)
        .execute();
      expect(released.map((r) => r.action).sort()).toEqual(['lock', 'lock', 'release', 'release']);
    });

    it('re-pricing the same basket refreshes its locks without refusing itself', async () => {
      await price(basketRequest(basketA, [item('a', 10)]));
      const again = await price(basketRequest(basketA, [item('a', 10), item('b', 5)]));
      expect(warningNames(again.body)).toEqual([]);
      expect(appliedKeys(again.body)).toHaveLength(2);
    });

    it('a scanned code that matches nothing is a voucher_not_found warning, not an error', async () => {
      const answer = await price(
        basketRequest(basketA, [item('a', 10)], { vouchers: [{ voucher_code: 'NO-SUCH-CODE' }] }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body.warnings).toMatchObject([
        { code: 183, name: 'voucher_not_found', message: { key: 'NO-SUCH-CODE' } },
      ]);
    });

    it('an honour voucher scanned by code is listed with its honour code and no discount', async () => {
      const answer = await price(
        basketRequest(basketA, [item('a', 10)], {
          member: null,
          vouchers: [{ voucher_code: 'HONOUR-COFFEE-0009' }],
        }),
      );
      expect(answer.body).toMatchObject({
        results: {
          basket: {
            basket_total_discount: 0,
            basket_vouchers: [
              {
                voucher_type: 'honour',
                voucher_honour_code: 'FREE-COFFEE',
                voucher_applied_amount: 0,
              },
            ],
          },
        },
      });
    });
  });

  describe('confirming', () => {
    beforeEach(async () => {
      await engine.db.kysely
        .updateTable('vouchers')
        .set({ lock_until: null, lock_basket_code: null, lock_code: null })
        .execute();
    });

    it('redeems the priced vouchers once; a replay returns the stored result and redeems nothing again', async () => {
      const basketCode = code();
      const priced = await price(basketRequest(basketCode, [item('a', 12.5), item('b', 7.5)]));
      const vouchers = appliedKeys(priced.body).map((voucher_key) => ({ voucher_key }));
      const request = basketRequest(basketCode, [item('a', 12.5), item('b', 7.5)], { vouchers });
      const first = await confirm(request);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        results: {
          replayed: false,
          basket: {
            basket_total_price: 20,
            basket_total_discount: 7,
            basket_total_adjusted_price: 13,
          },
        },
      });
      const results = first.body.results;
      expect(
        isRecord(results) &&
          Array.isArray(results.vouchers_redeemed) &&
          results.vouchers_redeemed.length,
      ).toBe(2);
      expect((await burnedCodes()).sort()).toEqual(['DEMO-10PCT', 'DEMO-5EUR']);
      const redemptions = async () =>
        (
          await engine.db.kysely
            .selectFrom('audit_log')
            .select('id')
            .where('action', '=', 'redeem')
            .execute()
        ).length;
      const before = await redemptions();

      const replay = await confirm(request);
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({
        results: {
          replayed: true,
          basket: {
            basket_id:
              isRecord(results) && isRecord(results.basket) ? results.basket.basket_id : -1,
          },
        },
      });
      expect(await redemptions()).toBe(before);

      const different = await confirm(basketRequest(basketCode, [item('a', 99)]));
      expect(different.status).toBe(409);
      expect(different.body).toMatchObject({
        result: { code: 2, status: 'error' },
        error: { name: 'basket_already_exists' },
      });
    });

    it('storing a basket without a voucher it had priced releases that lock for another sale', async () => {
      await issueDemoVoucher(engine.db.kysely, 'RELEASE-ON-STORE', 500);
      const basketCode = code();
      const scanned = { member: null, vouchers: [{ voucher_code: 'RELEASE-ON-STORE' }] };
      const priced = await price(basketRequest(basketCode, [item('a', 10)], scanned));
      expect(appliedKeys(priced.body)).toHaveLength(1);
      // stored as an offline sale is: without the voucher the pricing had locked
      const stored = await confirm(basketRequest(basketCode, [item('a', 10)], { member: null }));
      expect(stored.status).toBe(200);
      const stillLocked = await engine.db.kysely
        .selectFrom('vouchers')
        .select('code')
        .where('lock_basket_code', '=', basketCode)
        .execute();
      expect(stillLocked).toEqual([]);
      const audits = await engine.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('basket_code', '=', basketCode)
        .execute();
      expect(audits.map((r) => r.action).sort()).toEqual(['lock', 'release']);
      const other = await price(basketRequest(code(), [item('b', 10)], scanned), otherTill);
      expect(warningNames(other.body)).toEqual([]);
      expect(appliedKeys(other.body)).toHaveLength(1);
    });

    it('a voucher already used elsewhere does not fail the sale: it is stored with a warning', async () => {
      const answer = await confirm(
        basketRequest(code(), [item('a', 10)], { vouchers: [{ voucher_code: 'DEMO-5EUR' }] }),
      );
      expect(answer.status).toBe(200);
      expect(warningNames(answer.body)).toEqual(['voucher_already_redeemed']);
      expect(answer.body).toMatchObject({
        results: { basket: { basket_total_adjusted_price: 10 }, vouchers_redeemed: [] },
      });
    });

    const fixedVoucher = (code: string, amount: number) =>
      issueDemoVoucher(engine.db.kysely, code, amount);

    it('issues what is left of a bigger fixed voucher as a new voucher whose parent is the old one', async () => {
      const key = await fixedVoucher('REMAINDER-TEST', 500);
      const answer = await confirm(
        basketRequest(code(), [item('a', 3)], {
          member: null,
          vouchers: [{ voucher_code: 'REMAINDER-TEST' }],
        }),
      );
      expect(answer.body).toMatchObject({
        results: {
          basket: { basket_total_adjusted_price: 0 },
          vouchers_redeemed: [
            {
              voucher_code: 'REMAINDER-TEST',
              voucher_amount_redeemed: 3,
              voucher_status: 'redeemed',
            },
          ],
          vouchers_created: [
            {
              voucher_type: 'basket',
              voucher_amount: 2,
              voucher_status: 'claimed',
              parent_voucher: { voucher_key: key },
            },
          ],
        },
      });
    });

    it('a return issues a voucher for the share of the discount the returned items carried', async () => {
      const key = await fixedVoucher('RETURN-TEST', 600);
      const purchase = code();
      const bought = await confirm(
        basketRequest(purchase, [item('shirt', 10, 2), item('socks', 5)], {
          member: null,
          vouchers: [{ voucher_code: 'RETURN-TEST' }],
        }),
      );
      // €6.00 over €20.00 + €5.00 by largest remainder: €4.80 on the shirts, €1.20 on the socks
      expect(bought.body).toMatchObject({
        results: { basket: { basket_items: [{ item_discount: 4.8 }, { item_discount: 1.2 }] } },
      });
      const returnLine = item('r1', -10, 1, {
        return_item: true,
        original_retailer_basket_code: purchase,
        original_retailer_item_code: 'shirt',
      });
      const returned = await confirm(basketRequest(code(), [returnLine], { member: null }));
      // one of two shirts: half of €4.80
      expect(returned.body).toMatchObject({
        results: {
          vouchers_created: [
            {
              voucher_amount: 2.4,
              parent_voucher: { voucher_key: key },
              voucher_status: 'claimed',
            },
          ],
        },
      });
      // one shirt is left: two are refused, and nothing of that basket is stored
      const tooMany = code();
      const refused = await confirm(
        basketRequest(tooMany, [{ ...returnLine, item_quantity: 2 }], { member: null }),
      );
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        error: { code: 1520, name: 'return_exceeds_purchase' },
      });
      const stored = await call(engine.url, '/get-receipts', {
        query: { retailer_basket_code: tooMany },
        session: till,
      });
      expect(stored.body).toMatchObject({ results: { results_count_total: 0 } });
      // the other shirt can be returned once more, but not a third one
      const again = await confirm(basketRequest(code(), [returnLine], { member: null }));
      expect(again.body).toMatchObject({
        results: { vouchers_created: [{ voucher_amount: 2.4 }] },
      });
      const third = await confirm(basketRequest(code(), [returnLine], { member: null }));
      expect(third.status).toBe(409);
      expect(third.body).toMatchObject({ error: { name: 'return_exceeds_purchase' } });
      // the receipt of the purchase keeps each line's voucher shares and what came back
      const receipt = await call(engine.url, '/get-receipts', {
        query: { retailer_basket_code: purchase },
        session: till,
      });
      expect(receipt.body).toMatchObject({
        results: {
          receipts: [
            {
              basket_items: [
                {
                  retailer_item_code: 'shirt',
                  item_returned_quantity: 2,
                  item_voucher_shares: [
                    { voucher_key: key, voucher_code: 'RETURN-TEST', discount: 4.8 },
                  ],
                },
                { retailer_item_code: 'socks', item_voucher_shares: [{ discount: 1.2 }] },
              ],
            },
          ],
        },
      });
    });

    it('a return charged at what was paid for the line (less the shares that come back) is no mismatch', async () => {
      await fixedVoucher('RETURN-CHARGE', 600);
      const purchase = code();
      await confirm(
        basketRequest(purchase, [item('shirt', 10, 2), item('socks', 5)], {
          member: null,
          vouchers: [{ voucher_code: 'RETURN-CHARGE' }],
        }),
      );
      const returnLine = item('r1', -10, 1, {
        return_item: true,
        original_retailer_basket_code: purchase,
        original_retailer_item_code: 'shirt',
      });
      // one shirt: €10.00 less its €2.40 share, which comes back as a voucher
      const answer = await confirm(
        basketRequest(code(), [returnLine], { member: null, extra: { basket_total_price: -7.6 } }),
      );
      expect(answer.status).toBe(200);
      expect(warningNames(answer.body)).toEqual([]);
    });

    it('an unmatched return line is excluded and warned about', async () => {
      const answer = await confirm(
        basketRequest(
          code(),
          [
            item('r1', -10, 1, {
              return_item: true,
              original_retailer_basket_code: 'NO-SUCH-BASKET',
              original_retailer_item_code: 'x',
            }),
          ],
          { member: null },
        ),
      );
      expect(answer.status).toBe(200);
      expect(warningNames(answer.body)).toEqual(['original_basket_item_not_found']);
      expect(answer.body).toMatchObject({
        results: {
          basket: { basket_items: [{ excluded_from_spaaza: true }], basket_total_price: -10 },
        },
      });
    });
  });
});
