import { expect, type Locator, type Page } from '@playwright/test';

/** The Past sales screen, F6 (src-renderer/README.md, "Past sales screen"). */
export class PastSalesPage {
  readonly heading: Locator;
  readonly lastReceiptButton: Locator;
  readonly search: Locator;
  readonly basketCodeField: Locator;
  readonly dayField: Locator;
  readonly amountField: Locator;
  readonly findButton: Locator;
  readonly showAllButton: Locator;
  readonly table: Locator;
  readonly reprintButton: Locator;
  readonly backButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Past sales', exact: true });
    this.lastReceiptButton = page.getByRole('button', { name: 'Last receipt', exact: true });
    this.search = page.getByRole('search', { name: 'Find a past sale' });
    this.basketCodeField = this.search.getByRole('textbox', { name: 'Basket code' });
    this.dayField = this.search.getByLabel('Day');
    this.amountField = this.search.getByRole('textbox', { name: 'Amount paid' });
    this.findButton = this.search.getByRole('button', { name: 'Find', exact: true });
    this.showAllButton = this.search.getByRole('button', { name: 'Show all', exact: true });
    this.table = page.getByRole('table', { name: 'Past sales' });
    this.reprintButton = page.getByRole('button', { name: 'Reprint receipt', exact: true });
    this.backButton = page.getByRole('button', { name: 'Back to past sales', exact: true });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.table).toBeVisible();
  }

  /** The data rows of the list (the header row left out). */
  rows(): Locator {
    return this.table.locator('tbody').getByRole('row');
  }

  row(basketCode: string): Locator {
    return this.rows().filter({ hasText: basketCode });
  }

  async open(basketCode: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Open receipt ${basketCode}`, exact: true })
      .click();
  }

  async find(filter: { basketCode?: string; day?: string; amount?: string }): Promise<void> {
    await this.basketCodeField.fill(filter.basketCode ?? '');
    await this.dayField.fill(filter.day ?? '');
    await this.amountField.fill(filter.amount ?? '');
    await this.findButton.click();
  }
}
