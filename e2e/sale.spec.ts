import { expect, saveScreen, test, valueOf } from './fixtures';
import { HONOUR_CODE, honourVoucher, ITEMS, MEMBER } from './support/demo';
import { clockTime, discountPattern, money } from './support/format';

const HELD_UNTIL = /held for this sale until \d{2}:\d{2}/;

test('a member sale with both vouchers: the totals on screen match the hand-computed cents, and Confirm redeems the vouchers in the engine', async ({
  page,
  ui,
  till,
  engineDb,
}, testInfo) => {
  const { sale, receipt, status } = ui;
  const { coffeeBeans, oliveOil } = ITEMS;
  // Hand-computed: 14.95 + 6.99 = 21.94; percentage first: 10 % of 21.94 = 2.194 → 2.19 (half
  // away from zero); then the fixed €5.00 on the 19.75 left: 14.75 to pay, 7.19 off.
  const gross = coffeeBeans.cents + oliveOil.cents;
  const tenPercent = 219;
  const fiveEuro = 500;
  const net = gross - tenPercent - fiveEuro;
  expect([gross, net]).toEqual([2194, 1475]);

  await sale.expectShown();
  await status.expectOnline('S001', '01');
  await sale.expectEmpty();
  await expect(sale.customer).toContainText('No customer');
  const { basketCode } = valueOf(await till.send('sale/current', {}));
  await expect(page.getByText(basketCode)).toBeVisible();

  await sale.scanItem(coffeeBeans.barcode, coffeeBeans.name);
  await expect(sale.basketRow(coffeeBeans.name)).toContainText(money(coffeeBeans.cents));
  await sale.scanItem(oliveOil.barcode, oliveOil.name);
  await expect(sale.subtotal).toHaveText(money(gross));
  await expect(sale.totalToPay).toHaveText(money(gross));

  await sale.scan(MEMBER);
  await expect(sale.customer).toContainText(`Member ${MEMBER}`);
  await expect(sale.appliedVoucher('DEMO-10PCT')).toContainText(discountPattern(tenPercent));
  await expect(sale.appliedVoucher('DEMO-5EUR')).toContainText(discountPattern(fiveEuro));
  await expect(sale.appliedVoucher('DEMO-10PCT')).toContainText(HELD_UNTIL);
  await expect(sale.appliedVoucher('DEMO-5EUR')).toContainText(HELD_UNTIL);
  await expect(sale.refusedVouchers.getByRole('listitem')).toHaveCount(0);
  await expect(sale.subtotal).toHaveText(money(gross));
  await expect(sale.discount).toHaveText(discountPattern(tenPercent + fiveEuro));
  await expect(sale.totalToPay).toHaveText(money(net));

  const locks = await engineDb
    .selectFrom('vouchers')
    .select(['code', 'lock_basket_code', 'lock_until', 'burned_at'])
    .where('code', 'in', ['DEMO-10PCT', 'DEMO-5EUR'])
    .orderBy('code')
    .execute();
  expect(locks.map((voucher) => [voucher.code, voucher.lock_basket_code])).toEqual([
    ['DEMO-10PCT', basketCode],
    ['DEMO-5EUR', basketCode],
  ]);
  const lockedUntil = locks[0]?.lock_until ?? 0;
  await expect(sale.appliedVoucher('DEMO-10PCT')).toContainText(
    clockTime(new Date(lockedUntil).toISOString()),
  );
  await saveScreen(page, testInfo, 'sale-with-vouchers');

  await sale.confirmPayment();
  await receipt.expectShown();
  await expect(receipt.totalPaid).toHaveText(money(net));
  await saveScreen(page, testInfo, 'receipt');

  const redeemed = await engineDb
    .selectFrom('vouchers')
    .select(['code', 'burned_at', 'redeemed_basket_id'])
    .where('code', 'in', ['DEMO-10PCT', 'DEMO-5EUR'])
    .execute();
  expect(redeemed).toHaveLength(2);
  expect(redeemed.every((voucher) => voucher.burned_at !== null)).toBe(true);
  const basket = await engineDb
    .selectFrom('baskets')
    .select(['id', 'total_gross', 'total_discount'])
    .where('retailer_basket_code', '=', basketCode)
    .executeTakeFirstOrThrow();
  expect(basket).toMatchObject({ total_gross: gross, total_discount: tenPercent + fiveEuro });
  expect(redeemed.map((voucher) => voucher.redeemed_basket_id)).toEqual([basket.id, basket.id]);
});

