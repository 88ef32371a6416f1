import type { Kysely } from 'kysely';
import type { Database } from '../src-engine/db/schema';
import { expect, test, valueOf } from './fixtures';
import type { SalePage } from './pages/sale-page';
import { ITEMS, MANAGER, MEMBER } from './support/demo';
import { money } from './support/format';
import { expectAxeClean, expectInReach, TERMINAL_SCREENS } from './support/layout';

/** What the engine stored of a basket: what it charged, how it was paid, its total after vouchers. */
async function storedBasket(engineDb: Kysely<Database>, basketCode: string) {
  const basket = await engineDb
    .selectFrom('baskets')
    .select(['payment_methods_json', 'total_charged', 'total_gross', 'total_discount'])
    .where('retailer_basket_code', '=', basketCode)
    .executeTakeFirstOrThrow();
  return {
    payments: JSON.parse(basket.payment_methods_json ?? 'null') as unknown,
    charged: basket.total_charged,
    net: basket.total_gross - basket.total_discount,
  };
}

/** Coffee beans and olive oil for member 1000001: 21,94 less 10 % (2,19) and € 5,00 is € 14,75. */
async function memberBasket(sale: SalePage): Promise<void> {
  const { coffeeBeans, oliveOil } = ITEMS;
  await sale.scanItem(coffeeBeans.barcode, coffeeBeans.name);
  await sale.scanItem(oliveOil.barcode, oliveOil.name);
  await sale.scan(MEMBER);
  await expect(sale.appliedVoucher('DEMO-5EUR')).toBeVisible();
  await expect(sale.totalToPay).toHaveText(money(1475));
}

test('cash 20,00 for a € 14,75 basket: € 5,25 change, on the receipt and in the journal; the engine stores the cash payment', async ({
  ui,
  till,
  engineDb,
}) => {
  const { sale, receipt } = ui;
  await memberBasket(sale);
  const { basketCode } = valueOf(await till.send('sale/current', {}));

  await sale.confirmPaymentButton.click();
  await expect(sale.tenderDialog).toBeVisible();
  await expect(sale.tenderFigure('Total to pay')).toHaveText(money(1475));
  await expect(sale.tenderConfirmButton).toBeDisabled();
  await sale.payBy('Cash', '20');
  await expect(sale.tenderFigure('Change due')).toHaveText(money(525));
  await expect(sale.tenders.getByRole('listitem')).toHaveText([
    new RegExp(`Cash: ${money(2000)} received`),
  ]);
  await expect(sale.tenderConfirmButton).toBeFocused();
  await sale.tenderConfirmButton.click();

  await receipt.expectShown();
  await expect(receipt.totalPaid).toHaveText(money(1475));
  const payments = receipt.root.getByRole('list', { name: 'Payments taken' });
  await expect(payments.getByRole('listitem')).toHaveText([`Cash: ${money(2000)} received`]);
  await expect(receipt.root.getByRole('status', { name: 'Change given' })).toHaveText(money(525));

  const journal = valueOf(await till.send('receipt/get', { basketCode }));
  expect(journal.payment).toEqual({
    tenders: [
      {
        method: 'cash',
        kind: 'cash',
        name: null,
        tendered: 2000,
        amount: 1475,
        change: 525,
        rounding: 0,
        late: false,
      },
    ],
    paid: 1475,
    change: 525,
    toCollect: 0,
  });
  expect(await storedBasket(engineDb, basketCode)).toEqual({
    payments: [{ method: 'cash', amount: 1475 }],
    charged: 1475,
    net: 1475,
  });
});

test('a sale paid with two tenders: card 10,00, then the € 4,75 left in cash; both stored on the engine', async ({
  ui,
  till,
  engineDb,
}) => {
  const { sale, receipt } = ui;
  await memberBasket(sale);
  const { basketCode } = valueOf(await till.send('sale/current', {}));

  await sale.confirmPaymentButton.click();
  await sale.payBy('Card', '10,00');
  await expect(sale.tenderFigure('Still to pay')).toHaveText(money(475));
  await expect(sale.tenderConfirmButton).toBeDisabled();
  // a card does not give change: more than is left is refused, in words
  await sale.payBy('Card', '5');
  await expect(sale.tenderDialog.getByRole('alert')).toContainText('Only cash gives change');
  await sale.payBy('Cash', '4,75');
  await expect(sale.tenders.getByRole('listitem')).toHaveText([
    new RegExp(`Card: ${money(1000)}`),
    new RegExp(`Cash: ${money(475)}`),
  ]);
  await sale.tenderConfirmButton.click();

  await receipt.expectShown();
  const payments = receipt.root.getByRole('list', { name: 'Payments taken' });
  await expect(payments.getByRole('listitem')).toHaveText([
    `Card: ${money(1000)}`,
    `Cash: ${money(475)}`,
  ]);
  const journal = valueOf(await till.send('receipt/get', { basketCode }));
  expect(journal.payment).toMatchObject({ paid: 1475, change: 0, toCollect: 0 });
  expect(await storedBasket(engineDb, basketCode)).toEqual({
    payments: [
      { method: 'card', amount: 1000 },
      { method: 'cash', amount: 475 },
    ],
    charged: 1475,
    net: 1475,
  });
});

