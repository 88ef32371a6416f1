import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { databasePath } from '../../src-main/store';
import { DATABASES, startTestEngine, type TestEngine } from '../../test-support/engine/harness';
import { storedBaskets } from '../../test-support/engine/snapshot';
import { failJournalConfirms } from '../../test-support/till/journal-fault';
import { settledSale } from '../../test-support/till/settled-sale';
import {
  startTestTill,
  TILL_ONE,
  valueOf,
  type TestTill,
} from '../../test-support/till/till-harness';

const COFFEE_BEANS = '8712345000165'; // 14.95
const OLIVE_OIL = '8712345000110'; // 6.99
const MEMBER = '1000001'; // 10 % and € 5 off
// Hand-computed: 10 % of 21.94 = 2.19, spread as 1.49 on the coffee and 0.70 on the oil; then
// € 5 over what is left (13.46 and 6.29): 3.41 and 1.59. A return refunds the price less these.
const COFFEE_BACK = 149 + 341;
const COFFEE_REFUND = 1495 - COFFEE_BACK;
const OIL_BACK = 70 + 159;
const OIL_REFUND = 699 - OIL_BACK;

const returnRows = z.array(
  z.object({
    original_basket_code: z.string(),
    original_line_id: z.string(),
    quantity: z.number(),
  }),
);

/** This till's journal of returns, read beside it. */
function journalReturns(till: TestTill, returnCode: string) {
  const db = new SQLite(databasePath(till.dataDir), { readonly: true });
  try {
    return returnRows.parse(
      db
        .prepare(
          `SELECT original_basket_code, original_line_id, quantity FROM sale_returns
           WHERE return_basket_code = ? ORDER BY return_line_id`,
        )
        .all(returnCode),
    );
  } finally {
    db.close();
  }
}

// The till's side of a return: its journal, its outbox and the shares it refunds; one engine
// database is enough (the engine's returns are checked on both in the engine's own suites).
describe('returns at the till, against a real engine', () => {
  const [sqlite] = DATABASES;
  let engine: TestEngine;
  let till: TestTill;
  /** The member's sale of coffee (line 1) and oil (line 2) the tests return from. */
  let original: string;
  beforeAll(async () => {
    if (!sqlite) throw new Error('no SQLite test database');
    engine = await startTestEngine(sqlite, { demo: true });
    till = await startTestTill(engine.url, TILL_ONE);
    original = await memberSale();
  });
  afterAll(async () => {
    await till.close();
    await engine.close();
  });

  /** A new sale of coffee and oil to the member, with both their vouchers; its basket code. */
  async function memberSale() {
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    for (const code of [COFFEE_BEANS, OLIVE_OIL, MEMBER])
      valueOf(await till.send('sale/scan', { saleId, code }));
    const priced = await settledSale(till);
    expect(priced.totals.net).toBe(2194 - 219 - 500);
    valueOf(await till.send('sale/confirm', { saleId }));
    return basketCode;
  }

  /** A return of one of line `lineId` of the member's sale, priced; its sale. */
  const returnOf = async (lineId: string) => {
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    valueOf(
      await till.send('return/add', {
        saleId,
        basketCode: original,
        lines: [{ lineId, quantity: 1 }],
      }),
    );
    const priced = await settledSale(till);
    return { saleId, basketCode, priced };
  };

  it('refunds the coffee less its stored voucher shares, paid back by card; the engine stores it and counts the line returned', async () => {
    const { saleId, basketCode, priced } = await returnOf('line_1');
    expect(priced.totals.net).toBe(-COFFEE_REFUND);
    expect(priced.lines.map((line) => line.returnOf?.vouchersBack)).toEqual([COFFEE_BACK]);

    const receipt = valueOf(
      await till.send('sale/confirm', {
        saleId,
        tenders: [{ method: 'card', amount: COFFEE_REFUND }],
        due: -COFFEE_REFUND,
      }),
    );
    expect(receipt.totals.net).toBe(-COFFEE_REFUND);
    expect(receipt.vouchersCreated.map((voucher) => voucher.amount).sort()).toEqual([149, 341]);
    const stored = await engine.db.kysely
      .selectFrom('baskets')
      .select(['total_charged', 'payment_methods_json'])
      .where('retailer_basket_code', '=', basketCode)
      .executeTakeFirstOrThrow();
    expect(stored.total_charged).toBe(-COFFEE_REFUND);
    expect(JSON.parse(stored.payment_methods_json ?? 'null')).toEqual([
      { method: 'card', amount: -COFFEE_REFUND },
    ]);
    expect(journalReturns(till, basketCode)).toEqual([
      { original_basket_code: original, original_line_id: 'line_1', quantity: 1 },
    ]);
    const found = valueOf(await till.send('return/find', { basketCode: original }));
    expect(found.lines.map((line) => [line.lineId, line.returnable])).toEqual([
      ['line_1', 0],
      ['line_2', 1],
    ]);
  });

  it('a return whose confirm stopped after the engine stored it is journaled by the outbox worker with the same refund and its return record', async () => {
    const { saleId, basketCode, priced } = await returnOf('line_2');
    expect(priced.totals.net).toBe(-OIL_REFUND);
    const fault = failJournalConfirms(till.dataDir, basketCode);
    expect(await till.send('sale/confirm', { saleId })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    fault.heal();

    await till.till.sync.syncNow();
    const receipt = valueOf(await till.send('receipt/get', { basketCode }));
    expect(receipt.totals).toEqual(priced.totals);
    expect(receipt.lines.map((line) => line.returnOf?.vouchersBack)).toEqual([OIL_BACK]);
    expect(journalReturns(till, basketCode)).toEqual([
      { original_basket_code: original, original_line_id: 'line_2', quantity: 1 },
    ]);
    expect(await storedBaskets(engine.db.kysely, basketCode)).toHaveLength(1);
    // the oil cannot be returned twice
    const found = valueOf(await till.send('return/find', { basketCode: original }));
    expect(found.lines.find((line) => line.lineId === 'line_2')?.returnable).toBe(0);
  });
});
