import { expect, type Locator, type Page } from '@playwright/test';

/** The receipt shown after `Confirm payment` (src-renderer/README.md, "Receipt"). */
export class ReceiptPage {
  readonly root: Locator;
  readonly heading: Locator;
  readonly lines: Locator;
  readonly vouchersRedeemed: Locator;
  readonly honourCodes: Locator;
  readonly vouchersIssued: Locator;
  readonly totalPaid: Locator;
  /** `Waiting to sync` until the engine has the sale, then `Recorded by the engine`. */
  readonly syncBadge: Locator;
  readonly newSaleButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Receipt' });
    this.heading = this.root.getByRole('heading', { name: 'Receipt', exact: true });
    this.lines = this.root.getByRole('table', { name: 'Receipt lines' });
    this.vouchersRedeemed = this.root.getByRole('list', { name: 'Vouchers redeemed' });
    this.honourCodes = this.root.getByRole('list', { name: 'Honour codes' });
    this.vouchersIssued = this.root.getByRole('list', { name: 'Vouchers issued' });
    this.totalPaid = this.root.getByRole('status', { name: 'Total paid', exact: true });
    this.syncBadge = this.root.getByRole('status', { name: 'Sync state', exact: true });
    this.newSaleButton = page.getByRole('button', { name: 'New sale', exact: true });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.newSaleButton).toBeFocused();
  }

  line(itemName: string): Locator {
    return this.lines.getByRole('row').filter({ hasText: itemName });
  }

  redeemed(code: string): Locator {
    return this.vouchersRedeemed.getByRole('listitem').filter({ hasText: code });
  }

  honourCode(honourCode: string): Locator {
    return this.honourCodes.getByRole('listitem').filter({ hasText: honourCode });
  }

  /** A voucher the engine issued with the sale, by what the receipt says it came from. */
  issued(origin: string): Locator {
    return this.vouchersIssued.getByRole('listitem').filter({ hasText: origin });
  }

  async newSale(): Promise<void> {
    await this.newSaleButton.click();
    await expect(this.root).toBeHidden();
  }
}
