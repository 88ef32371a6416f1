import { databasePath } from '../src-main/store';
import { expect, saveScreen, test } from './fixtures';

const CHECKS = [
  'config',
  'data directory',
  'local database',
  'engine reachability',
  'terminal credentials',
  'store and terminal',
  'clock skew',
];

test('diagnostics: every check passes, secrets are masked, the database path is shown; the status bar says online', async ({
  page,
  ui,
  till,
}, testInfo) => {
  const { screens, status, diagnostics } = ui;
  await status.expectOnline('S001', '01');

  await screens.open('Diagnostics');
  await diagnostics.expectShown();
  for (const check of CHECKS) await expect(diagnostics.check(check)).toContainText('OK');
  await expect(diagnostics.checks).not.toContainText('Failed');
  await expect(diagnostics.checks).not.toContainText('Next step');
  await expect(diagnostics.configuration).toContainText('***');
  await expect(diagnostics.configuration).not.toContainText('demo-till');
  await expect(page.getByText(databasePath(till.dataDir), { exact: true })).toBeVisible();
  await saveScreen(page, testInfo, 'diagnostics');

  await diagnostics.runChecksAgainButton.click();
  await expect(diagnostics.check('engine reachability')).toContainText('OK');
  await expect(status.root).toBeVisible();

  await screens.open('Sale');
  await expect(ui.sale.heading).toBeVisible();
});