test('a voucher lost after the customer paid: the receipt says € 5,00 is still to collect, the cashier records it by card, and the receipt, the journal and the engine agree', async ({
  page,
  ui,
  till,
  engineDb,
}) => {
  const { sale, receipt } = ui;
  await memberBasket(sale);
  const { basketCode } = valueOf(await till.send('sale/current', {}));
  // another sale redeems DEMO-5EUR after the till last priced the sale, as the confirm leaves
  await page.route('**/api/sale/confirm', async (route) => {
    await engineDb
      .updateTable('vouchers')
      .set({ burned_at: Date.now(), lock_basket_code: null, lock_until: null, lock_code: null })
      .where('code', '=', 'DEMO-5EUR')
      .execute();
    await route.continue();
  });

  await sale.confirmPaymentButton.click();
  await sale.payBy('Cash', '20');
  await expect(sale.tenderFigure('Change due')).toHaveText(money(525));
  await sale.tenderConfirmButton.click();

  // without the € 5,00 voucher: 21,94 less 10 % is 19,75, of which 14,75 was paid
  await receipt.expectShown();
  const collect = receipt.root.getByRole('region', { name: 'Still to collect' });
  await expect(collect.getByRole('status', { name: 'Still to collect' })).toHaveText(money(500));
  await expect(collect).toContainText(`collect ${money(500)} more`);
  await expectInReach(collect.getByRole('button', { name: 'Card', exact: true }), 'Card');
  await collect.getByRole('button', { name: 'Card', exact: true }).click();
  await expect(collect).toBeHidden();
  await expect(receipt.totalPaid).toHaveText(money(1975));
  const payments = receipt.root.getByRole('list', { name: 'Payments taken' });
  await expect(payments.getByRole('listitem')).toHaveText([
    `Cash: ${money(2000)} received`,
    `Card: ${money(500)} (collected afterwards)`,
  ]);

  const journal = valueOf(await till.send('receipt/get', { basketCode }));
  expect(journal.totals.net).toBe(1975);
  expect(journal.payment).toMatchObject({ paid: 1975, change: 525, toCollect: 0 });
  expect(await storedBasket(engineDb, basketCode)).toEqual({
    payments: [
      { method: 'cash', amount: 1475 },
      { method: 'card', amount: 500 },
    ],
    charged: 1975,
    net: 1975,
  });
  // the manager's audit log says who collected it, and how
  valueOf(await till.send('manager/sign-in', MANAGER));
  const audit = valueOf(await till.send('manager/audit-log', { limit: 10 }));
  expect(audit.filter((entry) => entry.action === 'collect_payment')).toMatchObject([
    { actor: 'terminal:01', basketCode, detail: `card: ${money(500)}` },
  ]);
});

for (const language of ['en', 'nl'] as const) {
  test.describe(`the tender panel in ${language === 'en' ? 'English' : 'Dutch'}`, () => {
    test.use({ tillLanguage: language });
    const words =
      language === 'en'
        ? {
            scan: 'Scan or type a code',
            confirm: 'Confirm payment',
            dialog: 'Payment',
            cash: 'Cash',
            amount: 'Amount received',
            back: 'Back to the sale',
          }
        : {
            scan: 'Scan of typ een code',
            confirm: 'Betaling bevestigen',
            dialog: 'Betaling',
            cash: 'Contant',
            amount: 'Ontvangen bedrag',
            back: 'Terug naar de verkoop',
          };
    test('at each terminal size: every control of the tender panel in reach, axe clean', async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const { coffeeBeans } = ITEMS;
      const scanField = page.getByRole('textbox', { name: words.scan });
      await scanField.focus();
      await page.keyboard.type(coffeeBeans.barcode, { delay: 5 });
      await page.keyboard.press('Enter');
      await expect(page.getByRole('row').filter({ hasText: coffeeBeans.name })).toBeVisible();
      const confirm = page.getByRole('button', { name: words.confirm, exact: true });
      await expect(confirm).toBeEnabled();
      const dialog = page.getByRole('dialog', { name: words.dialog });
      for (const size of TERMINAL_SCREENS) {
        const at = `${language}, ${String(size.width)}×${String(size.height)}`;
        await page.setViewportSize(size);
        await confirm.click();
        await expect(dialog).toBeVisible();
        await expectInReach(
          dialog.getByRole('textbox', { name: words.amount }),
          `the amount (${at})`,
        );
        for (const button of await dialog.getByRole('button').all())
          await expectInReach(button, `a button of the tender panel (${at})`);
        await expectAxeClean(page, `the tender panel (${at})`);
        await dialog.getByRole('textbox', { name: words.amount }).fill('5');
        await dialog.getByRole('button', { name: words.cash, exact: true }).click();
        await expect(dialog.getByRole('listitem')).toHaveCount(1);
        await expectAxeClean(page, `the tender panel with a payment (${at})`);
        await dialog.getByRole('button', { name: words.back, exact: true }).click();
        await expect(dialog).toBeHidden();
      }
    });
  });
}