test('the receipt shows the lines, the vouchers redeemed, the honour code to hand over, the basket code and the total paid; New sale returns to an empty sale', async ({
  page,
  ui,
  till,
}, testInfo) => {
  const { sale, receipt } = ui;
  const { croissant, flatWhite } = ITEMS;
  const voucher = honourVoucher(1);
  // 2 × 1.45 + 3.50 = 6.40; an honour voucher takes nothing off: the cashier hands the coffee over.
  const total = 2 * croissant.cents + flatWhite.cents;
  expect(total).toBe(640);

  await sale.scanItem(croissant.barcode, croissant.name);
  await sale.oneMoreButton(croissant.name).click();
  await expect(sale.basketRow(croissant.name)).toContainText('2');
  await sale.scanItem(flatWhite.barcode, flatWhite.name);
  await sale.scan(voucher);
  await expect(sale.appliedVoucher(voucher)).toBeVisible();
  await expect(sale.totalToPay).toHaveText(money(total));
  const { basketCode } = valueOf(await till.send('sale/current', {}));

  await sale.confirmPayment();
  await receipt.expectShown();
  await expect(receipt.root).toContainText(basketCode);
  await expect(receipt.line(croissant.name)).toContainText('2');
  await expect(receipt.line(croissant.name)).toContainText(money(croissant.cents));
  await expect(receipt.line(flatWhite.name)).toContainText(money(flatWhite.cents));
  await expect(receipt.redeemed(voucher)).toBeVisible();
  await expect(receipt.honourCode(HONOUR_CODE)).toBeVisible();
  await expect(receipt.totalPaid).toHaveText(money(total));
  await saveScreen(page, testInfo, 'receipt-honour');

  await receipt.newSale();
  await sale.expectShown();
  await sale.expectEmpty();
  await expect(sale.totalToPay).toHaveText(money(0));
  await expect(sale.customer).toContainText('No customer');
  await expect(sale.appliedVouchers.getByRole('listitem')).toHaveCount(0);
  await expect(sale.scanField).toBeFocused();
  const fresh = valueOf(await till.send('sale/current', {}));
  expect(fresh.basketCode).not.toBe(basketCode);
  await expect(page.getByText(fresh.basketCode)).toBeVisible();
});

test('a voucher worth more than the basket: the receipt lists its rest, issued by the engine, with its value and expiry', async ({
  page,
  ui,
}, testInfo) => {
  const { sale, receipt } = ui;
  const { milk } = ITEMS;
  // 10 % of 1.29 is 0.13; the €5.00 voucher pays the 1.16 left, and 3.84 of it is issued anew.
  const rest = 500 - (milk.cents - 13);
  expect(rest).toBe(384);

  await sale.scanItem(milk.barcode, milk.name);
  await sale.scan(MEMBER);
  await expect(sale.appliedVoucher('DEMO-5EUR')).toBeVisible();
  await expect(sale.totalToPay).toHaveText(money(0));
  await sale.confirmPayment();
  await receipt.expectShown();
  const issued = receipt.issued('Rest of voucher DEMO-5EUR');
  await expect(issued).toContainText(money(rest));
  await expect(issued).toContainText(/valid until \d{2}-\d{2}-\d{4}/);
  await saveScreen(page, testInfo, 'receipt-issued');
});
