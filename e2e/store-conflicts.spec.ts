import { ITEMS, MANAGER, honourVoucher } from './support/demo';
import { expect, saveScreen, test, valueOf } from './fixtures';

// Each till behind its own gate, so that both can be offline at once and come back one by one.
test.use({ tillOffline: { giveUpAfterMs: 500 }, tillsBehindGates: true });

test('the till that lost the race is terminal 02: a manager at terminal 01 sees its conflict from the engine and acknowledges it with a note, which terminal 02 then lists', async ({
  page,
  ui,
  till,
  secondTill,
  gates,
}, testInfo) => {
  const { sale, receipt, status, screens, manager } = ui;
  const { croissant } = ITEMS;
  const voucher = honourVoucher(4);

  await Promise.all([till.till.sync.syncNow(), secondTill.till.sync.syncNow()]);
  await status.expectOnline('S001', '01');
  gates.of('01').close();
  gates.of('02').close();

  // Terminal 01, on screen, sells the voucher offline …
  await sale.expectShown();
  await sale.scanItem(croissant.barcode, croissant.name);
  await status.expectOffline();
  await sale.scan(voucher);
  await expect(sale.appliedVoucher(voucher)).toBeVisible();
  const { basketCode: won } = valueOf(await till.send('sale/current', {}));
  await sale.confirmPayment();
  await receipt.expectShown();

  // … and terminal 02 (through its API) accepts the same voucher from its own cache.
  const other = valueOf(await secondTill.send('sale/current', {}));
  valueOf(await secondTill.send('sale/scan', { saleId: other.saleId, code: croissant.barcode }));
  const priced = valueOf(
    await secondTill.send('sale/scan', { saleId: other.saleId, code: voucher }),
  );
  expect(priced.applied.map((applied) => applied.code)).toEqual([voucher]);
  valueOf(await secondTill.send('sale/confirm', { saleId: other.saleId }));

  // Terminal 01 syncs first and wins; terminal 02 syncs second and loses the voucher.
  gates.of('01').open();
  await till.till.sync.syncNow();
  await status.expectBackOnline();
  await status.expectSalesWaiting(0);
  gates.of('02').open();
  await secondTill.till.sync.syncNow();
  expect(valueOf(await secondTill.send('status/get', {}))).toMatchObject({ conflictsOpen: 1 });
  // the page's till lost nothing: its own count stays empty
  expect(valueOf(await till.send('status/get', {}))).toMatchObject({ conflictsOpen: 0 });

  // The manager at terminal 01 sees the conflict terminal 02 lost, and who won.
  await receipt.newSale();
  await screens.open('Manager');
  await manager.signIn(MANAGER.username, MANAGER.password);
  const conflict = manager.conflict(other.basketCode);
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('Till 02, store S001');
  await expect(conflict).toContainText(voucher);
  await expect(conflict).toContainText('Voucher already redeemed');
  await expect(conflict).toContainText(`Redeemed first by sale ${won} at till 01.`);
  await expect(
    page.getByText('The conflicts of every till in this store, from the voucher engine.'),
  ).toBeVisible();
  await saveScreen(page, testInfo, 'store-sync-conflict');

  await manager.acknowledge(other.basketCode, 'customer of till 02 told');
  await expect(conflict).toContainText(`Acknowledged by ${MANAGER.username}`);
  await expect(conflict).toContainText('Note: customer of till 02 told');
  await expect(manager.syncConflicts.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await expect(manager.auditLog).toContainText(other.basketCode);

  // Terminal 02's manager list has it acknowledged, with the note; its own count settles.
  valueOf(
    await secondTill.send('manager/sign-in', {
      username: MANAGER.username,
      password: MANAGER.password,
    }),
  );
  const listed = valueOf(await secondTill.send('manager/conflicts', {}));
  expect(listed).toMatchObject({ source: 'store', unreachable: null });
  expect(listed.conflicts).toEqual([
    expect.objectContaining({
      basketCode: other.basketCode,
      terminalId: '02',
      voucherRef: voucher,
      winner: expect.objectContaining({ basketCode: won, terminalId: '01' }),
      acknowledgedBy: MANAGER.username,
      note: 'customer of till 02 told',
    }),
  ]);
  expect(valueOf(await secondTill.send('status/get', {}))).toMatchObject({ conflictsOpen: 0 });
  valueOf(await secondTill.send('manager/sign-out', {}));
});
