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

describeEachDatabase('a loyalty card the engine does not know, on the till', (database) => {
  let engine: TestEngine;
  let till: TestTill;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await startTestTill(engine.url, TILL_ONE, tempDir('till-unknown-card-'));
  });
  afterAll(async () => {
    await till.close();
    await engine.close();
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
      { code: 'member_not_found', message: expect.stringContaining(UNKNOWN_CARD) as unknown },
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
