import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src-shared/money';
import { REJECTION_CODES, rejectionMessage } from '../../src-shared/pricing/reasons';
import type { SaleView } from '../../src-shared/till';
import { getBasketPriceRequestSchema, toSpaazaDateTime } from '../../src-shared/wire';
import { markHonourUsedLocally } from '../../src-main/store';
import { DEMO_FEED_KEY } from '../../src-engine/domain/demo-feed-key';
import {
  loginOk,
  ok,
  startFakeEngine,
  type FakeAnswer,
  type FakeEngine,
} from '../../test-support/till/fake-engine';
import { openTillStore } from '../../test-support/till/offline-till';
import { signedFeedAnswer } from '../../test-support/till/signed-feed';
import { settledSale } from '../../test-support/till/settled-sale';
import {
  startTestTill,
  TILL_ONE,
  valueOf,
  type TestTill,
} from '../../test-support/till/till-harness';

// What the cashier reads for every refusal, as the till's command map answers the screen: the
// engine's refusals in the shared words, the till core's own refusals in its specific words.

const MILK = '8712345000011'; // 1.29
const CACHED = 'HONOUR-TEA-0001';
const VALUE = 'VALUE-FIVE-OFF';
const LOCK_END = Date.UTC(2030, 0, 1, 12, 5, 0);
const money = (minor: number) => formatMoney(minor, 'EUR', 'nl-NL');
const key = (n: number) => n.toString(16).padStart(64, '0');
/** The code a test scans to have the engine refuse it for `reason`. */
const codeFor = (reason: string) => reason.toUpperCase().replaceAll('_', '-');

const honourVoucher = {
  voucher_key: key(1),
  voucher_code: CACHED,
  voucher_type: 'honour',
  voucher_status: 'claimed',
  voucher_locked: false,
  voucher_honour_code: 'FREE-TEA',
  voucher_title: 'Free tea',
};
const valueVoucher = {
  voucher_key: key(2),
  voucher_code: VALUE,
  voucher_type: 'basket',
  voucher_status: 'claimed',
  voucher_locked: true,
  voucher_amount: 1,
  voucher_title: '€1.00 off',
};

/** get-basket-price as the engine answers it: one warning per refused code, VALUE applied (prices left as they are). */
function pricedBasket(body: unknown) {
  const { basket } = getBasketPriceRequestSchema.parse(body);
  const codes = (basket.basket_vouchers ?? []).flatMap((ref) => ref.voucher_code ?? []);
  const total = basket.basket_items.reduce((sum, item) => sum + item.item_price, 0);
  const applyValue = codes.includes(VALUE);
  return {
    results: {
      basket: {
        ...basket,
        basket_items: basket.basket_items.map((item) => ({
          ...item,
          retailer_item_code: item.retailer_item_code ?? 'line_1',
          item_adjusted_price: item.item_price,
          item_adjusted_subtotal: item.item_price,
          item_discount: 0,
          item_vouchers: [],
        })),
        basket_vouchers: applyValue
          ? [{ ...valueVoucher, voucher_applied_amount: 1, voucher_amount_remaining: 0 }]
          : [],
        basket_total_price: total,
        basket_total_discount: 0,
        basket_total_adjusted_price: total,
      },
    },
    warnings: REJECTION_CODES.filter((reason) => codes.includes(codeFor(reason))).map((reason) => ({
      code: 1100,
      name: reason,
      description: `engine words for ${reason}`,
      message: {
        key: key(9),
        voucher_code: codeFor(reason),
        ...(reason === 'voucher_locked' ? { locked_until: toSpaazaDateTime(LOCK_END) } : {}),
      },
    })),
  };
}

let fake: FakeEngine;
let till: TestTill;
let engineAway = false;
/** What a test has the engine answer on a path instead, once the terminal is signed in. */
let answerInstead = new Map<string, FakeAnswer>();

