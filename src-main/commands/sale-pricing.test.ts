import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem, addVoucherCode, setCustomer, emptied } from '../sale/sale-state';
import {
  pricedEmpty,
  scriptedCore,
  unavailable,
  type ScriptedCore,
} from '../../test-support/till/scripted-core';
import { createSaleBook } from './sale-book';
import { engineHoldsNothing, SLOW_PRICING_ATTEMPTS } from './sale-pricing';

const MILK = { barcode: '8712345000011', name: 'Milk', unitPrice: 129, excluded: false };

let core: ScriptedCore;
beforeEach(() => {
  core = scriptedCore();
});
afterEach(() => {
  core.dispose();
});

const answer = (outcome: ReturnType<typeof unavailable>) => () => Promise.resolve(outcome);
const noticeCodes = (codes: { code: string }[]) => codes.map((notice) => notice.code);

/** A sale in a fresh book with one line scanned, its pricing started. */
function scannedSale() {
  const entry = createSaleBook(core.context).open();
  entry.sale.state = setCustomer(addItem(entry.sale.state, MILK), '1000001');
  return entry;
}

describe('pricing a sale', () => {
  it('an engine that times out while its probe answers gets every attempt, then the till prices the sale alone, online', async () => {
    for (let n = 0; n < SLOW_PRICING_ATTEMPTS; n += 1)
      core.answers.push(answer(unavailable('timeout')));
    const entry = scannedSale();
    await entry.reprice();
    expect(core.priced).toHaveLength(SLOW_PRICING_ATTEMPTS);
    expect(entry.sale.view.pricedBy).toBe('local');
    expect(entry.sale.pricedState).toBe(entry.sale.state);
    const notices = entry.sale.view.notices;
    expect(noticeCodes(notices)).toEqual([
      'engine_too_slow',
      // this store never reached the engine: no honour voucher can be checked
      'honour_cache_empty',
      'member_vouchers_offline',
    ]);
    expect(notices.at(-1)?.message).toMatch(/^The voucher engine gave no usable answer/);
    expect(core.connectivity.isOnline()).toBe(true);
    expect(entry.sale.unansweredPricing).toBe(true);
    expect(engineHoldsNothing(entry.sale)).toBe(false);
  });

  it('while a confirm waits, a slow engine gets one attempt', async () => {
    core.answers.push(answer(unavailable('timeout')));
    const entry = scannedSale();
    entry.sale.confirming = true;
    await entry.reprice();
    expect(core.priced).toHaveLength(1);
    expect(entry.sale.view.pricedBy).toBe('local');
  });

  it('a bad answer may follow a commit of locks: the sale is priced alone and counted as one the engine may hold', async () => {
    core.answers.push(answer(unavailable('bad_answer')));
    const entry = scannedSale();
    await entry.reprice();
    expect(core.priced).toHaveLength(1);
    expect(entry.sale.view.pricedBy).toBe('local');
    expect(entry.sale.unansweredPricing).toBe(true);
    expect(engineHoldsNothing(entry.sale)).toBe(false);
  });

  it('offline, the sale is priced alone at once and its notices say the till is offline', async () => {
    core.probeAnswers = false;
    core.answers.push(answer(unavailable('no_connection')));
    const entry = scannedSale();
    await entry.reprice();
    expect(core.connectivity.isOnline()).toBe(false);
    expect(entry.sale.view.notices.map((notice) => notice.message).join(' ')).toMatch(
      /the till is offline/i,
    );
    // the next change does not ask the engine
    await entry.reprice();
    expect(core.priced).toHaveLength(1);
  });

  it('the engine pricing the sale empty holds nothing for it any more', async () => {
    core.answers.push(answer(unavailable('bad_answer')), answer(pricedEmpty));
    const entry = scannedSale();
    await entry.reprice();
    entry.sale.state = emptied(entry.sale.state);
    await entry.reprice();
    expect(entry.sale.view.pricedBy).toBe('engine');
    expect(engineHoldsNothing(entry.sale)).toBe(true);
  });
});

