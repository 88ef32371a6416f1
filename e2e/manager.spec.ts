import { expect, saveScreen, test } from './fixtures';
import { holdVoucher, honourVoucher, MANAGER } from './support/demo';

test('a manager frees every voucher of a sale left at another till, and finds each in the audit log by its code', async ({
  page,
  ui,
  secondTill,
  engineDb,
}, testInfo) => {
  const { screens, manager } = ui;
  const codes = [honourVoucher(5), honourVoucher(6)];
  const held = [];
  for (const code of codes) held.push(await holdVoucher(secondTill, code));
  const basketCode = held[0]?.basketCode ?? '';
  expect(held.map((voucher) => voucher.basketCode)).toEqual([basketCode, basketCode]);

  await screens.open('Manager');
  await manager.signIn(MANAGER.username, MANAGER.password);
  await expect(
    manager.lockedVouchers.getByRole('rowheader', { name: `Sale ${basketCode}: 2 vouchers` }),
  ).toBeVisible();
  await saveScreen(page, testInfo, 'manager-sale-locks');

  await manager.freeSale(basketCode, 'Sale abandoned at another till');
  await expect(page.getByRole('status')).toContainText(`2 vouchers of sale ${basketCode} freed.`);
  await expect(manager.lockedVouchers).toContainText('No vouchers are locked in this store.');
  const locks = await engineDb
    .selectFrom('vouchers')
    .select(['lock_until', 'lock_basket_code'])
    .where('code', 'in', codes)
    .execute();
  expect(locks).toEqual([
    { lock_until: null, lock_basket_code: null },
    { lock_until: null, lock_basket_code: null },
  ]);

  for (const code of codes) {
    const entry = manager.auditEntry(code);
    await expect(entry).toContainText('Freed a voucher');
    await expect(entry).toContainText(basketCode);
    await expect(entry).toContainText(MANAGER.username);
    await expect(entry).toContainText('Sale abandoned at another till');
    await expect(entry).not.toContainText('unlock_voucher');
  }
  await manager.filterAuditLog({ voucherCode: codes[1] ?? '' });
  await expect(manager.auditLog.getByRole('row')).toHaveCount(2);
  await expect(manager.auditEntry(codes[1] ?? '')).toBeVisible();
  await saveScreen(page, testInfo, 'manager-audit-filtered');
});
