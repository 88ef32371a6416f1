import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The footer `Till status`, always visible, in the cashier's words: Online/Offline (offline, what
 * still works), store, terminal, sales waiting, sync conflicts. Never the engine's address or the
 * honour cache's age: those are on Diagnostics.
 */
export class StatusBar {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('contentinfo', { name: 'Till status' });
  }

  async expectOnline(store: string, terminal: string, salesWaiting = 0): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.root).toContainText('Online');
    await expect(this.root).not.toContainText('Offline');
    await expect(this.root).toContainText(`Store ${store}`);
    await expect(this.root).toContainText(`Terminal ${terminal}`);
    await expect(this.root).toContainText(`Sales waiting: ${salesWaiting}`);
    await this.expectNoEngineJargon();
  }

  /** Nothing IT-only: no engine address, no cache details. */
  async expectNoEngineJargon(): Promise<void> {
    await expect(this.root).not.toContainText('http');
    await expect(this.root).not.toContainText(/cache/i);
  }

  /** `Offline`, with what still works: honour vouchers (once the cache was filled), sales kept for later. */
  async expectOffline(): Promise<void> {
    await expect(this.root).toContainText('Offline');
    await expect(this.root).not.toContainText('Online');
    await expect(this.root).toContainText('sales are kept and sent later');
    await this.expectNoEngineJargon();
  }

  /** `Online` again (the status is polled every few seconds; the probe runs every few more). */
  async expectBackOnline(timeout = 20_000): Promise<void> {
    await expect(this.root).toContainText('Online', { timeout });
    await expect(this.root).not.toContainText('Offline');
  }

  async expectSalesWaiting(count: number, timeout?: number): Promise<void> {
    await expect(this.root).toContainText(`Sales waiting: ${count}`, { timeout });
  }
}
