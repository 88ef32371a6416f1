import { join } from 'node:path';
import { databasePath } from '../src-main/store';
import { expect, saveScreen, test } from './fixtures';

const CHECKS = [
  'config',
  'data directory',
  'local database',
  'audit log',
  'engine reachability',
  'terminal credentials',
  'store and terminal',
  'clock skew',
  'honour feed',
];

test('diagnostics: every check passes, secrets are masked, the database path is shown; the status bar says online', async ({
  page,
  ui,
  till,
}, testInfo) => {
  const { screens, status, diagnostics } = ui;
  await status.expectOnline('S001', '01');
  // the honour feed check reads the last page the till took
  await till.till.sync.syncNow();

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

test('diagnostics with the engine stopped: reachability failed with its next step, the store not checked, the same checks as with it running', async ({
  page,
  ui,
  till,
  engine,
}, testInfo) => {
  const { screens, diagnostics } = ui;
  await engine.stop();

  await screens.open('Diagnostics');
  await diagnostics.expectShown();
  const reachability = diagnostics.check('engine reachability');
  await expect(reachability).toContainText('Failed');
  await expect(reachability).toContainText(
    `Next step: Start the voucher engine or check engineUrl in ${join(till.dataDir, 'till.json')}; the till keeps selling offline meanwhile.`,
  );
  const store = diagnostics.check('store and terminal');
  await expect(store).toContainText('Skipped');
  await expect(store).toContainText('chain 1, store S001 could not be checked against the engine');
  await expect(diagnostics.checks.getByRole('row')).toHaveCount(CHECKS.length + 1);
  for (const check of CHECKS) await expect(diagnostics.check(check)).toBeVisible();
  await expect(diagnostics.checks.getByText('Next step:')).toHaveCount(1);
  await saveScreen(page, testInfo, 'diagnostics-engine-stopped');
});
