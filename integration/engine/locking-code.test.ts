import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedKeys, basketRequest, item, warningNames } from '../../test-support/engine/baskets';
import { call, isRecord, loginAs, type Session } from '../../test-support/engine/client';
import { issueDemoVoucher } from '../../test-support/engine/demo-vouchers';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

/*
 * voucher_locking_code on the basket calls: a client whose basket code is not known when it
 * prices presents a locking code instead, and the lock is bound to that code.
 */
describeEachDatabase('voucher_locking_code on get-basket-price and add-basket', (database) => {
  let engine: TestEngine;
  let till: Session;
  let otherTill: Session;
  let seq = 0;
  const next = () => (seq += 1);
  const code = () => `S001-01-20261124-${String(next()).padStart(4, '0')}`;
  const price = (body: unknown, session = till) =>
    call(engine.url, '/auth/get-basket-price', { json: body, session });
  const confirm = (body: unknown, session = till) =>
    call(engine.url, '/auth/add-basket', { json: body, session });

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    otherTill = await loginAs(engine.url, 'manager-s001', 'demo-manager');
  });
  afterAll(async () => engine.close());

  /** A fresh anonymous €5.00 voucher, scanned by its code, in a basket under `lockingCode`. */
  async function scannedVoucher() {
    const voucherCode = `LOCKCODE-${String(next())}`;
    const key = await issueDemoVoucher(engine.db.kysely, voucherCode, 500);
    const basket = (
      basketCode: string | null,
      lockingCode: string | null,
      options: { exclusive?: boolean; withVoucher?: boolean; charged?: number } = {},
    ) => {
      // the shelf price is 20.00; a till that took the voucher off charges less
      const line = item('a', options.charged ?? 20, 1, { item_original_price: 20 });
      const request = basketRequest(basketCode ?? '', [line], {
        member: null,
        vouchers: options.withVoucher === false ? [] : [{ voucher_code: voucherCode }],
        extra: {
          basket_voucher_lock_exclusively: options.exclusive ?? true,
          ...(lockingCode === null ? {} : { voucher_locking_code: lockingCode }),
        },
      });
      if (basketCode !== null) return request;
      const rest: Record<string, unknown> = { ...request.basket };
      delete rest.retailer_basket_code;
      return { ...request, basket: rest };
    };
    return { key, basket };
  }

  const lockOf = async (key: string) =>
    engine.db.kysely
      .selectFrom('vouchers')
      .select(['lock_until', 'lock_basket_code', 'lock_code', 'burned_at'])
      .where('voucher_key', '=', key)
      .executeTakeFirstOrThrow();

  const redeemedKeys = (body: Record<string, unknown>): string[] => {
    const results = body.results;
    const redeemed = isRecord(results) ? results.vouchers_redeemed : undefined;
    return Array.isArray(redeemed)
      ? redeemed.flatMap((voucher: unknown) =>
          isRecord(voucher) && typeof voucher.voucher_key === 'string' ? [voucher.voucher_key] : [],
        )
      : [];
  };

  describe('pricing', () => {
    it('locks under the code; the lock keeps out a sale without it, even under the same basket code', async () => {
      const voucher = await scannedVoucher();
      const basketCode = code();
      const priced = await price(voucher.basket(basketCode, 'L-PRICE-1'));
      expect(appliedKeys(priced.body)).toEqual([voucher.key]);
      expect(await lockOf(voucher.key)).toMatchObject({ lock_code: 'L-PRICE-1' });

      const noCode = await price(voucher.basket(basketCode, null), otherTill);
      expect(appliedKeys(noCode.body)).toEqual([]);
      expect(warningNames(noCode.body)).toEqual(['voucher_locking_code_mismatch']);
    });

    it('a sale presenting the code uses the lock under another basket code, or none', async () => {
      const voucher = await scannedVoucher();
      await price(voucher.basket(code(), 'L-PRICE-2'));
      const elsewhere = await price(voucher.basket(code(), 'L-PRICE-2'), otherTill);
      expect(warningNames(elsewhere.body)).toEqual([]);
      expect(appliedKeys(elsewhere.body)).toEqual([voucher.key]);
      const noBasketCode = await price(voucher.basket(null, 'L-PRICE-2'));
      expect(warningNames(noBasketCode.body)).toEqual([]);
      expect(appliedKeys(noBasketCode.body)).toEqual([voucher.key]);
    });

    it('a wrong locking code is refused as voucher_locking_code_mismatch, with locked_until', async () => {
      const voucher = await scannedVoucher();
      const basketCode = code();
      await price(voucher.basket(basketCode, 'L-RIGHT'));
      const before = await lockOf(voucher.key);
      const wrong = await price(voucher.basket(basketCode, 'L-WRONG'), otherTill);
      expect(appliedKeys(wrong.body)).toEqual([]);
      expect(wrong.body.warnings).toMatchObject([
        {
          code: 1106,
          name: 'voucher_locking_code_mismatch',
          message: {
            key: voucher.key,
            locked_until: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) as unknown,
          },
        },
      ]);
      expect(await lockOf(voucher.key)).toEqual(before);
    });

    it('binds to the code whatever basket_voucher_lock_exclusively says', async () => {
      const voucher = await scannedVoucher();
      await price(voucher.basket(code(), 'L-NOT-EXCLUSIVE', { exclusive: false }));
      expect(await lockOf(voucher.key)).toMatchObject({
        lock_basket_code: null,
        lock_code: 'L-NOT-EXCLUSIVE',
      });
      const other = await price(voucher.basket(code(), 'L-OTHER'), otherTill);
      expect(warningNames(other.body)).toEqual(['voucher_locking_code_mismatch']);
    });

    it('re-pricing with the same code but without the voucher releases it, under any basket code', async () => {
      const voucher = await scannedVoucher();
      await price(voucher.basket(code(), 'L-RELEASE'));
      const emptied = await price(
        voucher.basket(code(), 'L-RELEASE', { withVoucher: false }),
        otherTill,
      );
      expect(appliedKeys(emptied.body)).toEqual([]);
      expect(await lockOf(voucher.key)).toMatchObject({ lock_until: null, lock_code: null });
      const audits = await engine.db.kysely
        .selectFrom('audit_log')
        .innerJoin('vouchers', 'vouchers.id', 'audit_log.voucher_id')
        .select(['audit_log.action', 'audit_log.reason'])
        .where('vouchers.voucher_key', '=', voucher.key)
        .where('audit_log.action', 'in', ['lock', 'release'])
        .orderBy('audit_log.id')
        .execute();
      expect(audits).toEqual([
        { action: 'lock', reason: null },
        { action: 'release', reason: 'no longer in the basket' },
      ]);
      const anyone = await price(voucher.basket(code(), null), otherTill);
      expect(appliedKeys(anyone.body)).toEqual([voucher.key]);
    });

    it('re-pricing with the same code refreshes the lock without refusing itself', async () => {
      const voucher = await scannedVoucher();
      const basketCode = code();
      await price(voucher.basket(basketCode, 'L-REFRESH'));
      const again = await price(voucher.basket(basketCode, 'L-REFRESH'));
      expect(warningNames(again.body)).toEqual([]);
      expect(appliedKeys(again.body)).toEqual([voucher.key]);
      expect(await lockOf(voucher.key)).toMatchObject({ lock_code: 'L-REFRESH' });
    });

    it('re-pricing under another code leaves a lock of another code alone', async () => {
      const voucher = await scannedVoucher();
      await price(voucher.basket(code(), 'L-KEEP'));
      await price(voucher.basket(code(), 'L-SOMEONE-ELSE', { withVoucher: false }), otherTill);
      expect(await lockOf(voucher.key)).toMatchObject({ lock_code: 'L-KEEP' });
    });
  });

  describe('confirming', () => {
    it('add-basket under another basket code with the right locking code redeems the voucher', async () => {
      const voucher = await scannedVoucher();
      await price(voucher.basket(code(), 'L-SALE-1'));
      const stored = await confirm(voucher.basket(code(), 'L-SALE-1', { charged: 15 }));
      expect(stored.status).toBe(200);
      expect(warningNames(stored.body)).toEqual([]);
      expect(redeemedKeys(stored.body)).toEqual([voucher.key]);
      expect(await lockOf(voucher.key)).toMatchObject({ burned_at: expect.any(Number) as unknown });
    });

    it('add-basket with a wrong locking code is stored without the voucher, which stays held', async () => {
      const voucher = await scannedVoucher();
      const basketCode = code();
      await price(voucher.basket(basketCode, 'L-SALE-2'));
      const before = await lockOf(voucher.key);
      const stored = await confirm(voucher.basket(basketCode, 'L-NOT-IT'));
      expect(stored.status).toBe(200);
      expect(redeemedKeys(stored.body)).toEqual([]);
      expect(warningNames(stored.body)).toEqual(['voucher_locking_code_mismatch']);
      expect(await lockOf(voucher.key)).toEqual(before);
    });

    it('add-basket without a locking code cannot redeem a voucher held under one', async () => {
      const voucher = await scannedVoucher();
      const basketCode = code();
      await price(voucher.basket(basketCode, 'L-SALE-3'));
      const stored = await confirm(voucher.basket(basketCode, null));
      expect(redeemedKeys(stored.body)).toEqual([]);
      expect(warningNames(stored.body)).toEqual(['voucher_locking_code_mismatch']);
    });

    it('add-basket with the code releases the locks of that code it did not redeem', async () => {
      const voucher = await scannedVoucher();
      await price(voucher.basket(code(), 'L-SALE-4'));
      const stored = await confirm(voucher.basket(code(), 'L-SALE-4', { withVoucher: false }));
      expect(stored.status).toBe(200);
      expect(await lockOf(voucher.key)).toMatchObject({
        lock_until: null,
        lock_code: null,
        burned_at: null,
      });
      const other = await price(voucher.basket(code(), null), otherTill);
      expect(appliedKeys(other.body)).toEqual([voucher.key]);
    });
  });
});