beforeAll(async () => {
  let signedIn = false;
  fake = await startFakeEngine((_method, path, body, query) => {
    const instead = signedIn ? answerInstead.get(path) : undefined;
    if (instead) return instead;
    if (path === '/auth/login') {
      signedIn = true;
      return loginOk();
    }
    if (engineAway) return 'hold';
    if (path === '/healthz') return { status: 200, json: { status: 'ok' } };
    if (path === '/sync/honour-vouchers') {
      // signed as the demo engine signs, for the page asked for
      const page = {
        chainId: 1,
        cursor: Number(query.get('cursor')),
        limit: Number(query.get('limit')),
      };
      return signedFeedAnswer(DEMO_FEED_KEY, page, {
        result_type: 'sync-honour-vouchers',
        changes: page.cursor < 1 ? [{ rev: 1, voucher: honourVoucher, removed: false }] : [],
        next_cursor: 1,
        has_more: false,
      });
    }
    if (path === '/auth/get-basket-price') {
      const { results, warnings } = pricedBasket(body);
      return { status: 200, json: { result: { code: 1, status: 'ok' }, results, warnings } };
    }
    return { status: 404, json: {} };
  });
  till = await startTestTill(fake.url, TILL_ONE, undefined, {
    timeouts: { pricingMs: 300, probeMs: 300 },
    offline: { valueVouchersAllowed: true, perSaleCapMinor: 50, perDayCapMinor: 200 },
  });
  await till.till.sync.syncNow();
});
afterAll(async () => {
  await till.close();
  await fake.close();
});

async function scanned(codes: readonly string[]): Promise<SaleView> {
  const { saleId } = valueOf(await till.send('sale/start', {}));
  valueOf(await till.send('sale/scan', { saleId, code: MILK }));
  for (const code of codes) valueOf(await till.send('sale/scan', { saleId, code }));
  return settledSale(till);
}

async function voidCurrent(view: SaleView): Promise<void> {
  valueOf(await till.send('sale/void', { saleId: view.saleId }));
}

describe('while the engine answers', () => {
  it.each(REJECTION_CODES.map((reason) => [reason]))(
    'the cashier reads the till’s words for %s, not the engine’s',
    async (reason) => {
      const view = await scanned([codeFor(reason)]);
      expect(view.rejected).toEqual([
        {
          ref: codeFor(reason),
          reason,
          message: rejectionMessage(reason),
          lockedUntil: reason === 'voucher_locked' ? new Date(LOCK_END).toISOString() : null,
          words: reason,
          params: {
            voucherCode: codeFor(reason),
            ...(reason === 'voucher_locked' ? { until: new Date(LOCK_END).toISOString() } : {}),
          },
          scanned: true,
          // a voucher not activated yet carries its key, by which the till activates it
          ...(reason === 'voucher_not_claimed'
            ? { voucherKey: expect.any(String) as unknown }
            : {}),
        },
      ]);
      await voidCurrent(view);
    },
  );
});

/** The engine's error envelope with its own words for the refusal. */
const engineRefusal = (status: number, name: string, description: string): FakeAnswer => ({
  status,
  json: { result: { code: 2, status: 'error' }, error: { code: 1000, name, description } },
});

