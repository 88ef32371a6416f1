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

  /** `Unlock <code>`, the reason in the dialog, `Unlock`; waits for the dialog to close. */
  async unlock(code: string, reason: string): Promise<void> {
    await this.unlockButton(code).click();
    const dialog = this.unlockDialog(code);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(dialog).toBeHidden();
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
}
