import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem, addVoucherCode } from '../sale/sale-state';
import {
  scriptedCore,
  type PriceAnswer,
  type ScriptedCore,
} from '../../test-support/till/scripted-core';
import { createSaleBook, HOLDING_RECHECK_WINDOW_MS } from './sale-book';

const MILK = { barcode: '8712345000011', name: 'Milk', unitPrice: 129, excluded: false };
const CODE = 'HONOUR-COFFEE-0001';
const KEY = 'a'.repeat(64);

let core: ScriptedCore;
let now = Date.parse('2026-12-03T12:00:00Z');
beforeEach(() => {
  core = scriptedCore();
  now = Date.parse('2026-12-03T12:00:00Z');
  Object.assign(core.context, { now: () => now });
});
afterEach(() => {
  core.dispose();
});

const milkLine = { lineId: 'line_1', discount: 0, net: 129, excluded: false, shares: [] };

/** The engine applied the voucher, locked to the basket. */
const appliedAnswer: PriceAnswer = {
  ok: true,
  warnings: [],
  value: {
    lines: [{ ...milkLine, discount: 129, net: 0, shares: [{ voucherKey: KEY, discount: 129 }] }],
    vouchers: [
      {
        key: KEY,
        code: CODE,
        type: 'honour',
        status: 'generated',
        title: 'Free coffee',
        campaignId: 1,
        exclusive: false,
        memberNumber: null,
        hasOwner: false,
        amount: null,
        ratio: null,
        honourCode: 'FREE-COFFEE',
        createdAt: null,
        redeemedAt: null,
        expiresAt: null,
        locked: true,
        lockedUntil: Date.parse('2026-12-03T12:05:00Z'),
        lockingCode: null,
        lockBasketCode: null,
        discount: 129,
        amountRemaining: 0,
      },
    ],
    totals: { gross: 129, discount: 129, net: 0 },
  },
};

/** The engine left the voucher off: a manager freed it from this basket. */
const freedAnswer: PriceAnswer = {
  ok: true,
  warnings: [
    {
      code: 'voucher_freed_by_manager',
      name: 'voucher_freed_by_manager',
      message: 'A manager freed this voucher from this sale.',
      voucherKey: KEY,
      voucherCode: CODE,
    },
  ],
  value: { lines: [milkLine], vouchers: [], totals: { gross: 129, discount: 0, net: 129 } },
};

const plainAnswer: PriceAnswer = {
  ok: true,
  warnings: [],
  value: { lines: [milkLine], vouchers: [], totals: { gross: 129, discount: 0, net: 129 } },
};

const answering = (outcome: PriceAnswer) => () => Promise.resolve(outcome);

function saleWithVoucher() {
  const book = createSaleBook(core.context);
  const entry = book.open();
  entry.sale.state = addVoucherCode(addItem(entry.sale.state, MILK), CODE);
  return { book, entry };
}

describe('a voucher a manager freed from this sale at another terminal', () => {
  it('leaves the sale: its code is dropped and the sale priced again at once without it, the refusal kept on screen', async () => {
    core.answers.push(answering(freedAnswer), answering(plainAnswer));
    const { entry } = saleWithVoucher();
    await entry.reprice();
    expect(core.priced.map((state) => state.voucherCodes)).toEqual([[CODE], []]);
    const { sale } = entry;
    expect(sale.state.voucherCodes).toEqual([]);
    expect(sale.pricedState).toBe(sale.state);
    expect(sale.view.applied).toEqual([]);
    expect(sale.view.rejected).toMatchObject([{ ref: CODE, reason: 'voucher_freed_by_manager' }]);
  });

  it('the refusal goes with the cashier’s next change, and a scan of the code after it is asked for anew', async () => {
    core.answers.push(answering(freedAnswer), answering(plainAnswer));
    const { entry } = saleWithVoucher();
    await entry.reprice();
    // what sale-service's change does
    entry.sale.state = addVoucherCode(entry.sale.state, CODE);
    entry.sale.freedRefusals = [];
    core.answers.push(answering(appliedAnswer));
    await entry.reprice();
    expect(core.priced.at(-1)?.voucherCodes).toEqual([CODE]);
    expect(entry.sale.view.rejected).toEqual([]);
    expect(entry.sale.view.applied.map((voucher) => voucher.code)).toEqual([CODE]);
  });
});

describe('rechecking the sales that hold vouchers', () => {
  it('prices again an idle sale the engine holds vouchers for, until a while after the cashier’s last change', async () => {
    core.answers.push(answering(appliedAnswer));
    const { book, entry } = saleWithVoucher();
    await entry.reprice();
    expect(core.priced).toHaveLength(1);

    core.answers.push(answering(appliedAnswer));
    book.repriceHolding();
    await entry.settled();
    expect(core.priced).toHaveLength(2);
    // the sale did not change: the recheck renews none of its locks
    expect(core.keptLockEnds).toEqual([false, true]);

    // long after the cashier's last change: the locks are left to run out
    now += HOLDING_RECHECK_WINDOW_MS + 1;
    book.repriceHolding();
    await entry.settled();
    expect(core.priced).toHaveLength(2);
  });

  it('leaves a sale that holds no voucher alone', async () => {
    core.answers.push(answering(plainAnswer));
    const { book, entry } = saleWithVoucher();
    await entry.reprice();
    book.repriceHolding();
    await entry.settled();
    expect(core.priced).toHaveLength(1);
  });
});
