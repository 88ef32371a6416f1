import type { Page } from '@playwright/test';
import { z } from 'zod';
import { calendarDay } from '../src-main/store/basket-codes';
import { expect, saveScreen, test, valueOf, type TestTill } from './fixtures';
import { ITEMS, MEMBER } from './support/demo';
import { discountPattern, money, TIMEZONE } from './support/format';
import {
  expectAxeClean,
  expectAllInReach,
  expectInReach,
  expectNoSidewaysScroll,
  TERMINAL_SCREENS,
} from './support/layout';

/** Sells `barcodes` on `till` through its API and confirms: the basket code. */
async function sellThroughApi(till: TestTill, barcodes: readonly string[]): Promise<string> {
  const { saleId, basketCode } = valueOf(await till.send('sale/current', {}));
  for (const code of barcodes) valueOf(await till.send('sale/scan', { saleId, code }));
  valueOf(await till.send('sale/confirm', { saleId }));
  return basketCode;
}

/** What the page had on paper each time it printed (window.print replaced in the page only). */
const printedSchema = z.array(
  z.object({
    paper: z.string(),
    widthPx: z.number(),
    barcodes: z.array(z.string()),
    text: z.string(),
  }),
);

/**
 * Replaces window.print in the page, now and after every reload, with one that records the
 * printed receipt as it stands when printed: its class, width, barcodes and text. (Page code
 * as text: the e2e code is compiled without the DOM's types.)
 */
const RECORD_PRINTS = `(() => {
  window.printed = [];
  window.print = () => {
    const paper = document.querySelector('article.print-receipt');
    window.printed.push({
      paper: paper ? paper.className : 'none',
      widthPx: paper ? paper.getBoundingClientRect().width : 0,
      barcodes: paper
        ? [...paper.querySelectorAll('svg[role="img"]')].map((svg) => svg.getAttribute('aria-label') ?? '')
        : [],
      text: paper ? paper.textContent : '',
    });
  };
})();`;

async function recordPrints(page: Page): Promise<void> {
  await page.addInitScript({ content: RECORD_PRINTS });
  await page.evaluate(RECORD_PRINTS);
}

async function prints(page: Page): Promise<z.infer<typeof printedSchema>> {
  const printed: unknown = await page.evaluate('window.printed');
  return printedSchema.parse(printed);
}

/** 80 mm in CSS pixels (96 per inch). */
const MM = 96 / 25.4;

