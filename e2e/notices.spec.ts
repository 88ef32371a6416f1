import { expect, test, valueOf } from './fixtures';
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
  await expect(sale.notice).toContainText(
    `Barcode ${unknownBarcode} is not in the catalogue; the item was not added. Type the item's code, or ask a manager to add the item.`,
  );
  await expect(sale.basket.getByRole('row').filter({ hasText: unknownBarcode })).toHaveCount(0);
  await expect(sale.totalToPay).toHaveText(money(milk.cents));

  await sale.scan(unknownVoucher);
  await expect(sale.notice).toContainText(
    `Voucher ${unknownVoucher} was refused: No voucher with this code exists. Check the code with the customer and scan or type it again.`,
  );
  await expect(sale.notice).not.toContainText('voucher_not_found');
  await expect(sale.refusedVoucher(unknownVoucher)).toContainText(
    'No voucher with this code exists. Check the code with the customer and scan or type it again.',
  );
  await expect(sale.totalToPay).toHaveText(money(milk.cents));

  await sale.scanItem(milk.barcode, milk.name, 2);
  await expect(sale.totalToPay).toHaveText(money(2 * milk.cents));
});

test('Void sale says which sale was voided, in a message slot that keeps its height', async ({
  ui,
  till,
}) => {
  const { sale } = ui;
  await sale.scanItem(milk.barcode, milk.name);
  const { basketCode } = valueOf(await till.send('sale/current', {}));
  const slot = sale.notice.page().locator('.alert-slot');
  const before = await slot.boundingBox();
  await sale.voidSale();
  await sale.expectEmpty();
  await expect(sale.notice).toContainText(
    `Sale voided: ${basketCode}. Its vouchers are free again; scan an item to start the next sale.`,
  );
  expect((await slot.boundingBox())?.height).toBe(before?.height);
});
