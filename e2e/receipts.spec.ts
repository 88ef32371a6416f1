import type { Page } from '@playwright/test';
import { calendarDay } from '../src-main/store/basket-codes';
import { expect, test, valueOf, type TestTill } from './fixtures';
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
interface Printed {
  readonly paper: string;
  readonly widthPx: number;
  readonly barcodes: readonly string[];
  readonly text: string;
}

/** Replaces window.print in the page, now and after every reload, with one that records the paper. */
async function recordPrints(page: Page): Promise<void> {
  const stub = () => {
    const record = window as unknown as { printed: unknown[] };
    record.printed = [];
    window.print = () => {
      const paper = document.querySelector('article.print-receipt');
      record.printed.push({
        paper: paper?.className ?? 'none',
        widthPx: paper?.getBoundingClientRect().width ?? 0,
        barcodes: [...(paper?.querySelectorAll('svg[role="img"]') ?? [])].map(
          (svg) => svg.getAttribute('aria-label') ?? '',
        ),
        text: paper?.textContent ?? '',
      });
    };
  };
  await page.addInitScript(stub);
  await page.evaluate(stub);
}

async function prints(page: Page): Promise<Printed[]> {
  return page.evaluate(() => (window as unknown as { printed: Printed[] }).printed);
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
