import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import {
  startTestTill,
  tempDir,
  TILL_ONE,
  valueOf,
  type TestTill,
} from '../../test-support/till/till-harness';

const MILK = '8712345000011'; // 1.29
const UNKNOWN_CARD = '1099999';

describeEachDatabase('what the engine answers about a sale, on the till', (database) => {
  let engine: TestEngine;
  let till: TestTill;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await startTestTill(engine.url, TILL_ONE, tempDir('till-answers-'));
  });
  afterAll(async () => {
    await till.close();
    await engine.close();
  });

  /** Member 1000001 buys milk: 10 % off 1.29 is 0.13, and the €5.00 voucher pays the 1.16 left. */
  const confirmMilkForMember = async () => {
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    const priced = valueOf(await till.send('sale/scan', { saleId, code: '1000001' }));
    expect(priced.totals).toEqual({ gross: 129, discount: 129, net: 0 });
    return { basketCode, receipt: valueOf(await till.send('sale/confirm', { saleId })) };
  };

  const parentKey = async () =>
    (
      await engine.db.kysely
        .selectFrom('vouchers')
        .select('voucher_key')
        .where('code', '=', 'DEMO-5EUR')
        .executeTakeFirstOrThrow()
    ).voucher_key;

  let issued: Awaited<ReturnType<typeof confirmMilkForMember>> | null = null;

  it('the rest of a voucher worth more than the basket is on the receipt, with its value, expiry, owner and parent, and stays there', async () => {
    issued = await confirmMilkForMember();
    const { basketCode, receipt } = issued;
    expect(receipt.syncState).toBe('synced');
    expect(receipt.vouchersCreated).toEqual([
      {
        voucherKey: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
        code: receipt.vouchersCreated[0]?.code ?? null,
        amount: 384,
        expiresAt: expect.any(String) as unknown,
        ownerMemberNumber: '1000001',
        origin: 'remainder',
        from: { voucherKey: await parentKey(), code: 'DEMO-5EUR' },
      },
    ]);
    // the stored sale keeps it: a reload of the receipt shows the same
    expect(valueOf(await till.send('receipt/get', { basketCode }))).toEqual(receipt);
  });

  // The engine gives every voucher it issues a code; an engine older than that gives a remainder none.
  it('the rest of the voucher has a code the customer can show or type', () => {
    const [remainder] = issued?.receipt.vouchersCreated ?? [];
    expect(remainder?.code).toEqual(expect.any(String));
  });

  it('the cashier is told, the sale goes on without the card, the honour voucher scanned stays, and it is confirmed', async () => {
    const honour = engine.demo?.honourCodes[0] ?? 'HONOUR-COFFEE-0001';
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    valueOf(await till.send('sale/scan', { saleId, code: honour }));
    const priced = valueOf(await till.send('sale/scan', { saleId, code: UNKNOWN_CARD }));

    expect(priced.pricing).toEqual({ state: 'priced' });
    expect(priced.pricedBy).toBe('engine');
    expect(priced.customer).toBeNull();
    expect(priced.notices).toEqual([
      {
        code: 'member_not_found',
        message: expect.stringContaining(UNKNOWN_CARD) as unknown,
        params: { memberNumber: UNKNOWN_CARD },
      },
    ]);
    expect(priced.applied.map((voucher) => voucher.code)).toEqual([honour]);
    expect(priced.totals).toEqual({ gross: 129, discount: 0, net: 129 });

    const receipt = valueOf(await till.send('sale/confirm', { saleId }));
    expect(receipt).toMatchObject({ basketCode, syncState: 'synced', customer: null });
    expect(receipt.honourCodes).toEqual([{ code: honour, honourCode: 'FREE-COFFEE' }]);
    const stored = await engine.db.kysely
      .selectFrom('baskets')
      .select(['member_id'])
      .where('retailer_basket_code', '=', basketCode)
      .executeTakeFirstOrThrow();
    expect(stored.member_id).toBeNull();
  });
});
