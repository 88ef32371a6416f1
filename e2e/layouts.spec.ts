import type { Locator } from '@playwright/test';
import { expect, saveScreen, test, valueOf } from './fixtures';
import { holdVoucher, honourVoucher, ITEMS, MANAGER, MEMBER, TWELVE_ITEMS } from './support/demo';
import {
  expectAllInReach,
  expectAxeClean,
  expectInReach,
  expectInView,
  expectNoAxeViolation,
  expectNoSidewaysScroll,
  TERMINAL_SCREENS,
} from './support/layout';

const HONOUR = honourVoucher(2);
const HELD = honourVoucher(7);
const FREED = honourVoucher(8);

/** Every cell, header and button of each table, and the given actions, can be scrolled to whole. */
async function expectTablesInReach(tables: readonly Locator[], what: string): Promise<void> {
  for (const table of tables) {
    await expectAllInReach(table.getByRole('columnheader'), `${what}: a column head`);
    await expectAllInReach(table.getByRole('cell'), `${what}: a cell`);
  }
}

for (const size of TERMINAL_SCREENS) {
  const name = `${size.width}x${size.height}`;
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, hasTouch: true });

    test(`a long message keeps the slot's height: the basket does not move`, async ({
      page,
      ui,
    }) => {
      const { sale } = ui;
      await sale.expectShown();
      await sale.scanItem(ITEMS.milk.barcode, ITEMS.milk.name);
      const slot = page.locator('.alert-slot');
      const before = { slot: await slot.boundingBox(), basket: await sale.basket.boundingBox() };
      // two messages at once, each with what happened and what to do next
      await sale.scan('NOPE-1234');
      await expect(sale.notice).toContainText('Voucher NOPE-1234 was refused');
      await sale.scan('8712345999990');
      await expect(sale.notice).toContainText('Barcode 8712345999990');
      expect(await slot.boundingBox()).toEqual(before.slot);
      expect(await sale.basket.boundingBox()).toEqual(before.basket);
      await expectInView(sale.scanField, 'the scan field, with a long message');
    });

    test(`a sale of 12 lines and 3 vouchers: the basket, vouchers, totals and actions are all in reach and the total in view; then the receipt`, async ({
      page,
      ui,
    }, testInfo) => {
      // every line has four buttons to reach (the quantity opens the keypad)
      test.setTimeout(150_000);
      const { sale, receipt } = ui;
      await sale.expectShown();
      for (const item of TWELVE_ITEMS) {
        await sale.scanItem(item.barcode, item.name);
        // the line just scanned is scrolled into view and said politely
        await expectInView(sale.basketRow(item.name), `the row of ${item.name} just scanned`);
        await expect(page.getByText(`Added ${item.name}`, { exact: true })).toHaveAttribute(
          'aria-live',
          'polite',
        );
      }
      await expect(sale.basket.getByRole('row')).toHaveCount(TWELVE_ITEMS.length + 1);
      await sale.scan(MEMBER);
      await expect(sale.appliedVoucher('DEMO-5EUR')).toBeVisible();
      await expect(sale.appliedVoucher('DEMO-10PCT')).toBeVisible();
      await sale.scan(HONOUR);
      await expect(sale.appliedVoucher(HONOUR)).toBeVisible();
      await expectInView(sale.appliedVoucher(HONOUR), 'the voucher just scanned');
      await expect(sale.appliedVouchers.getByRole('listitem')).toHaveCount(3);

      // without scrolling: the scan field, the total and the actions
      await expectInView(sale.scanField, 'the scan field');
      await expectInView(sale.addCodeButton, 'Add code');
      await expectInView(sale.totalToPay, 'Total to pay');
      await expectInView(sale.confirmPaymentButton, 'Confirm payment');
      await expectInView(sale.voidSaleButton, 'Void sale');
      await expectInView(sale.customer, 'the customer');
      await expectNoSidewaysScroll(page, [sale.basket.locator('..')]);
      await saveScreen(page, testInfo, `sale-${name}`);

      // by scrolling their own container: every cell and button of the basket, every voucher
      await expectAllInReach(sale.basket.getByRole('columnheader'), 'a basket column head');
      await expectAllInReach(sale.basket.getByRole('cell'), 'a basket cell');
      await expectAllInReach(sale.basket.getByRole('button'), 'a basket button');
      await expectAllInReach(sale.appliedVouchers.getByRole('listitem'), 'a voucher');
      await expectAllInReach(sale.vouchers.getByRole('button'), 'a voucher button');
      await expectAllInReach(sale.totals.getByRole('status'), 'a total');
      // scrolling the basket and the vouchers moves neither the total nor the actions
      await expectInView(sale.totalToPay, 'Total to pay, after scrolling');
      await expectInView(sale.confirmPaymentButton, 'Confirm payment, after scrolling');
      await expectInView(sale.scanField, 'the scan field, after scrolling');
      await expectNoAxeViolation(page, 'the sale screen');

      await sale.confirmPayment();
      await receipt.expectShown();
      await expectInView(receipt.totalPaid, 'Total paid');
      await expectInView(receipt.newSaleButton, 'New sale');
      await expectInView(receipt.heading, 'the receipt heading');
      await expectNoSidewaysScroll(page, [receipt.lines.locator('..')]);
      await saveScreen(page, testInfo, `receipt-${name}`);
      await expectAllInReach(receipt.lines.getByRole('cell'), 'a receipt cell');
      await expectAllInReach(receipt.vouchersRedeemed.getByRole('listitem'), 'a redeemed voucher');
      await expectInView(receipt.totalPaid, 'Total paid, after scrolling');
      // the scrolling regions of the receipt are reachable by keyboard, by name
      for (const region of ['Lines sold', 'Vouchers and warnings'])
        await expect(page.getByRole('region', { name: region, exact: true })).toHaveAttribute(
          'tabindex',
          '0',
        );
      await expectNoAxeViolation(page, 'the receipt');
    });

    test(`the manager screen with a locked voucher and the audit log, then diagnostics: tables and actions in reach, nothing sideways, no serious axe finding`, async ({
      page,
      ui,
      till,
      secondTill,
    }, testInfo) => {
      test.setTimeout(90_000);
      const { screens, manager, diagnostics, status } = ui;
      await status.expectOnline('S001', '01');
      // terminal 02 holds the vouchers on the engine, so it must be online itself first
      await expect
        .poll(async () => valueOf(await secondTill.send('status/get', {})).online)
        .toBe(true);
      await holdVoucher(secondTill, HELD);
      await holdVoucher(secondTill, FREED);
      await till.till.sync.syncNow();

      await screens.open('Manager');
      await manager.signIn(MANAGER.username, MANAGER.password);
      // one voucher freed puts an entry in the audit log; the other stays locked
      await manager.unlock(FREED, 'Customer left without paying');
      await expect(manager.lockedVoucher(HELD)).toBeVisible();
      await expect(manager.auditEntry(FREED)).toBeVisible();
      await expectInView(manager.signOutButton, 'Sign out');
      await expectNoSidewaysScroll(page, [
        manager.lockedVouchers.locator('..'),
        manager.auditLog.locator('..'),
      ]);
      await saveScreen(page, testInfo, `manager-${name}`);
      await expectTablesInReach([manager.lockedVouchers, manager.auditLog], 'Manager');
      await expectAllInReach(manager.lockedVouchers.getByRole('button'), 'a locked-voucher action');
      await expectInReach(manager.unlockButton(HELD), `Unlock ${HELD}`);
      await expectAxeClean(page, 'the manager screen');

      await screens.open('Diagnostics');
      await diagnostics.expectShown();
      await expect(diagnostics.checks.getByRole('row')).toHaveCount(10);
      await expectNoSidewaysScroll(page, [
        diagnostics.checks.locator('..'),
        diagnostics.configuration.locator('..'),
      ]);
      await saveScreen(page, testInfo, `diagnostics-${name}`);
      await expectInReach(diagnostics.runChecksAgainButton, 'Run checks again');
      await expectTablesInReach([diagnostics.checks, diagnostics.configuration], 'Diagnostics');
      await expectAllInReach(diagnostics.files.locator('dd'), 'a diagnostics fact');
      await expectAxeClean(page, 'the diagnostics screen');
    });
  });
}