describe('the sale book', () => {
  it('settled waits for every pricing in flight, and the sale stops waiting only then', async () => {
    let answerFirst: () => void = () => undefined;
    core.answers.push(
      () =>
        new Promise((resolve) => {
          answerFirst = () => {
            resolve(pricedEmpty);
          };
        }),
      answer(pricedEmpty),
    );
    const entry = scannedSale();
    void entry.reprice();
    void entry.reprice();
    let settled = false;
    const settling = entry.settled().then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(entry.sale.waitingSince).not.toBeNull();
    answerFirst();
    await settling;
    expect(core.priced).toHaveLength(2);
    expect(entry.sale.waitingSince).toBeNull();
  });

  it('a closed sale whose pricing is in flight is known as such until that pricing ends', async () => {
    let answerIt: () => void = () => undefined;
    core.answers.push(
      () =>
        new Promise((resolve) => {
          answerIt = () => {
            resolve(pricedEmpty);
          };
        }),
    );
    const book = createSaleBook(core.context);
    const entry = book.open();
    entry.sale.state = addItem(entry.sale.state, MILK);
    void entry.reprice();
    const { basketCode } = entry.sale.state;
    book.close(basketCode);
    expect(book.pricingInFlight(basketCode)).toBe(true);
    answerIt();
    await entry.settled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(book.pricingInFlight(basketCode)).toBe(false);
  });

  it('repriceStale prices again a sale the till priced alone, and leaves one the engine priced as it stands', async () => {
    core.answers.push(answer(unavailable('bad_answer')));
    const book = createSaleBook(core.context);
    const entry = book.open();
    entry.sale.state = addItem(entry.sale.state, MILK);
    await entry.reprice();
    expect(entry.sale.view.pricedBy).toBe('local');
    core.answers.push(answer(pricedEmpty));
    book.repriceStale();
    await entry.settled();
    expect(core.priced).toHaveLength(2);
    book.repriceStale();
    await entry.settled();
    expect(core.priced).toHaveLength(2);
  });

  it('a card the engine priced the sale without leaves the sale, with a notice naming it; the voucher scanned stays', async () => {
    const milkPriced: ReturnType<typeof unavailable> = {
      ok: true,
      warnings: [
        {
          code: 'member_not_found',
          name: 'member_not_found',
          message: 'The voucher engine does not know this loyalty card.',
        },
      ],
      value: {
        lines: [{ lineId: 'line_1', discount: 0, net: 129, excluded: false, shares: [] }],
        vouchers: [],
        totals: { gross: 129, discount: 0, net: 129 },
      },
    };
    core.answers.push(answer(milkPriced));
    const entry = scannedSale();
    entry.sale.state = addVoucherCode(entry.sale.state, 'HONOUR-COFFEE-0001');
    await entry.reprice();
    const { sale } = entry;
    expect(core.priced).toHaveLength(1);
    expect(sale.state.memberNumber).toBeNull();
    expect(sale.state.voucherCodes).toEqual(['HONOUR-COFFEE-0001']);
    // the answer is the till's last word for the sale as it now stands: nothing to price again
    expect(sale.pricedState).toBe(sale.state);
    expect(sale.view.customer).toBeNull();
    expect(sale.view.totals).toEqual({ gross: 129, discount: 0, net: 129 });
    expect(sale.view.notices).toEqual([
      {
        code: 'member_not_found',
        message: expect.stringContaining('1000001') as unknown,
        params: { memberNumber: '1000001' },
      },
    ]);
  });

  it('the card leaves the sale also when the cashier scanned on while it was being priced', async () => {
    let answerIt: (outcome: ReturnType<typeof unavailable>) => void = () => undefined;
    core.answers.push(
      () =>
        new Promise((resolve) => {
          answerIt = resolve;
        }),
      answer(pricedEmpty),
    );
    const entry = scannedSale();
    const first = entry.reprice();
    entry.sale.state = addItem(entry.sale.state, MILK);
    const second = entry.reprice();
    await new Promise((resolve) => setImmediate(resolve));
    answerIt({
      ok: true,
      warnings: [cardWarning('member_programme_not_supported')],
      value: { lines: [], vouchers: [], totals: { gross: 0, discount: 0, net: 0 } },
    });
    await Promise.all([first, second]);
    expect(entry.sale.state.memberNumber).toBeNull();
    expect(core.priced.map((state) => state.memberNumber)).toEqual(['1000001', null]);
  });
});

const cardWarning = (code: 'member_not_found' | 'member_programme_not_supported') => ({
  code,
  name: code,
  message: code,
});