describe('when the engine fails a call, the cashier reads one plain sentence', () => {
  afterEach(() => {
    answerInstead = new Map();
  });

  it('a refused pricing: what the engine said, once', async () => {
    answerInstead.set(
      '/auth/get-basket-price',
      engineRefusal(400, 'member_not_found', 'no member 1000009 in this chain'),
    );
    const view = await scanned([]);
    expect(view.notices).toEqual([
      {
        code: 'engine_rejected',
        message: 'The voucher engine refused the sale: no member 1000009 in this chain.',
        params: {},
      },
    ]);
    await voidCurrent(view);
  });

  it('an answer the till cannot read is no answer: the sale is priced on the till, with no refusal, in words that fit a till still online', async () => {
    answerInstead.set('/auth/get-basket-price', ok({ basket: 'not a basket' }));
    const view = await scanned([]);
    expect(view.pricedBy).toBe('local');
    // the probe still answers: the status bar says Online, and so do the notices
    expect(view.notices).toEqual([
      {
        code: 'engine_no_usable_answer',
        message:
          'The voucher engine gave no usable answer: the till priced this sale itself, and will send it to the engine.',
        params: {},
      },
    ]);
    await voidCurrent(view);
  });

  it('a refused confirm: what the engine said, once', async () => {
    const view = await scanned([]);
    answerInstead.set(
      '/auth/add-basket',
      engineRefusal(409, 'basket_conflict', 'another sale already has this basket code.'),
    );
    expect(await till.send('sale/confirm', { saleId: view.saleId })).toEqual({
      ok: false,
      error: {
        code: 'engine_rejected',
        message: 'The voucher engine refused the sale: another sale already has this basket code.',
        words: 'engine_refused',
        params: { errand: 'sale', description: 'another sale already has this basket code.' },
      },
    });
    await voidCurrent(view);
  });

  it('an engine that does not answer a manager: try again in a moment', async () => {
    answerInstead.set('/auth/login', 'hold');
    expect(
      await till.send('manager/sign-in', { username: 'manager-s001', password: 'demo-manager' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'engine_unreachable',
        message:
          'The voucher engine cannot be reached just now; try the sign-in again in a moment.',
        words: 'engine_unreachable_for',
        params: { errand: 'sign_in' },
      },
    });
  });
});

describe('while the engine is away', () => {
  const usedBy = 'S001-01-20000101-0001';
  let pricedBeforeItWent: SaleView;
  beforeAll(async () => {
    // the engine applies the value voucher to a sale, then goes away
    pricedBeforeItWent = await scanned([VALUE]);
    expect(pricedBeforeItWent.applied.map((voucher) => voucher.code)).toEqual([VALUE]);
    engineAway = true;
    const store = openTillStore(till.dataDir);
    try {
      expect(markHonourUsedLocally(store, key(1), usedBy, new Date())).toBe(true);
    } finally {
      store.close();
    }
  });

  it('a value voucher over the offline cap: says the cap and what is left today', async () => {
    const { saleId } = pricedBeforeItWent;
    valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    const view = await settledSale(till);
    expect(view.pricedBy).toBe('local');
    expect(view.rejected).toEqual([
      {
        ref: VALUE,
        reason: 'voucher_offline_not_allowed',
        message: `Offline, value vouchers may take off at most ${money(50)} per sale and ${money(200)} per day (${money(200)} left today). This voucher would go over that.`,
        lockedUntil: null,
        words: 'offline_value_cap',
        params: { voucherCode: VALUE, perSale: 50, perDay: 200, leftToday: 200 },
        scanned: true,
      },
    ]);
    // the cap is the sale's notice; the voucher it kept out is named once, by its refusal
    expect(view.notices.filter((notice) => notice.message.includes(VALUE))).toEqual([]);
    await voidCurrent(view);
  });

  it('an honour code the cache does not hold: it cannot be checked offline', async () => {
    const view = await scanned(['HONOUR-NOT-KEPT']);
    expect(view.pricedBy).toBe('local');
    expect(view.rejected).toEqual([
      {
        ref: 'HONOUR-NOT-KEPT',
        reason: 'voucher_offline_not_allowed',
        message:
          'HONOUR-NOT-KEPT is not among the honour vouchers this till keeps for offline use; it can be checked once the engine is back.',
        lockedUntil: null,
        // said as a code the till does not know offline, not as a value voucher refused offline
        words: 'voucher_unknown_offline',
        params: { voucherCode: 'HONOUR-NOT-KEPT' },
        scanned: true,
      },
    ]);
    await voidCurrent(view);
  });

  it('an honour voucher another sale on this till used: names that sale', async () => {
    const view = await scanned([CACHED]);
    expect(view.rejected).toEqual([
      {
        ref: CACHED,
        reason: 'voucher_already_redeemed',
        message: `This voucher was already used on this till, in sale ${usedBy}.`,
        lockedUntil: null,
        words: 'voucher_used_on_this_till',
        params: { voucherCode: CACHED, basketCode: usedBy },
        scanned: true,
      },
    ]);
    await voidCurrent(view);
  });
});
