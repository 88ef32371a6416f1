/**
 * The same till UI in its Electron window, talking to the till core over IPC. Runs where the
 * Electron binary is installed (node_modules/electron/path.txt names it inside
 * node_modules/electron/dist/, as electron's own index.js and scripts/start.ts find it); where
 * it is not (CI here), it is reported as skipped with the reason.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron } from '@playwright/test';
import { DEMO_IDENTITY } from '../src-main/config';
import { expect, test } from './fixtures';
import { ReceiptPage } from './pages/receipt-page';
import { SalePage } from './pages/sale-page';
import { ITEMS } from './support/demo';
import { money } from './support/format';
import { requireBuiltRenderer } from './support/renderer';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ELECTRON_PACKAGE = join(ROOT, 'node_modules', 'electron');
const MAIN_BUNDLE = join(ROOT, 'dist', 'electron', 'main.mjs');

function electronBinary(): string | null {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ELECTRON_PACKAGE, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** A free loopback port for the till (its config takes no 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

const binary = electronBinary();
test.skip(
  binary === null,
  'no Electron binary in node_modules/electron/dist: the Electron spec runs where one is installed',
);

test('Electron: a sale in the Electron window, the UI talking to the till core over IPC', async ({
  engine,
}) => {
  if (binary === null) throw new Error('no Electron binary');
  requireBuiltRenderer();
  if (!existsSync(MAIN_BUNDLE))
    throw new Error(`${MAIN_BUNDLE} does not exist: run npm run build:electron`);
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-electron-till-'));
  const app = await _electron.launch({
    executablePath: binary,
    args: [MAIN_BUNDLE],
    cwd: ROOT,
    env: {
      ...inheritedEnv(),
      TILL_ENGINE_URL: engine.url,
      TILL_CHAIN_ID: '1',
      TILL_STORE_CODE: 'S001',
      TILL_TERMINAL_ID: '01',
      TILL_TERMINAL_USERNAME: 'till-s001-01',
      TILL_TERMINAL_PASSWORD: 'demo-till',
      TILL_CURRENCY: 'EUR',
      TILL_LOCALE: 'nl-NL',
      TILL_TIMEZONE: 'Europe/Amsterdam',
      TILL_DATA_DIR: dataDir,
      TILL_HONOUR_FEED_PUBLIC_KEYS: DEMO_IDENTITY.honourFeedPublicKeys.join(','),
      TILL_PORT: String(await freePort()),
      TILL_KIOSK: 'false',
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const window = await app.firstWindow();
    expect(await window.evaluate(() => 'till' in window)).toBe(true);
    const sale = new SalePage(window);
    const receipt = new ReceiptPage(window);
    const { milk } = ITEMS;
    await sale.expectShown();
    await sale.scanItem(milk.barcode, milk.name);
    await sale.scanItem(milk.barcode, milk.name, 2);
    await expect(sale.totalToPay).toHaveText(money(2 * milk.cents));
    await sale.confirmPayment();
    await receipt.expectShown();
    await expect(receipt.totalPaid).toHaveText(money(2 * milk.cents));
    await receipt.newSale();
    await sale.expectEmpty();
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
