import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { databasePath } from '../../src-main/store';
import { startHttpProxy, type HttpProxy } from '../../test-support/till/http-proxy';
import {
  startTestTill,
  tempDir,
  TILL_ONE,
  valueOf,
  type TestTill,
} from '../../test-support/till/till-harness';

const COFFEE_BEANS = '8712345000165'; // 14.95
const OLIVE_OIL = '8712345000110'; // 6.99
const MILK = '8712345000011'; // 1.29

describeEachDatabase('a sale on the till core, against a real engine', (database) => {
  let engine: TestEngine;
  let proxy: HttpProxy;
  let till: TestTill;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    proxy = await startHttpProxy(engine.url);
    // the tests hold pricing answers back: on a busy machine that must not run into the timeout
    till = await startTestTill(proxy.url, TILL_ONE, tempDir('till-core-'), {
      timeouts: { pricingMs: 60_000 },
    });
  });
  afterAll(async () => {
    await till.close();
    await proxy.stop();
    await engine.close();
  });

  const vouchersOf = (codes: readonly string[]) =>
    engine.db.kysely
      .selectFrom('vouchers')
      .select(['code', 'burned_at', 'lock_basket_code', 'lock_until'])
      .where('code', 'in', codes)
      .orderBy('code')
      .execute();

  it('member 1000001: both vouchers applied and locked to the basket, confirmed, redeemed', async () => {
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    expect(basketCode).toMatch(/^S001-01-\d{8}-\d{4}$/);
    valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
    valueOf(await till.send('sale/scan', { saleId, code: OLIVE_OIL }));
    const priced = valueOf(await till.send('sale/scan', { saleId, code: '1000001' }));

    expect(priced.customer).toEqual({ memberNumber: '1000001' });
    expect(priced.pricedBy).toBe('engine');
    // 21.94; 10 % = 2.19 (2.194), then 5.00
    expect(priced.totals).toEqual({ gross: 2194, discount: 719, net: 1475 });
    expect(priced.applied.map((voucher) => [voucher.code, voucher.discount])).toEqual([
      ['DEMO-10PCT', 219],
      ['DEMO-5EUR', 500],
    ]);
    expect(priced.applied.every((voucher) => voucher.lockedUntil !== null)).toBe(true);
    expect(priced.notices).toEqual([]);
    const locked = await vouchersOf(['DEMO-10PCT', 'DEMO-5EUR']);
    expect(locked.map((voucher) => voucher.lock_basket_code)).toEqual([basketCode, basketCode]);

    const receipt = valueOf(await till.send('sale/confirm', { saleId }));
    expect(receipt).toMatchObject({
      basketCode,
      syncState: 'synced',
      totals: { gross: 2194, discount: 719, net: 1475 },
      customer: { memberNumber: '1000001' },
    });
    expect(receipt.engineBasketId).toEqual(expect.any(Number));
    expect(receipt.vouchersRedeemed.map((voucher) => voucher.code).sort()).toEqual([
      'DEMO-10PCT',
      'DEMO-5EUR',
    ]);
    const shares = receipt.lines.flatMap((line) => line.shares);
    expect(shares.reduce((sum, share) => sum + share.discount, 0)).toBe(719);
    const redeemed = await vouchersOf(['DEMO-10PCT', 'DEMO-5EUR']);
    expect(redeemed.every((voucher) => voucher.burned_at !== null)).toBe(true);
    expect(valueOf(await till.send('receipt/get', { basketCode }))).toEqual(receipt);
  });

  it('reports its status and diagnostics without a secret', async () => {
    const status = valueOf(await till.send('status/get', {}));
    expect(status).toMatchObject({ online: true, chainId: 1, storeCode: 'S001', terminalId: '01' });
    const diagnostics = valueOf(await till.send('diagnostics/run', {}));
    expect(diagnostics.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(diagnostics.config['terminalCredentials.password']).toBe('***');
    expect(JSON.stringify(diagnostics)).not.toContain('demo-till');
    expect(diagnostics.databaseBytes).toBeGreaterThan(0);
    expect(diagnostics.checks.map((check) => [check.name, check.verdict])).toEqual([
      ['config', 'ok'],
      ['data_directory', 'ok'],
      ['local_database', 'ok'],
      ['audit_log', 'ok'],
      ['engine_reachability', 'ok'],
      ['terminal_credentials', 'ok'],
      ['store_and_terminal', 'ok'],
      ['clock_skew', 'ok'],
      ['honour_feed', 'ok'],
    ]);
  });

  it('an unknown barcode and an unknown voucher code each come back with a clear reason, and the sale goes on', async () => {
    const { saleId } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    const unknownItem = valueOf(await till.send('sale/scan', { saleId, code: '8712345999990' }));
    expect(unknownItem.notices).toEqual([
      {
        code: 'unknown_barcode',
        message: expect.stringContaining('8712345999990') as unknown,
        params: { barcode: '8712345999990' },
      },
    ]);
    expect(unknownItem.lines.map((line) => line.barcode)).toEqual([MILK]);

    const unknownVoucher = valueOf(await till.send('sale/scan', { saleId, code: 'NOPE-1234' }));
    expect(unknownVoucher.rejected).toEqual([
      {
        ref: 'NOPE-1234',
        reason: 'voucher_not_found',
        message: expect.any(String) as unknown,
        lockedUntil: null,
        words: 'voucher_not_found',
        params: { voucherCode: 'NOPE-1234' },
        scanned: true,
      },
    ]);
    expect(unknownVoucher.totals).toEqual({ gross: 129, discount: 0, net: 129 });
    valueOf(await till.send('sale/void', { saleId }));
  });

  it('coalesces a burst of scans: one pricing request in flight, one more with the latest state', async () => {
    const { saleId } = valueOf(await till.send('sale/start', {}));
    // The cashier's side goes through a proxy too, to know when all ten scans reached the till.
    const cashier = await startHttpProxy(till.till.apiUrl);
    const scanned = '/api/sale/scan';
    const before = proxy.calls('/auth/get-basket-price');
    proxy.holdAnswersTo('/auth/get-basket-price');
    const burst = Promise.all(
      Array.from({ length: 10 }, () => till.send('sale/scan', { saleId, code: MILK }, cashier.url)),
    );
    await vi.waitFor(
      () => {
        expect(cashier.forwarded(scanned)).toBe(10);
        expect(proxy.held()).toBe(1);
      },
      { timeout: 20_000 },
    );
    proxy.releaseHeld();
    const answers = await burst;
    await cashier.stop();
    expect(answers.every((answer) => answer.ok)).toBe(true);
    // Without coalescing: ten requests; with it, the one in flight and one with the final state.
    expect(proxy.calls('/auth/get-basket-price') - before).toBe(2);
    const last = valueOf(answers[answers.length - 1] ?? { ok: false, error: missingAnswer });
    expect(last.lines.map((line) => line.quantity)).toEqual([10]);
    expect(last.totals).toEqual({ gross: 1290, discount: 0, net: 1290 });
    valueOf(await till.send('sale/void', { saleId }));
  });

  it('a confirm whose answer was lost is queued, replayed by the engine from the outbox, and journaled once', async () => {
    const honour = engine.demo?.honourCodes[0] ?? 'HONOUR-COFFEE-0001';
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: MILK }));
    const priced = valueOf(await till.send('sale/scan', { saleId, code: honour }));
    expect(priced.applied.map((voucher) => voucher.code)).toEqual([honour]);

    // The engine stored the sale, the till never heard: it keeps the sale and queues it (docs/architecture.md, "Offline and sync").
    proxy.loseNextAnswerTo('/auth/add-basket');
    const lost = valueOf(await till.send('sale/confirm', { saleId }));
    expect(lost).toMatchObject({ basketCode, syncState: 'queued', engineBasketId: null });
    expect(lost.vouchersRedeemed.map((voucher) => voucher.code)).toEqual([honour]);
    expect((await vouchersOf([honour]))[0]?.burned_at).not.toBeNull();
    expect(valueOf(await till.send('sale/confirm', { saleId }))).toEqual(lost);

    // Sent again from the outbox, the engine answers with the stored basket (a replay).
    await till.till.sync.syncNow();
    const synced = valueOf(await till.send('receipt/get', { basketCode }));
    expect(synced.syncState).toBe('synced');
    expect(synced.engineBasketId).toEqual(expect.any(Number));

    const baskets = await engine.db.kysely
      .selectFrom('baskets')
      .select('id')
      .where('retailer_basket_code', '=', basketCode)
      .execute();
    expect(baskets).toHaveLength(1);
    const journal = new SQLite(databasePath(till.dataDir), { readonly: true });
    try {
      const rows: unknown[] = journal
        .prepare(`SELECT state FROM sales WHERE basket_code = ?`)
        .all(basketCode);
      expect(rows).toEqual([{ state: 'confirmed' }]);
    } finally {
      journal.close();
    }
  });
});

const missingAnswer = { code: 'internal' as const, message: 'no answer' };
