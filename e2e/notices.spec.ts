import { expect, test } from './fixtures';
import { ITEMS } from './support/demo';
import { money } from './support/format';

const { milk } = ITEMS;

test('an unknown barcode and an unknown voucher code each give a clear message, and the sale goes on', async ({
  ui,
}) => {
  const { sale } = ui;
  const unknownBarcode = '8712345999990';
  const unknownVoucher = 'NOPE-1234';

  await sale.scanItem(milk.barcode, milk.name);
  await sale.scan(unknownBarcode);
  await expect(sale.notice).toContainText(unknownBarcode);
  await expect(sale.notice).toContainText(/not in the catalogue|unknown/i);
  await expect(sale.basket.getByRole('row').filter({ hasText: unknownBarcode })).toHaveCount(0);
  await expect(sale.totalToPay).toHaveText(money(milk.cents));

  await sale.scan(unknownVoucher);
  await expect(sale.notice).toContainText(unknownVoucher);
  await expect(sale.notice).not.toContainText('voucher_not_found');
  await expect(sale.notice).toContainText(/no voucher|not found|unknown/i);
  await expect(sale.refusedVoucher(unknownVoucher)).toContainText(/no voucher|not found|unknown/i);
  await expect(sale.totalToPay).toHaveText(money(milk.cents));

  await sale.scanItem(milk.barcode, milk.name, 2);
  await expect(sale.totalToPay).toHaveText(money(2 * milk.cents));
});
