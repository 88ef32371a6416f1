import type { Page } from '@playwright/test';
import { expect, test, valueOf, type TestTill } from './fixtures';
import { ITEMS, WEIGHED_ITEM } from './support/demo';
import { money } from './support/format';
import { expectAxeClean, expectInReach, TERMINAL_SCREENS } from './support/layout';
import type { Kysely } from 'kysely';
import type { Database } from '../src-engine/db/schema';

const { croissant, coffeeBeans } = ITEMS;

// a touch terminal with a keyboard: keypad keys and products are tapped, or typed
test.use({ hasTouch: true });

/** The engine's stored lines of a confirmed basket: quantity as it keeps it (text) and gross in cents. */
async function storedLines(engineDb: Kysely<Database>, basketCode: string) {
  const basket = await engineDb
    .selectFrom('baskets')
    .select(['id', 'total_gross'])
    .where('retailer_basket_code', '=', basketCode)
    .executeTakeFirstOrThrow();
  const lines = await engineDb
    .selectFrom('basket_items')
    .select(['quantity', 'unit_price', 'gross'])
    .where('basket_id', '=', basket.id)
    .orderBy('position')
    .execute();
  return { totalGross: basket.total_gross, lines };
}

async function basketCodeOf(till: TestTill): Promise<string> {
  return valueOf(await till.send('sale/current', {})).basketCode;
}

/** Types `text` into the scan field as a person does, slowly (not a scanner burst), then Enter. */
async function typeIntoScanField(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByRole('textbox', { name: label });
  await field.focus();
  await page.keyboard.type(text, { delay: 60 });
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue('');
}

test('a weighed item asks for its weight: 0,785 kg × € 1,99/kg is € 1,56 on screen, on the engine and on the receipt; changed later to 1,250 kg', async ({
  page,
  ui,
  till,
  engineDb,
}) => {
  const { sale, receipt } = ui;
  // hand-computed: 0.785 × 199 = 156.215 → 156 cents; 1.25 × 199 = 248.75 → 249 (half away from zero)
  const first = 156;
  const second = 249;
  await sale.expectShown();
  const basketCode = await basketCodeOf(till);

  await sale.scan(WEIGHED_ITEM.barcode);
  const weigh = page.getByRole('dialog', { name: `Weight of ${WEIGHED_ITEM.name}` });
  await expect(weigh).toBeVisible();
  // nothing is on the sale until it is weighed
  expect(valueOf(await till.send('sale/current', {})).lines).toEqual([]);
  const weight = weigh.getByRole('textbox', { name: 'Weight in kg' });
  await expect(weight).toBeFocused();
  await page.keyboard.type('0,785');
  await page.keyboard.press('Enter');
  await expect(weigh).toBeHidden();

  const row = sale.basketRow(WEIGHED_ITEM.name);
  await expect(row).toContainText('0,785 kg × € 1,99/kg');
  await expect(row).toContainText(money(first));
  await expect(sale.totalToPay).toHaveText(money(first));
  // a weight does not step in whole kilograms
  await expect(sale.oneMoreButton(WEIGHED_ITEM.name)).toHaveCount(0);
  await expect(sale.oneFewerButton(WEIGHED_ITEM.name)).toHaveCount(0);
  const view = valueOf(await till.send('sale/current', {}));
  expect(view.lines.map((line) => [line.quantity, line.unit, line.gross])).toEqual([
    [0.785, 'kg', first],
  ]);

  // changed later: the weight's button opens the keypad, tapped this time
  await row.getByRole('button', { name: `Weight of ${WEIGHED_ITEM.name}: 0,785 kg` }).click();
  await expect(weigh).toBeVisible();
  for (const key of ['1', 'Decimal comma', '2', '5']) {
    await weigh.getByRole('button', { name: key, exact: true }).click();
  }
  await expect(weight).toHaveValue('1,25');
  await weigh.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(row).toContainText('1,250 kg × € 1,99/kg');
  await expect(sale.totalToPay).toHaveText(money(second));

  await sale.confirmPayment();
  await receipt.expectShown();
  await expect(receipt.lines.getByRole('row').filter({ hasText: WEIGHED_ITEM.name })).toContainText(
    '1,250 kg',
  );
  await expect(receipt.totalPaid).toHaveText(money(second));
  const stored = await storedLines(engineDb, basketCode);
  expect(stored.lines).toEqual([
    { quantity: '1.25', unit_price: WEIGHED_ITEM.cents, gross: second },
  ]);
  expect(stored.totalGross).toBe(second);
});

