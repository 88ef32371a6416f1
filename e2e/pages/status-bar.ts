import { expect, type Locator, type Page } from '@playwright/test';

/** The footer `Till status`, always visible: Online/Offline, store, terminal, sales waiting. */
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
  }

  /** `Offline`, with the reason the till gives (the engine is not answering). */
  async expectOffline(): Promise<void> {
    await expect(this.root).toContainText('Offline');
    await expect(this.root).not.toContainText('Online');
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