test('a €5 voucher on a smaller basket: the receipt shows the remainder with its code, the engine’s, and the code pays in the next sale', async ({
  ui,
  engineDb,
}) => {
  const { sale, receipt } = ui;
  const { croissant, coffeeBeans } = ITEMS;
  // Hand-computed: 10 % of 1.45 = 0.145 → 0.15 (half away from zero): 1.30 left; the €5.00
  // voucher pays all of it and leaves 5.00 − 1.30 = 3.70.
  const tenPercent = 15;
  const fiveEuroUsed = croissant.cents - tenPercent;
  const remainder = 500 - fiveEuroUsed;
  expect(remainder).toBe(370);

  await sale.expectShown();
  await sale.scanItem(croissant.barcode, croissant.name);
  await sale.scan(MEMBER);
  await expect(sale.appliedVoucher('DEMO-10PCT')).toContainText(discountPattern(tenPercent));
  await expect(sale.appliedVoucher('DEMO-5EUR')).toContainText(discountPattern(fiveEuroUsed));
  await expect(sale.totalToPay).toHaveText(money(0));
  await sale.confirmPayment();
  await receipt.expectShown();

  const parent = await engineDb
    .selectFrom('vouchers')
    .select(['id', 'burned_at'])
    .where('code', '=', 'DEMO-5EUR')
    .executeTakeFirstOrThrow();
  expect(parent.burned_at).not.toBeNull();
  const child = await engineDb
    .selectFrom('vouchers')
    .select(['code', 'amount', 'expires_at', 'burned_at'])
    .where('parent_voucher_id', '=', parent.id)
    .executeTakeFirstOrThrow();
  expect(child).toMatchObject({ amount: remainder, burned_at: null });
  const code = child.code ?? '';
  expect(code).not.toBe('');

  const issued = receipt.issued('Rest of voucher DEMO-5EUR');
  await expect(issued).toContainText(code);
  await expect(issued).toContainText(money(remainder));
  await expect(issued).toContainText(/valid until \d{2}-\d{2}-\d{4}/);

  // the remainder is the member's, as its parent was: their card, then the code off the receipt
  await receipt.newSale();
  await sale.scanItem(coffeeBeans.barcode, coffeeBeans.name);
  await sale.scan(MEMBER);
  await sale.scan(code);
  await expect(sale.appliedVoucher(code)).toContainText(discountPattern(remainder));
  await expect(sale.totalToPay).toHaveText(money(coffeeBeans.cents - remainder));
  await sale.confirmPayment();
  await receipt.expectShown();
  await expect(receipt.redeemed(code)).toBeVisible();

  const spent = await engineDb
    .selectFrom('vouchers')
    .select(['burned_at', 'redeemed_basket_id'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  expect(spent.burned_at).not.toBeNull();
  expect(spent.redeemed_basket_id).not.toBeNull();
});

test('reprint of the last sale after New sale and after a reload, through the print dialog in the 80 mm layout; past sales found by basket code, day and amount', async ({
  page,
  ui,
  till,
  engineDb,
}) => {
  test.setTimeout(90_000);
  const { sale, receipt, screens, pastSales } = ui;
  const { croissant, oliveOil } = ITEMS;
  await recordPrints(page);

  // an earlier sale of this till, through its API: olive oil, € 6,99
  const earlier = await sellThroughApi(till, [oliveOil.barcode]);
  await page.reload();
  await sale.expectShown();
  await sale.scanItem(croissant.barcode, croissant.name);
  const { basketCode } = valueOf(await till.send('sale/current', {}));
  await sale.confirmPayment();
  await receipt.expectShown();

  // the print layout: the screens give way to the receipt, 80 mm wide, with its barcode
  const printButton = page.getByRole('button', { name: 'Print receipt', exact: true });
  await expect(printButton).toBeEnabled();
  // in print the screens are hidden, their buttons too: the click is dispatched to the one found
  const button = await printButton.elementHandle();
  await page.emulateMedia({ media: 'print' });
  await button.dispatchEvent('click');
  await expect.poll(async () => (await prints(page)).length).toBe(1);
  const [first] = await prints(page);
  expect(first?.paper).toContain('print-receipt--80mm');
  expect(first?.widthPx).toBeGreaterThan(60 * MM);
  expect(first?.widthPx).toBeLessThanOrEqual(80 * MM);
  expect(first?.barcodes).toEqual([`Barcode of basket ${basketCode}`]);
  expect(first?.text).toContain('Store S001 · Till 01');
  expect(first?.text).toContain(croissant.name);
  expect(first?.text).not.toContain('Copy');
  await expect(page.locator('#root')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('article', { name: 'Printed receipt' })).toHaveCount(0);

  // after New sale: Past sales (F6), Last receipt, Reprint
  await receipt.newSale();
  await page.keyboard.press('F6');
  await pastSales.expectShown();
  await expect(pastSales.rows()).toHaveCount(2);
  await expect(pastSales.rows().first()).toContainText(basketCode);
  await pastSales.lastReceiptButton.click();
  await expect(receipt.root).toContainText(basketCode);
  await expect(receipt.line(croissant.name)).toBeVisible();
  await expect(receipt.syncBadge).toHaveText('Recorded by the engine');
  await pastSales.reprintButton.click();
  await expect.poll(async () => (await prints(page)).length).toBe(2);
  const [, second] = await prints(page);
  expect(second?.text).toContain('Copy');
  expect(second?.barcodes).toEqual([`Barcode of basket ${basketCode}`]);

  // after a reload: the same receipt comes back
  await page.reload();
  await sale.expectShown();
  await screens.open('Past sales');
  await pastSales.lastReceiptButton.click();
  await expect(receipt.root).toContainText(basketCode);
  await pastSales.reprintButton.click();
  await expect.poll(async () => (await prints(page)).length).toBe(1);
  await pastSales.backButton.click();
  await pastSales.expectShown();

  // by part of the basket code, by the till's calendar day, by the amount paid
  await pastSales.find({ basketCode: earlier.slice(-9).toLowerCase() });
  await expect(pastSales.rows()).toHaveCount(1);
  await expect(pastSales.row(earlier)).toContainText(money(oliveOil.cents));
  const today = calendarDay(new Date(), TIMEZONE).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
  await pastSales.find({ day: today });
  await expect(pastSales.rows()).toHaveCount(2);
  await pastSales.find({ day: '2020-01-01' });
  await expect(pastSales.rows()).toHaveCount(1);
  await expect(pastSales.table).toContainText('No sale matches');
  await pastSales.find({ amount: '1,45' });
  await expect(pastSales.rows()).toHaveCount(1);
  await expect(pastSales.row(basketCode)).toBeVisible();
  await pastSales.find({ amount: 'abc' });
  await expect(page.getByRole('alert')).toContainText('Amount paid: type an amount such as');
  await pastSales.showAllButton.click();
  await expect(pastSales.rows()).toHaveCount(2);
  await pastSales.open(earlier);
  await expect(receipt.line(oliveOil.name)).toBeVisible();
  await expect(receipt.totalPaid).toHaveText(money(oliveOil.cents));

  // bad input to the command itself is refused, naming the field
  const refused = await till.send('receipt/search', { day: '2026-02-30' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(refused.ok ? '' : refused.error.message).toContain('day');
  expect(await till.send('receipt/search', { amount: -1 })).toMatchObject({
    ok: false,
    error: { code: 'invalid_input' },
  });

  // both sales are the engine's too, with the totals the receipts show
  const baskets = await engineDb
    .selectFrom('baskets')
    .select(['retailer_basket_code', 'total_gross', 'total_discount'])
    .where('retailer_basket_code', 'in', [earlier, basketCode])
    .orderBy('retailer_basket_code')
    .execute();
  expect(baskets).toEqual([
    { retailer_basket_code: earlier, total_gross: oliveOil.cents, total_discount: 0 },
    { retailer_basket_code: basketCode, total_gross: croissant.cents, total_discount: 0 },
  ]);
});

/** The words of the Past sales screen each language's test reads, as the catalogues have them. */
const WORDS = {
  en: {
    nav: 'Past sales',
    table: 'Past sales',
    search: 'Find a past sale',
    open: (basketCode: string) => `Open receipt ${basketCode}`,
    reprint: 'Reprint receipt',
    back: 'Back to past sales',
    lastReceipt: 'Last receipt',
  },
  nl: {
    nav: 'Eerdere verkopen',
    table: 'Eerdere verkopen',
    search: 'Zoek een eerdere verkoop',
    open: (basketCode: string) => `Bon ${basketCode} openen`,
    reprint: 'Bon opnieuw afdrukken',
    back: 'Terug naar de lijst',
    lastReceipt: 'Laatste bon',
  },
} as const;

for (const language of ['en', 'nl'] as const) {
  const words = WORDS[language];
  test.describe(`the Past sales screen in ${language}`, () => {
    test.use({ hasTouch: true, tillLanguage: language });

    test('at each terminal size: its search, list and a receipt opened from it are in reach and clean for axe', async ({
      page,
      till,
    }, testInfo) => {
      test.setTimeout(120_000);
      const basketCode = await sellThroughApi(till, [ITEMS.croissant.barcode, MEMBER]);
      await page.reload();
      await page.keyboard.press('F6');
      const navigation = page.getByRole('navigation');
      await expect(
        navigation.getByRole('button', { name: words.nav, exact: true }),
      ).toHaveAttribute('aria-current', 'page');
      const table = page.getByRole('table', { name: words.table });
      const search = page.getByRole('search', { name: words.search });
      const open = page.getByRole('button', { name: words.open(basketCode), exact: true });
      const reprint = page.getByRole('button', { name: words.reprint, exact: true });
      const back = page.getByRole('button', { name: words.back, exact: true });

      for (const size of TERMINAL_SCREENS) {
        const at = `${language}, ${String(size.width)}×${String(size.height)}`;
        const shot = `${language}-${String(size.width)}x${String(size.height)}`;
        await page.setViewportSize(size);
        await expectAllInReach(navigation.getByRole('button'), `a screen’s button (${at})`);
        await expect(table.getByRole('row').filter({ hasText: basketCode })).toBeVisible();
        await expectAllInReach(search.getByRole('textbox'), `a search field (${at})`);
        await expectAllInReach(search.getByRole('button'), `a search button (${at})`);
        await expectInReach(
          page.getByRole('button', { name: words.lastReceipt, exact: true }),
          `Last receipt (${at})`,
        );
        await expectAllInReach(table.getByRole('cell'), `a cell of the list (${at})`);
        await expectNoSidewaysScroll(page, [table.locator('..')]);
        await expectAxeClean(page, `the Past sales screen (${at})`);
        await saveScreen(page, testInfo, `past-sales-${shot}`);

        await open.click();
        await expectInReach(reprint, `Reprint receipt (${at})`);
        await expectInReach(back, `Back (${at})`);
        await expectNoSidewaysScroll(page, []);
        await expectAxeClean(page, `a past sale’s receipt (${at})`);
        await saveScreen(page, testInfo, `past-sale-receipt-${shot}`);
        await back.click();
      }
    });
  });
}
