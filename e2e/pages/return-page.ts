import { expect, type Locator, type Page } from '@playwright/test';

/** The Return screen (F4): find a past sale, pick what comes back, confirm the refund. */
export class ReturnPage {
  readonly heading: Locator;
  readonly saleNumber: Locator;
  readonly findButton: Locator;
  readonly alert: Locator;
  readonly originalLines: Locator;
  readonly addButton: Locator;
  readonly returnLines: Locator;
  readonly toRefund: Locator;
  readonly confirmButton: Locator;
  readonly recentSales: Locator;
  readonly refundDialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Return', exact: true });
    this.saleNumber = page.getByRole('textbox', { name: 'Sale number' });
    this.findButton = page.getByRole('button', { name: 'Find sale', exact: true });
    this.alert = page.getByRole('alert');
    this.originalLines = page.getByRole('table', { name: 'Lines of the sale' });
    this.addButton = page.getByRole('button', { name: 'Add to return', exact: true });
    this.returnLines = page.getByRole('table', { name: 'Return lines' });
    this.toRefund = page.getByTestId('return-refund');
    this.confirmButton = page.getByRole('button', { name: 'Confirm return', exact: true });
    this.recentSales = page.getByRole('table', { name: 'Latest sales' });
    this.refundDialog = page.getByRole('dialog', { name: 'Refund' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  /** Types the receipt's sale number and finds it. */
  async find(basketCode: string): Promise<void> {
    await this.saleNumber.fill(basketCode);
    await this.findButton.click();
  }

  /** `Confirm return`, then the refund paid back by `method` in the payment panel. */
  async confirmRefund(method = 'Cash'): Promise<void> {
    await this.confirmButton.click();
    await this.refundDialog.getByRole('button', { name: method, exact: true }).click();
    await this.refundDialog.getByRole('button', { name: 'Confirm refund', exact: true }).click();
  }

  quantityOf(itemName: string): Locator {
    return this.originalLines.getByRole('spinbutton', {
      name: `Quantity to return of ${itemName}`,
    });
  }

  /** Sets how many of each named item come back, then adds them to the return. */
  async pick(quantities: Record<string, number>): Promise<void> {
    for (const [item, quantity] of Object.entries(quantities))
      await this.quantityOf(item).fill(String(quantity));
    await this.addButton.click();
  }

  returnRow(itemName: string): Locator {
    return this.returnLines.getByRole('row').filter({ hasText: itemName });
  }

  pickRecent(basketCode: string): Locator {
    return this.recentSales.getByRole('button', { name: `Return from ${basketCode}` });
  }
}