test('a weight with more than 3 decimals, or none, is refused by the keypad with what to enter', async ({
  page,
  ui,
  till,
}) => {
  const { sale } = ui;
  await sale.expectShown();
  await sale.scan(WEIGHED_ITEM.barcode);
  const weigh = page.getByRole('dialog', { name: `Weight of ${WEIGHED_ITEM.name}` });
  const weight = weigh.getByRole('textbox', { name: 'Weight in kg' });
  await expect(weight).toBeFocused();
  const refusal = weigh.getByRole('alert');
  // typed by a person: six keys as fast as a scanner's would be read as a scan
  await page.keyboard.type('0,7855', { delay: 60 });
  await page.keyboard.press('Enter');
  await expect(refusal).toHaveText('Enter a weight above 0 kg with at most 3 decimals.');
  await expect(weight).toHaveValue('0,7855');

  await weight.fill('');
  await expect(refusal).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(refusal).toHaveText('Enter a weight above 0 kg with at most 3 decimals.');
  await weigh.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(weigh).toBeHidden();
  await expect(sale.scanField).toBeFocused();
  expect(valueOf(await till.send('sale/current', {})).lines).toEqual([]);
});

test('a quantity of 24 typed at once on the keypad: 24 × € 1,45 on screen and on the engine', async ({
  page,
  ui,
  till,
  engineDb,
}) => {
  const { sale, receipt } = ui;
  const gross = 24 * croissant.cents;
  await sale.expectShown();
  const basketCode = await basketCodeOf(till);
  await sale.scanItem(croissant.barcode, croissant.name);
  const row = sale.basketRow(croissant.name);
  await row.getByRole('button', { name: `Quantity of ${croissant.name}: 1` }).click();
  const keypad = page.getByRole('dialog', { name: `Quantity of ${croissant.name}` });
  await expect(keypad).toBeVisible();
  // the first key replaces the quantity shown
  await keypad.getByRole('button', { name: '2', exact: true }).click();
  await keypad.getByRole('button', { name: '4', exact: true }).click();
  await expect(keypad.getByRole('textbox', { name: 'Quantity' })).toHaveValue('24');
  await keypad.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(keypad).toBeHidden();
  await expect(
    row.getByRole('button', { name: `Quantity of ${croissant.name}: 24` }),
  ).toBeVisible();
  await expect(sale.totalToPay).toHaveText(money(gross));
  // the stepper still steps by one
  await sale.oneMoreButton(croissant.name).click();
  await expect(sale.totalToPay).toHaveText(money(gross + croissant.cents));
  await sale.oneFewerButton(croissant.name).click();
  await expect(sale.totalToPay).toHaveText(money(gross));

  // pieces are whole: the keypad refuses 2,5 (the keyboard may type a comma)
  await row.getByRole('button', { name: `Quantity of ${croissant.name}: 24` }).click();
  await page.keyboard.type('2,5');
  await page.keyboard.press('Enter');
  await expect(keypad.getByRole('alert')).toHaveText('Enter a whole number of at least 1.');
  await page.keyboard.press('Escape');
  await expect(keypad).toBeHidden();

  await sale.confirmPayment();
  await receipt.expectShown();
  const stored = await storedLines(engineDb, basketCode);
  expect(stored.lines).toEqual([{ quantity: '24', unit_price: croissant.cents, gross }]);
});

