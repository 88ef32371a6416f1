import { expect, type Locator, type Page } from '@playwright/test';

/** The Diagnostics screen (src-renderer/README.md, "Diagnostics screen"). */
export class DiagnosticsPage {
  readonly heading: Locator;
  readonly checks: Locator;
  readonly configuration: Locator;
  /** Region `Files`: version, database, log, sales waiting, conflicts, the honour cache's age. */
  readonly files: Locator;
  readonly runChecksAgainButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Diagnostics', exact: true });
    this.checks = page.getByRole('table', { name: 'Checks' });
    this.configuration = page.getByRole('table', { name: 'Configuration' });
    this.files = page.getByRole('region', { name: 'Files', exact: true });
    this.runChecksAgainButton = page.getByRole('button', { name: 'Run checks again', exact: true });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.checks).toBeVisible();
  }

  /** The row of one check by its name, e.g. `engine reachability` (another row's detail may mention it). */
  check(name: string): Locator {
    return this.checks
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  configRow(key: string): Locator {
    return this.configuration.getByRole('row').filter({ hasText: key });
  }
}
