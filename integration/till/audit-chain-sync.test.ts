import { afterEach, beforeEach, expect, it } from 'vitest';
import { call, loginAs } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import {
  startTestTill,
  TILL_ONE,
  valueOf,
  type TestTill,
} from '../../test-support/till/till-harness';

const CROISSANT = '8712345000134';

const wordsOf = (detail: string): string => {
  const parsed: unknown = detail.startsWith('{') ? JSON.parse(detail) : detail;
  return typeof parsed === 'object' && parsed !== null && 'text' in parsed
    ? String(parsed.text)
    : detail;
};

describeEachDatabase('a till’s audit chain, sent to the engine with its sales', (database) => {
  let engine: TestEngine;
  const tills: TestTill[] = [];

  beforeEach(async () => {
    engine = await startTestEngine(database, { demo: true });
  }, 60_000);
  afterEach(async () => {
    await Promise.all(tills.splice(0).map((till) => till.close()));
    await engine.close();
  });

  const startTill = async () => {
    const till = await startTestTill(engine.url, TILL_ONE);
    tills.push(till);
    return till;
  };
  const honourCode = (index: number) => {
    const code = engine.demo?.honourCodes[index];
    if (!code) throw new Error(`the demo has no honour voucher ${index}`);
    return code;
  };
  /** A sale holds the voucher, then the manager frees it: one audit entry on the till. */
  const unlockOnTill = async (till: TestTill, index: number, reason: string) => {
    const { saleId } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: CROISSANT }));
    const held = valueOf(await till.send('sale/scan', { saleId, code: honourCode(index) }));
    const voucherKey = held.applied[0]?.voucherKey ?? '';
    valueOf(
      await till.send('manager/sign-in', { username: 'manager-s001', password: 'demo-manager' }),
    );
    valueOf(await till.send('manager/unlock-voucher', { voucherKey, reason }));
    valueOf(await till.send('sale/void', { saleId }));
  };
  const verified = async () => {
    const admin = await loginAs(engine.url, 'admin', 'demo-admin');
    const answer = await call(engine.url, '/admin/audit/verify', { session: admin });
    expect(answer.status).toBe(200);
    return answer.body.results;
  };
  /** The engine's copy, with each entry's words (the till stores them beside the voucher code). */
  const heldRows = async () =>
    (
      await engine.db.kysely
        .selectFrom('till_audit_log')
        .select(['till_id', 'seq', 'action', 'detail'])
        .orderBy('seq')
        .execute()
    ).map((row) => ({ ...row, detail: wordsOf(row.detail) }));

  it('delivers the entries the engine does not hold, which the engine then verifies', async () => {
    const till = await startTill();
    await unlockOnTill(till, 6, 'customer walked out');
    await till.till.sync.syncNow();
    expect(await heldRows()).toEqual([
      { till_id: 'S001-01', seq: 1, action: 'unlock_voucher', detail: 'customer walked out' },
    ]);

    await unlockOnTill(till, 7, 'till froze mid-sale');
    await till.till.sync.syncNow();
    await till.till.sync.syncNow();
    expect((await heldRows()).map((row) => [row.seq, row.detail])).toEqual([
      [1, 'customer walked out'],
      [2, 'till froze mid-sale'],
    ]);
    expect(await verified()).toMatchObject({
      ok: true,
      tills: [{ till_id: 'S001-01', ok: true, checked: 2 }],
    });
  }, 60_000);

  it('a till whose chain does not continue the engine’s copy is refused, and its sales still sync', async () => {
    const first = await startTill();
    await unlockOnTill(first, 6, 'customer walked out');
    await first.till.sync.syncNow();
    await first.close();
    tills.splice(0);

    // the same terminal on a fresh data folder: a new chain from seq 1
    const fresh = await startTill();
    await unlockOnTill(fresh, 7, 'a different first entry');
    await fresh.till.sync.syncNow();
    expect((await heldRows()).map((row) => row.detail)).toEqual(['customer walked out']);
    expect(await verified()).toMatchObject({
      ok: true,
      tills: [{ till_id: 'S001-01', ok: true, checked: 1 }],
    });
    const { saleId } = valueOf(await fresh.send('sale/start', {}));
    const sale = valueOf(await fresh.send('sale/scan', { saleId, code: CROISSANT }));
    valueOf(await fresh.send('sale/confirm', { saleId }));
    await fresh.till.sync.syncNow();
    expect(valueOf(await fresh.send('status/get', {}))).toMatchObject({ salesWaiting: 0 });
    const stored = await engine.db.kysely
      .selectFrom('baskets')
      .select('retailer_basket_code')
      .where('retailer_basket_code', '=', sale.basketCode)
      .execute();
    expect(stored).toHaveLength(1);
  }, 60_000);
});
