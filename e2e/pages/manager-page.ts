import { expect, type Locator, type Page } from '@playwright/test';

/** The Manager screen (src-renderer/README.md, "Manager screen"). */
export class ManagerPage {
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly refusal: Locator;
  readonly signOutButton: Locator;
  readonly lockedVouchers: Locator;
  readonly syncConflicts: Locator;
  readonly auditLog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Manager', exact: true });
    this.username = page.getByRole('textbox', { name: 'Username', exact: true });
    // a password field has no textbox role: found by its label
    this.password = page.getByLabel('Password', { exact: true });
    this.signInButton = page.getByRole('button', { name: 'Sign in', exact: true });
    this.refusal = page.getByRole('alert');
    this.signOutButton = page.getByRole('button', { name: 'Sign out', exact: true });
    this.lockedVouchers = page.getByRole('table', { name: 'Locked vouchers' });
    this.syncConflicts = page.getByRole('table', { name: 'Sync conflicts' });
    this.auditLog = page.getByRole('table', { name: 'Audit log' });
  }

  signedInAs(username: string): Locator {
    return this.page.getByText(`Signed in as ${username}`);
  }

  async signIn(username: string, password: string): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.username.fill(username);
    await this.password.fill(password);
    await this.signInButton.click();
    await expect(this.signedInAs(username)).toBeVisible();
  }

  lockedVoucher(code: string): Locator {
    return this.lockedVouchers.getByRole('row').filter({ hasText: code });
  }

  unlockButton(code: string): Locator {
    return this.lockedVouchers.getByRole('button', { name: `Unlock ${code}`, exact: true });
  }

  unlockDialog(code: string): Locator {
    return this.page.getByRole('dialog', { name: `Unlock voucher ${code}` });
  }

  unlockedMessage(code: string): Locator {
    return this.page.getByRole('status').filter({ hasText: `Voucher ${code} unlocked.` });
  }

  /**
   * `Unlock <code>`, the reason in the dialog (a preset by its words, or `Other…` and the text),
   * `Unlock`; waits for the dialog to close.
   */
  async unlock(code: string, reason: string): Promise<void> {
    await this.unlockButton(code).click();
    const dialog = this.unlockDialog(code);
    await expect(dialog).toBeVisible();
    await this.giveReason(dialog, reason);
    await dialog.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** `Free every voucher of sale <basket>` and a reason, `Free them all`; waits for the dialog to close. */
  async freeSale(basketCode: string, reason: string): Promise<void> {
    const name = `Free every voucher of sale ${basketCode}`;
    await this.lockedVouchers.getByRole('button', { name, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name });
    await this.giveReason(dialog, reason);
    await dialog.getByRole('button', { name: 'Free them all', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  private async giveReason(dialog: Locator, reason: string): Promise<void> {
    const preset = dialog.getByRole('radio', { name: reason, exact: true });
    if ((await preset.count()) === 1) {
      await preset.check();
      return;
    }
    await dialog.getByRole('radio', { name: 'Other…', exact: true }).check();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
  }

  /** The audit log's filter: a day (`YYYY-MM-DD`) and/or a voucher code, then `Show`. */
  async filterAuditLog(filter: { day?: string; voucherCode?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Filter the audit log' });
    await form.getByLabel('Day', { exact: true }).fill(filter.day ?? '');
    await form.getByRole('textbox', { name: 'Voucher code' }).fill(filter.voucherCode ?? '');
    await form.getByRole('button', { name: 'Show', exact: true }).click();
  }

  auditEntry(text: string): Locator {
    return this.auditLog.getByRole('row').filter({ hasText: text });
  }

  /** The row of `Sync conflicts` for a sale, by its basket code. */
  conflict(basketCode: string): Locator {
    return this.syncConflicts.getByRole('row').filter({ hasText: basketCode });
  }

  acknowledgeButton(basketCode: string): Locator {
    return this.conflict(basketCode).getByRole('button', { name: 'Acknowledge', exact: true });
  }

  /** `Acknowledge` on the conflict's row, the note if any, `Acknowledge` in the dialog. */
  async acknowledge(basketCode: string, note = ''): Promise<void> {
    await this.acknowledgeButton(basketCode).click();
    const dialog = this.page.getByRole('dialog', {
      name: `Acknowledge the conflict of sale ${basketCode}`,
    });
    if (note !== '') await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(note);
    await dialog.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
