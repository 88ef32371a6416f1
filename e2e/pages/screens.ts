import { expect, type Locator, type Page } from '@playwright/test';

export type ScreenName = 'Sale' | 'Manager' | 'Diagnostics' | 'Return' | 'Past sales';

/** The navigation `Screens`: one button per screen, the current one marked `aria-current="page"`. */
export class Screens {
  readonly navigation: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Screens' });
  }

  button(screen: ScreenName): Locator {
    return this.navigation.getByRole('button', { name: screen, exact: true });
  }

  async open(screen: ScreenName): Promise<void> {
    await this.button(screen).click();
    await expect(this.button(screen)).toHaveAttribute('aria-current', 'page');
  }
}
