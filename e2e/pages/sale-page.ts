import { expect, type Locator, type Page } from '@playwright/test';

/** The Sale screen (src-renderer/README.md, "Sale screen"). */
export class SalePage {
  readonly heading: Locator;
  readonly scanField: Locator;
  readonly addCodeButton: Locator;
  /** The latest notice in plain words (unknown barcode, unknown voucher, engine slow …). */
  readonly notice: Locator;
  readonly customer: Locator;
  readonly removeCustomerButton: Locator;
  readonly basket: Locator;
  readonly vouchers: Locator;
  readonly appliedVouchers: Locator;
  readonly refusedVouchers: Locator;
  readonly totals: Locator;
  readonly subtotal: Locator;
  readonly discount: Locator;
  readonly totalToPay: Locator;
  readonly confirmPaymentButton: Locator;
  readonly voidSaleButton: Locator;
  readonly voidDialog: Locator;
  /** The tender panel `Confirm payment` opens (unless a host POS takes the payment). */
  readonly tenderDialog: Locator;
  readonly tenderAmount: Locator;
  readonly tenderConfirmButton: Locator;
  readonly tenderSummary: Locator;
  readonly tenders: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sale', exact: true });
    this.scanField = page.getByRole('textbox', { name: 'Scan or type a code' });
    this.addCodeButton = page.getByRole('button', { name: 'Add code', exact: true });
    this.notice = page.getByRole('alert');
    this.customer = page.getByRole('region', { name: 'Customer' });
    this.removeCustomerButton = this.customer.getByRole('button', { name: 'Remove customer' });
    this.basket = page.getByRole('table', { name: 'Basket' });
    this.vouchers = page.getByRole('region', { name: 'Vouchers' });
    this.appliedVouchers = this.vouchers.getByRole('list', { name: 'Applied vouchers' });
    this.refusedVouchers = this.vouchers.getByRole('list', { name: 'Refused vouchers' });
    this.totals = page.getByRole('region', { name: 'Totals' });
    // <output> elements: their implicit role is `status`
    this.subtotal = this.totals.getByRole('status', { name: 'Subtotal', exact: true });
    this.discount = this.totals.getByRole('status', { name: 'Discount', exact: true });
    this.totalToPay = this.totals.getByRole('status', { name: 'Total to pay', exact: true });
    this.confirmPaymentButton = page.getByRole('button', { name: 'Confirm payment', exact: true });
    this.voidDialog = page.getByRole('dialog', { name: 'Void this sale?' });
    // the sale's own button; the dialog's button of the same name exists only while it is open
    this.voidSaleButton = page.getByRole('button', { name: 'Void sale', exact: true });
    this.tenderDialog = page.getByRole('dialog', { name: /^(Payment|Refund)$/ });
    this.tenderAmount = this.tenderDialog.getByRole('textbox', { name: 'Amount received' });
    this.tenderConfirmButton = this.tenderDialog.getByRole('button', {
      name: /^Confirm (payment|refund)$/,
    });
    this.tenderSummary = this.tenderDialog.getByRole('region', { name: 'Payment summary' });
    this.tenders = this.tenderDialog.getByRole('list', { name: 'Payments' });
  }

  /** A figure of the tender panel: `Total to pay`, `Still to pay`, `In cash`, `Change due` … */
  tenderFigure(label: string): Locator {
    return this.tenderSummary.getByRole('status', { name: label, exact: true });
  }

  /** One tender: the amount typed (none: exactly what is still to pay), then its way of paying. */
  async payBy(method: string, amount?: string): Promise<void> {
    if (amount !== undefined) await this.tenderAmount.fill(amount);
    await this.tenderDialog.getByRole('button', { name: method, exact: true }).click();
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.scanField).toBeVisible();
  }

  /**
   * Scans a code the way a wedge scanner does: fast keystrokes into the scan field, then Enter.
   * Waits until the field has taken the scan (emptied); the outcome is for the caller to assert.
   */
  async scan(code: string): Promise<void> {
    await expect(this.scanField).toBeEditable();
    await this.scanField.focus();
    await this.page.keyboard.type(code, { delay: 5 });
    await this.page.keyboard.press('Enter');
    await expect(this.scanField).toHaveValue('');
  }

  /** Types a code into the field and presses `Add code` (a code read off a paper voucher). */
  async addCode(code: string): Promise<void> {
    await this.scanField.fill(code);
    await this.addCodeButton.click();
    await expect(this.scanField).toHaveValue('');
  }

  /** Scans an item and waits for its row in the basket with the given quantity. */
  async scanItem(barcode: string, name: string, quantity = 1): Promise<void> {
    await this.scan(barcode);
    await expect(this.basketRow(name)).toContainText(String(quantity));
  }

  basketRow(itemName: string): Locator {
    return this.basket.getByRole('row').filter({ hasText: itemName });
  }

  oneMoreButton(itemName: string): Locator {
    return this.basket.getByRole('button', { name: `One more ${itemName}`, exact: true });
  }

  oneFewerButton(itemName: string): Locator {
    return this.basket.getByRole('button', { name: `One fewer ${itemName}`, exact: true });
  }

  removeLineButton(itemName: string): Locator {
    return this.basket.getByRole('button', { name: `Remove ${itemName}`, exact: true });
  }

  appliedVoucher(code: string): Locator {
    return this.appliedVouchers.getByRole('listitem').filter({ hasText: code });
  }

  refusedVoucher(code: string): Locator {
    return this.refusedVouchers.getByRole('listitem').filter({ hasText: code });
  }

  removeVoucherButton(code: string): Locator {
    return this.vouchers.getByRole('button', { name: `Remove voucher ${code}`, exact: true });
  }

  async expectEmpty(): Promise<void> {
    await expect(this.basket).toContainText('Scan an item to start the sale.');
  }

  /**
   * `Confirm payment`; where the till takes the payment, the exact amount in cash in the tender
   * panel, then its `Confirm payment`.
   */
  async confirmPayment(): Promise<void> {
    await this.confirmPaymentButton.click();
    const receipt = this.page.getByRole('heading', { name: 'Receipt', exact: true });
    await expect(this.tenderDialog.or(receipt)).toBeVisible();
    if (!(await this.tenderDialog.isVisible())) return;
    await this.payBy('Cash');
    await this.tenderConfirmButton.click();
  }

  /** `Void sale`, then `Void sale` in the dialog `Void this sale?`. */
  async voidSale(): Promise<void> {
    await this.voidSaleButton.click();
    await expect(this.voidDialog).toBeVisible();
    await this.voidDialog.getByRole('button', { name: 'Void sale', exact: true }).click();
    await expect(this.voidDialog).toBeHidden();
  }
}
