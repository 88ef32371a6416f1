import { expect, saveScreen, test, valueOf } from './fixtures';
import { holdVoucher, honourVoucher, ITEMS, MANAGER } from './support/demo';
import { clockTime, money } from './support/format';

const { croissant } = ITEMS;

test('a voucher held by another till is refused naming that till, the time its lock ends, and that a manager can free it', async ({
  ui,
  secondTill,
}) => {
  const { sale } = ui;
  const code = honourVoucher(2);
  const held = await holdVoucher(secondTill, code);

  await sale.scanItem(croissant.barcode, croissant.name);
  await sale.scan(code);
  const refused = sale.refusedVoucher(code);
  const words = `This voucher is held for a sale on till 02 until ${clockTime(held.lockedUntil)}. Wait until the hold ends, or ask a manager to free it (F2).`;
  // the till's own words, never the wire code: which till holds it, until when, what to do
  await expect(refused).toContainText(words);
  await expect(refused).not.toContainText('voucher_locked');
  await expect(sale.notice).toContainText(`Voucher ${code} was refused: ${words}`);
  await expect(sale.appliedVoucher(code)).toHaveCount(0);
  await expect(sale.totalToPay).toHaveText(money(croissant.cents));
});

test('Void sale releases the voucher locks: the second till can apply the voucher next', async ({
  ui,
  till,
  secondTill,
  engineDb,
}) => {
  const { sale } = ui;
  const code = honourVoucher(3);
  const lockOf = () =>
    engineDb
      .selectFrom('vouchers')
      .select(['lock_basket_code', 'lock_until'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();

  await sale.scanItem(croissant.barcode, croissant.name);
  await sale.scan(code);
  await expect(sale.appliedVoucher(code)).toContainText(/held for this sale until \d{2}:\d{2}/);
  const { basketCode } = valueOf(await till.send('sale/current', {}));
  expect((await lockOf()).lock_basket_code).toBe(basketCode);

  await sale.voidSale();
  await sale.expectEmpty();
  await expect(sale.appliedVouchers.getByRole('listitem')).toHaveCount(0);
  await expect(sale.totalToPay).toHaveText(money(0));
  await expect.poll(lockOf).toEqual({ lock_basket_code: null, lock_until: null });

  const other = await holdVoucher(secondTill, code);
  expect(other.basketCode).not.toBe(basketCode);
  expect((await lockOf()).lock_basket_code).toBe(other.basketCode);
});

test('a manager unlocks a stuck voucher: the status message, the engine and the audit log show it', async ({
  page,
  ui,
  secondTill,
  engineDb,
}, testInfo) => {
  const { screens, manager } = ui;
  const code = honourVoucher(4);
  const reason = 'till 02 froze mid-sale';
  const held = await holdVoucher(secondTill, code);

  await screens.open('Manager');
  await expect(manager.heading).toBeVisible();
  await manager.signIn(MANAGER.username, MANAGER.password);
  const row = manager.lockedVoucher(code);
  await expect(row).toBeVisible();
  await expect(row).toContainText(held.basketCode);
  await expect(row).toContainText(clockTime(held.lockedUntil));
  await saveScreen(page, testInfo, 'manager');

  await manager.unlock(code, reason);
  await expect(manager.unlockedMessage(code)).toBeVisible();
  const voucher = await engineDb
    .selectFrom('vouchers')
    .select(['voucher_key', 'lock_until', 'lock_basket_code'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  expect(voucher).toMatchObject({ lock_until: null, lock_basket_code: null });
  await expect(manager.lockedVoucher(code)).toHaveCount(0);
  const entry = manager.auditEntry(reason);
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(MANAGER.username);
  // the Voucher column names it by its code or by (the start of) its key
  await expect(entry).toContainText(new RegExp(`${code}|${voucher.voucher_key.slice(0, 8)}`));
});