test('typing "coffee" lists the catalogue’s products by name: picking one by keyboard adds it, no voucher is refused; a weighed product picked by touch asks its weight', async ({
  page,
  ui,
  till,
  engineDb,
}) => {
  const { sale, receipt } = ui;
  await sale.expectShown();
  const basketCode = await basketCodeOf(till);

  await typeIntoScanField(page, 'Scan or type a code', 'coffee');
  const results = page.getByRole('dialog', { name: 'Products matching “coffee”' });
  await expect(results).toBeVisible();
  const picks = results.getByRole('list', { name: 'Search results' }).getByRole('button');
  await expect(picks).toHaveText([/Coffee beans 1 kg/]);
  await expect(picks.first()).toHaveAccessibleName(
    `Coffee beans 1 kg, ${money(coffeeBeans.cents)}`,
  );
  await expect(picks.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(results).toBeHidden();
  await expect(sale.basketRow(coffeeBeans.name)).toBeVisible();
  await expect(sale.refusedVouchers.getByRole('listitem')).toHaveCount(0);
  await expect(sale.scanField).toBeFocused();

  await typeIntoScanField(page, 'Scan or type a code', 'banan');
  const bananas = page.getByRole('dialog', { name: 'Products matching “banan”' });
  await bananas.getByRole('button', { name: `${WEIGHED_ITEM.name}, € 1,99/kg` }).tap();
  const weigh = page.getByRole('dialog', { name: `Weight of ${WEIGHED_ITEM.name}` });
  await expect(weigh).toBeVisible();
  await page.keyboard.type('0.5');
  await page.keyboard.press('Enter');
  await expect(sale.basketRow(WEIGHED_ITEM.name)).toContainText('0,500 kg');

  // a real voucher code typed by hand is still a voucher code: no product has it in its name
  await typeIntoScanField(page, 'Scan or type a code', 'NOPE-1234');
  await expect(sale.notice).toContainText('Voucher NOPE-1234 was refused');

  await sale.confirmPayment();
  await receipt.expectShown();
  const stored = await storedLines(engineDb, basketCode);
  // 0.5 × 199 = 99.5 → 100 cents (half away from zero)
  expect(stored.lines).toEqual([
    { quantity: '1', unit_price: coffeeBeans.cents, gross: coffeeBeans.cents },
    { quantity: '0.5', unit_price: WEIGHED_ITEM.cents, gross: 100 },
  ]);
});

test('function keys: F8 asks to void, F12 confirms the payment, F9 starts the next sale; each is shown on its button', async ({
  page,
  ui,
  till,
  engineDb,
}) => {
  const { sale, receipt } = ui;
  await sale.expectShown();
  await expect(sale.confirmPaymentButton).toHaveAttribute('aria-keyshortcuts', 'F12');
  await expect(sale.confirmPaymentButton).toContainText('F12');
  await expect(sale.voidSaleButton).toHaveAttribute('aria-keyshortcuts', 'F8');
  await expect(sale.voidSaleButton).toContainText('F8');

  // nothing to void or pay yet: the keys do nothing
  await page.keyboard.press('F8');
  await expect(sale.voidDialog).toBeHidden();

  const voided = await basketCodeOf(till);
  await sale.scanItem(croissant.barcode, croissant.name);
  await page.keyboard.press('F8');
  await expect(sale.voidDialog).toBeVisible();
  // while the dialog is open, F12 does not pay behind it
  await page.keyboard.press('F12');
  await expect(receipt.heading).toBeHidden();
  await sale.voidDialog.getByRole('button', { name: 'Void sale', exact: true }).click();
  await sale.expectEmpty();
  expect(await basketCodeOf(till)).not.toBe(voided);

  const paid = await basketCodeOf(till);
  await sale.scanItem(coffeeBeans.barcode, coffeeBeans.name);
  await expect(sale.totalToPay).toHaveText(money(coffeeBeans.cents));
  // F12 is Confirm payment: the payment panel opens, paid in cash
  await page.keyboard.press('F12');
  await expect(sale.tenderDialog).toBeVisible();
  await sale.payBy('Cash');
  await sale.tenderConfirmButton.click();
  await receipt.expectShown();
  await expect(receipt.newSaleButton).toHaveAttribute('aria-keyshortcuts', 'F9');
  await expect(receipt.newSaleButton).toContainText('F9');
  const stored = await storedLines(engineDb, paid);
  expect(stored.lines).toEqual([
    { quantity: '1', unit_price: coffeeBeans.cents, gross: coffeeBeans.cents },
  ]);
  const voidedOnEngine = await engineDb
    .selectFrom('baskets')
    .select('id')
    .where('retailer_basket_code', '=', voided)
    .execute();
  expect(voidedOnEngine).toEqual([]);

  await page.keyboard.press('F9');
  await sale.expectShown();
  await sale.expectEmpty();
});

/** The words the layout checks look for, in each language. */
const WORDS = {
  en: {
    scanField: 'Scan or type a code',
    weightOf: (name: string) => `Weight of ${name}`,
    quantityOf: (name: string) => `Quantity of ${name}`,
    quantityButton: (name: string) => `Quantity of ${name}: 1`,
    weightButton: (name: string) => `Weight of ${name}: 0,785 kg`,
    results: (query: string) => `Products matching “${query}”`,
    ok: 'OK',
  },
  nl: {
    scanField: 'Scan of typ een code',
    weightOf: (name: string) => `Gewicht ${name}`,
    quantityOf: (name: string) => `Aantal ${name}`,
    quantityButton: (name: string) => `Aantal ${name}: 1`,
    weightButton: (name: string) => `Gewicht ${name}: 0,785 kg`,
    results: (query: string) => `Artikelen met „${query}”`,
    ok: 'OK',
  },
} as const;

for (const language of ['en', 'nl'] as const) {
  const words = WORDS[language];
  test.describe(`in ${language}`, () => {
    test.use({ hasTouch: true, tillLanguage: language });

    test('at each terminal size: the keypad (a weight and a quantity) and the search results are in reach and pass axe', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const scanField = page.getByRole('textbox', { name: words.scanField });
      await expect(scanField).toBeVisible();
      await scanField.focus();
      await page.keyboard.type(WEIGHED_ITEM.barcode, { delay: 5 });
      await page.keyboard.press('Enter');
      const weigh = page.getByRole('dialog', { name: words.weightOf(WEIGHED_ITEM.name) });
      await expect(weigh).toBeVisible();
      await page.keyboard.type('0,785');
      await page.keyboard.press('Enter');
      await expect(weigh).toBeHidden();
      await typeIntoScanField(page, words.scanField, croissant.barcode);
      const keypad = page.getByRole('dialog', { name: words.quantityOf(croissant.name) });
      const results = page.getByRole('dialog', { name: words.results('oil') });

      for (const size of TERMINAL_SCREENS) {
        const at = `${language}, ${String(size.width)}×${String(size.height)}`;
        await page.setViewportSize(size);
        await page
          .getByRole('button', { name: words.weightButton(WEIGHED_ITEM.name), exact: true })
          .click();
        await expect(weigh).toBeVisible();
        for (const key of ['7', '0', words.ok])
          await expectInReach(
            weigh.getByRole('button', { name: key, exact: true }),
            `key ${key} (${at})`,
          );
        await expectAxeClean(page, `the weight keypad (${at})`);
        await page.keyboard.press('Escape');
        await expect(weigh).toBeHidden();

        await page
          .getByRole('button', { name: words.quantityButton(croissant.name), exact: true })
          .click();
        await expect(keypad).toBeVisible();
        await expectInReach(
          keypad.getByRole('button', { name: words.ok, exact: true }),
          `OK (${at})`,
        );
        await expectAxeClean(page, `the quantity keypad (${at})`);
        await page.keyboard.press('Escape');
        await expect(keypad).toBeHidden();
        await expectAxeClean(page, `a weighed line (${at})`);

        await typeIntoScanField(page, words.scanField, 'oil');
        await expect(results).toBeVisible();
        await expectInReach(results.getByRole('button').first(), `the first product found (${at})`);
        await expectAxeClean(page, `the search results (${at})`);
        await page.keyboard.press('Escape');
        await expect(results).toBeHidden();
      }
    });
  });
}
