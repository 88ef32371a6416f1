/**
 * Screens never go stale: what changes without the cashier's command (a queued sale synced, a
 * voucher a manager freed, the engine's price landing) shows on the screen without a reload or
 * a rescan, pushed by the till core.
 */
import { expect, test, valueOf, type TestTill } from './fixtures';
import { holdVoucher, honourVoucher, ITEMS, MANAGER } from './support/demo';
import { money } from './support/format';

const { croissant, milk, flatWhite, oliveOil } = ITEMS;

/** The voucher codes the till's open sale shows applied, as its API answers. */
async function appliedOn(till: TestTill): Promise<(string | null)[]> {
  return valueOf(await till.send('sale/current', {})).applied.map((voucher) => voucher.code);
}

test.describe('a queued sale syncs', () => {
  test.use({ tillOffline: { giveUpAfterMs: 500 } });

  test('the receipt on screen turns synced when its queued sale reaches the engine, in step with Sales waiting', async ({
    ui,
    engine,
  }) => {
    const { sale, receipt, status } = ui;
    await status.expectOnline('S001', '01');
    await engine.stop();
    await sale.scanItem(croissant.barcode, croissant.name);
    await status.expectOffline();
    await sale.confirmPayment();
    await receipt.expectShown();
    await expect(receipt.syncBadge).toHaveText('Waiting to sync');
    await status.expectSalesWaiting(1);

    await engine.restart();
    // no reload: the core's sync announcement reaches the receipt's query
    await expect(receipt.syncBadge).toHaveText('Recorded by the engine', { timeout: 20_000 });
    await status.expectSalesWaiting(0);
  });
});

test('a manager frees the voucher from the other till’s sale: the waiting cashier sees it applied without a rescan, and the other sale lets it go', async ({
  ui,
  secondTill,
  engineDb,
}) => {
  const { sale } = ui;
  const code = honourVoucher(5);
  const held = await holdVoucher(secondTill, code);

  await sale.scanItem(croissant.barcode, croissant.name);
  await sale.scan(code);
  await expect(sale.refusedVoucher(code)).toContainText(/held/i);

  valueOf(await secondTill.send('manager/sign-in', MANAGER));
  valueOf(
    await secondTill.send('manager/unlock-basket', {
      basketCode: held.basketCode,
      reason: 'the customer left',
    }),
  );

  // nobody scans anything on this till: its core rechecks the refusal and takes the voucher
  await expect(sale.appliedVoucher(code)).toBeVisible({ timeout: 15_000 });
  await expect(sale.refusedVoucher(code)).toHaveCount(0);
  expect(await appliedOn(secondTill)).toEqual([]);
  const lock = await engineDb
    .selectFrom('vouchers')
    .select('lock_basket_code')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  expect(lock.lock_basket_code).not.toBe(held.basketCode);
  expect(lock.lock_basket_code).not.toBeNull();
});

test('a manager on this till frees the other till’s voucher: that sale drops it without a touch, and pricing it again does not take it back', async ({
  ui,
  till,
  secondTill,
  engineDb,
}) => {
  const { screens, manager, sale } = ui;
  const code = honourVoucher(6);
  await holdVoucher(secondTill, code);
  const lockOf = async () =>
    (
      await engineDb
        .selectFrom('vouchers')
        .select('lock_basket_code')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).lock_basket_code;

  await screens.open('Manager');
  await manager.signIn(MANAGER.username, MANAGER.password);
  await manager.unlock(code, 'till 02 was left mid-sale');
  await expect(manager.unlockedMessage(code)).toBeVisible();
  expect(await lockOf()).toBeNull();

  // the other till hears it from the engine on its own recheck: the voucher leaves its sale
  await expect.poll(() => appliedOn(secondTill), { timeout: 15_000 }).toEqual([]);
  const freed = valueOf(await secondTill.send('sale/current', {}));
  expect(freed.rejected.map((refusal) => refusal.reason)).toEqual(['voucher_freed_by_manager']);
  // its cashier scans on: the sale is priced again, and the voucher stays free
  valueOf(await secondTill.send('sale/scan', { saleId: freed.saleId, code: milk.barcode }));
  expect(await appliedOn(secondTill)).toEqual([]);
  expect(await lockOf()).toBeNull();

  // the voucher really goes to the customer at this till
  await screens.open('Sale');
  await sale.scanItem(croissant.barcode, croissant.name);
  await sale.scan(code);
  await expect(sale.appliedVoucher(code)).toBeVisible();
  const mine = valueOf(await till.send('sale/current', {}));
  expect(await lockOf()).toBe(mine.basketCode);
});

test.describe('a slow engine', () => {
  test.use({ tillBehindProxy: true });

  test('scanned items show at once at shelf prices, marked as waiting for the engine, and its prices follow', async ({
    ui,
    engineProxy,
  }) => {
    const { sale } = ui;
    const proxy = engineProxy;
    if (!proxy) throw new Error('the till is not behind the proxy');
    await sale.expectShown();
    proxy.holdAnswersTo('/auth/get-basket-price');

    await sale.scan(croissant.barcode);
    await sale.scan(flatWhite.barcode);
    await sale.scan(oliveOil.barcode);
    for (const item of [croissant, flatWhite, oliveOil]) {
      const row = sale.basketRow(item.name);
      await expect(row).toContainText(money(item.cents));
      await expect(row).toContainText('Waiting for the engine’s price');
    }
    expect(proxy.held()).toBeGreaterThan(0);

    proxy.releaseHeld();
    // the engine's answers land: the marks go, the total is the engine's
    const total = croissant.cents + flatWhite.cents + oliveOil.cents;
    await expect(sale.basket).not.toContainText('Waiting for the engine’s price', {
      timeout: 15_000,
    });
    await expect(sale.totalToPay).toHaveText(money(total));
  });
});
