import { HONOUR_CODE, ITEMS, MANAGER, honourVoucher } from './support/demo';
import { expect, saveScreen, test, valueOf } from './fixtures';

// Each till behind its own gate, so that both can be offline at once and come back one by one.
test.use({ tillOffline: { giveUpAfterMs: 500 }, tillsBehindGates: true });

test('two offline tills accept the same honour voucher: the engine burns it once, and the till that syncs second shows one conflict, which a manager acknowledges', async ({
  page,
  ui,
  till,
  secondTill,
  gates,
  engineDb,
}, testInfo) => {
  const { sale, receipt, status, screens, manager } = ui;
  const { croissant } = ITEMS;
  const voucher = honourVoucher(3);

  // Both fill their honour caches while online, then lose the network.
  await Promise.all([till.till.sync.syncNow(), secondTill.till.sync.syncNow()]);
  await status.expectOnline('S001', '01');
  gates.of('01').close();
  gates.of('02').close();

  // Terminal 02 (through its API) sells the voucher offline first …
  const other = valueOf(await secondTill.send('sale/current', {}));
  valueOf(await secondTill.send('sale/scan', { saleId: other.saleId, code: croissant.barcode }));
  const otherPriced = valueOf(
    await secondTill.send('sale/scan', { saleId: other.saleId, code: voucher }),
  );
  expect(otherPriced.pricedBy).toBe('local');
  expect(otherPriced.applied.map((applied) => applied.code)).toEqual([voucher]);
  const otherReceipt = valueOf(await secondTill.send('sale/confirm', { saleId: other.saleId }));
  expect(otherReceipt.syncState).toBe('queued');

  // … and terminal 01, on screen, accepts the same voucher from its own cache.
  await sale.expectShown();
  await sale.scanItem(croissant.barcode, croissant.name);
  await status.expectOffline();
  await sale.scan(voucher);
  await expect(sale.appliedVoucher(voucher)).toBeVisible();
  const { basketCode } = valueOf(await till.send('sale/current', {}));
  await sale.confirmPayment();
  await receipt.expectShown();
  await expect(receipt.honourCode(HONOUR_CODE)).toBeVisible();
  await status.expectSalesWaiting(1);

  // Terminal 02 syncs first: its sale burns the voucher on the engine.
  gates.of('02').open();
  await secondTill.till.sync.syncNow();
  expect(valueOf(await secondTill.send('status/get', {}))).toMatchObject({
    online: true,
    salesWaiting: 0,
    conflictsOpen: 0,
  });

  // Then terminal 01: its sale is recorded too, and the voucher used twice becomes a conflict.
  gates.of('01').open();
  await till.till.sync.syncNow();
  await status.expectBackOnline();
  await status.expectSalesWaiting(0);
  await expect(status.root).toContainText('Sync conflicts: 1');

  const baskets = await engineDb
    .selectFrom('baskets')
    .select(['id', 'retailer_basket_code'])
    .where('retailer_basket_code', 'in', [other.basketCode, basketCode])
    .orderBy('id')
    .execute();
  expect(baskets.map((basket) => basket.retailer_basket_code)).toEqual([
    other.basketCode,
    basketCode,
  ]);
  const burned = await engineDb
    .selectFrom('vouchers')
    .select(['burned_at', 'redeemed_basket_id'])
    .where('code', '=', voucher)
    .execute();
  expect(burned).toHaveLength(1);
  expect(burned[0]?.burned_at).not.toBeNull();
  expect(burned[0]?.redeemed_basket_id).toBe(baskets[0]?.id);

  // The manager of terminal 01 sees the one conflict and acknowledges it.
  await receipt.newSale();
  await screens.open('Manager');
  await manager.signIn(MANAGER.username, MANAGER.password);
  const conflict = manager.conflict(basketCode);
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText(voucher);
  await expect(manager.syncConflicts.getByRole('button', { name: 'Acknowledge' })).toHaveCount(1);
  await saveScreen(page, testInfo, 'sync-conflict');

  await manager.acknowledge(basketCode, 'customer told at the door');
  await expect(conflict).toContainText(`Acknowledged by ${MANAGER.username}`);
  await expect(manager.syncConflicts.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await expect(status.root).not.toContainText('Sync conflicts');
  const conflicts = valueOf(await till.send('manager/conflicts', {}));
  expect(conflicts).toEqual({
    source: 'store',
    unreachable: null,
    conflicts: [
      expect.objectContaining({
        basketCode,
        voucherRef: voucher,
        terminalId: '01',
        winner: expect.objectContaining({ basketCode: other.basketCode, terminalId: '02' }),
        acknowledgedBy: MANAGER.username,
        acknowledgedAt: expect.any(String),
        note: 'customer told at the door',
      }),
    ],
  });
  await expect(manager.auditLog).toContainText(basketCode);
  await saveScreen(page, testInfo, 'sync-conflict-acknowledged');
});
