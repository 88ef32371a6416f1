import { ITEMS, HONOUR_CODE, honourVoucher } from './support/demo';
import { expect, saveScreen, test, valueOf } from './fixtures';
import { money } from './support/format';

// A short offline timeout, as a store would set it: a scan never waits longer than this.
test.use({ tillOffline: { giveUpAfterMs: 500 } });

test('engine stopped: the till says Offline, sells with an honour voucher from its cache, and sends the sale once the engine is back', async ({
  page,
  ui,
  till,
  engine,
}, testInfo) => {
  const { sale, receipt, status } = ui;
  const { croissant } = ITEMS;
  const voucher = honourVoucher(1);

  // Online first: the honour cache fills from the engine's change feed.
  await till.till.sync.syncNow();
  expect(valueOf(await till.send('status/get', {})).honourCacheUpdatedAt).not.toBeNull();
  await status.expectOnline('S001', '01');
  await sale.expectShown();

  await engine.stop();
  // The first scan finds the engine gone, prices locally and turns the till offline.
  await sale.scanItem(croissant.barcode, croissant.name);
  await status.expectOffline();
  await expect(sale.totalToPay).toContainText(money(croissant.cents));

  await sale.scan(voucher);
  await expect(sale.appliedVoucher(voucher)).toBeVisible();
  await expect(sale.refusedVoucher(voucher)).toHaveCount(0);
  await saveScreen(page, testInfo, 'offline-sale');
  const { basketCode } = valueOf(await till.send('sale/current', {}));

  await sale.confirmPayment();
  await receipt.expectShown();
  await expect(receipt.honourCode(HONOUR_CODE)).toBeVisible();
  await expect(receipt.totalPaid).toContainText(money(croissant.cents));
  await status.expectSalesWaiting(1);
  expect(valueOf(await till.send('receipt/get', { basketCode }))).toMatchObject({
    syncState: 'queued',
    engineBasketId: null,
  });
  await saveScreen(page, testInfo, 'offline-receipt');

  // Back on the same port and SQLite file: the probe finds it, the outbox sends the sale.
  await engine.restart();
  await status.expectBackOnline();
  await status.expectSalesWaiting(0, 20_000);

  const baskets = await engine.db
    .selectFrom('baskets')
    .select(['id', 'total_gross'])
    .where('retailer_basket_code', '=', basketCode)
    .execute();
  expect(baskets).toEqual([{ id: expect.any(Number) as unknown, total_gross: croissant.cents }]);
  const burned = await engine.db
    .selectFrom('vouchers')
    .select(['burned_at', 'redeemed_basket_id'])
    .where('code', '=', voucher)
    .executeTakeFirstOrThrow();
  expect(burned.burned_at).not.toBeNull();
  expect(burned.redeemed_basket_id).toBe(baskets[0]?.id);
  expect(valueOf(await till.send('receipt/get', { basketCode }))).toMatchObject({
    syncState: 'synced',
    engineBasketId: baskets[0]?.id,
  });
});
