import { afterEach, describe, expect, it } from 'vitest';
import { createEngineClient, encodeAddBasket } from '../../src-main/engine-client';
import { DEMO, DEMO_TILL, demoSale } from '../../test-support/till/demo-baskets';
import {
  loginOk,
  ok,
  refusal,
  startFakeEngine,
  type FakeAnswer,
  type FakeEngine,
} from '../../test-support/till/fake-engine';

const KEY_USED = 'a'.repeat(64);
const KEY_REST = 'b'.repeat(64);
const KEY_RETURN = 'c'.repeat(64);
const KEY_EARLIER = 'd'.repeat(64);

const voucher = (key: string, extra: Record<string, unknown>) => ({
  voucher_key: key,
  voucher_type: 'basket',
  voucher_status: 'claimed',
  voucher_locked: false,
  ...extra,
});

/** A basket as an engine prices it, with no `basket_total_price` (add-basket echoes what was sent, and nothing was). */
const pricedBasket = {
  retailer_basket_code: 'S001-01-UC-0001',
  basket_total_discount: 40,
  basket_total_adjusted_price: 0,
  basket_items: [
    {
      retailer_item_code: 'line_1',
      item_quantity: 2,
      item_price: 20,
      item_adjusted_price: 0,
      item_adjusted_subtotal: 0,
      item_discount: 40,
      item_vouchers: [{ voucher_key: KEY_USED, discount: 40 }],
    },
  ],
  basket_vouchers: [
    {
      ...voucher(KEY_USED, { voucher_code: 'GIFT-50EUR', voucher_amount: 50 }),
      voucher_applied_amount: 40,
      voucher_amount_remaining: 10,
    },
  ],
};

const stored = {
  basket: { ...pricedBasket, basket_id: 41 },
  vouchers_redeemed: [voucher(KEY_USED, { voucher_code: 'GIFT-50EUR', voucher_amount: 0 })],
  vouchers_created: [
    voucher(KEY_REST, {
      voucher_code: 'REST-0001',
      voucher_amount: 10,
      voucher_expiry_datetime_utc: '2027-01-31 23:00:00',
      member_number: null,
      parent_voucher: { voucher_key: KEY_USED },
    }),
    voucher(KEY_RETURN, {
      voucher_code: null,
      voucher_amount: 2.5,
      member_number: '1000001',
      parent_voucher: { voucher_key: KEY_EARLIER },
    }),
  ],
  replayed: false,
};

/** An older engine: a basket naming a member it does not know is refused, 404 `member_not_found`. */
function olderEngine(bodies: unknown[]) {
  return (_method: string, path: string, body: unknown): FakeAnswer => {
    if (path === '/auth/login') return loginOk();
    bodies.push(body);
    const hasUser = typeof body === 'object' && body !== null && 'user' in body;
    if (hasUser) return refusal(404, 1010, 'member_not_found');
    return path === '/auth/add-basket' ? ok(stored) : ok({ basket: pricedBasket });
  };
}

describe('the engine client and a card the engine does not know', () => {
  let fake: FakeEngine | null = null;
  afterEach(async () => {
    await fake?.close();
    fake = null;
  });

  const clientOf = async (bodies: unknown[]) => {
    fake = await startFakeEngine(olderEngine(bodies));
    return createEngineClient({ baseUrl: fake.url, credentials: DEMO.terminal, timeoutMs: 2000 });
  };

  it('an older engine refusing the card of a sale it prices: the refusal comes back as it is, for the cashier to choose', async () => {
    const bodies: unknown[] = [];
    const client = await clientOf(bodies);
    const outcome = await client.getBasketPrice(demoSale('S001-01-UC-0001'), DEMO_TILL);
    expect(bodies).toEqual([
      expect.objectContaining({
        user: expect.objectContaining({ member_number: '1000001' }) as unknown,
      }),
    ]);
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'rejected', name: 'member_not_found' },
    });
  });

  it('an older engine refusing the card of a sale it should store: stored without it, and the vouchers it issued are read', async () => {
    const bodies: unknown[] = [];
    const client = await clientOf(bodies);
    const request = encodeAddBasket(demoSale('S001-01-UC-0001'), DEMO_TILL, [KEY_USED], 0);
    const outcome = await client.addBasket(request, 'sync');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).not.toHaveProperty('user');
    expect(bodies[1]).toEqual({ ...request.body(), user: undefined });
    // what the outbox keeps is the request as first built
    expect(request.memberNumber).toBe('1000001');
    expect(outcome.warnings.map((warning) => warning.code)).toEqual(['member_not_found']);
    expect(outcome.value.created).toEqual([
      {
        voucherKey: KEY_REST,
        code: 'REST-0001',
        amount: 1000,
        expiresAt: '2027-01-31T23:00:00.000Z',
        ownerMemberNumber: null,
        origin: 'remainder',
        from: { voucherKey: KEY_USED, code: 'GIFT-50EUR' },
      },
      {
        voucherKey: KEY_RETURN,
        code: null,
        amount: 250,
        expiresAt: null,
        ownerMemberNumber: '1000001',
        origin: 'return',
        from: { voucherKey: KEY_EARLIER, code: null },
      },
    ]);
  });
});
