/**
 * `npm run bench:till`: how long a scan takes to show its total in the real UI — a demo engine
 * and a till core in-process, the built UI in Debian's Chromium, 200 scans typed into the scan
 * field and ended with Enter (as a wedge scanner does), read back from the `scan-to-total`
 * performance measures the UI records — next to a baseline measured in the same run: the same
 * number of `fetch` calls to /api/sale/scan made from inside the page (the API round trip
 * without rendering). Prints p50 and p95 of both; asserts nothing.
 */
import { chromium, type Page } from '@playwright/test';
import { startTestTill, TILL_ONE } from '../test-support/till/till-harness';
import { saleView, tillResultSchema } from '../src-shared/till';
import { SalePage } from '../e2e/pages/sale-page';
import { CHROMIUM_LAUNCH_OPTIONS, requireChromium } from '../e2e/support/chromium';
import { ITEMS } from '../e2e/support/demo';
import { startDemoEngine } from '../e2e/support/engine';
import { LOCALE, TIMEZONE } from '../e2e/support/format';
import { requireBuiltRenderer } from '../e2e/support/renderer';

const SCANS = 200;
/** A new sale every this many scans, so that the basket stays the size of a real one. */
const SALE_SIZE = 20;
/** Scans before the measured ones (engine sign-in, first render), left out of the figures. */
const WARMUP = 5;
const MEASURE = 'scan-to-total';
const CODES = [
  ITEMS.milk.barcode,
  ITEMS.croissant.barcode,
  ITEMS.flatWhite.barcode,
  ITEMS.oliveOil.barcode,
  ITEMS.coffeeBeans.barcode,
];

function codeFor(n: number): string {
  return CODES[n % CODES.length] ?? ITEMS.milk.barcode;
}

function measuresOnScreen(page: Page): Promise<number[]> {
  return page.evaluate(
    (name) => performance.getEntriesByName(name).map((entry) => entry.duration),
    MEASURE,
  );
}

/** Types the code into the scan field, presses Enter, and waits for the UI's measure of it. */
async function scanInUi(page: Page, sale: SalePage, code: string, n: number): Promise<void> {
  const before = (await measuresOnScreen(page)).length;
  await sale.scanField.focus();
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  try {
    await page.waitForFunction(
      ({ name, count }) => performance.getEntriesByName(name).length > count,
      { name: MEASURE, count: before },
      { timeout: 10_000 },
    );
  } catch (error) {
    throw new Error(
      `scan ${n}: the UI recorded no "${MEASURE}" measure within 10 s ` +
        `(src-renderer/README.md promises one per scan)`,
      { cause: error },
    );
  }
}

async function voidInUi(sale: SalePage): Promise<void> {
  await sale.voidSaleButton.click();
  await sale.voidDialog.getByRole('button', { name: 'Void sale', exact: true }).click();
  await sale.voidDialog.waitFor({ state: 'hidden' });
  await sale.basket.getByText('Scan an item to start the sale.').waitFor();
}

const saleAnswer = tillResultSchema(saleView);

/**
 * One POST /api/<command> made from inside the page, timed there (request, answer, JSON parse).
 * The function runs in the browser: no named helpers inside it (the bundler would wrap them).
 */
async function fetchInPage(
  page: Page,
  token: string,
  command: 'sale/current' | 'sale/scan' | 'sale/void',
  input: Record<string, string>,
): Promise<{ ms: number; saleId: string }> {
  const { ms, body } = await page.evaluate(
    async ({ token, command, input }) => {
      const started = performance.now();
      const response = await fetch(`/api/${command}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const answer: unknown = await response.json();
      return { ms: performance.now() - started, body: answer };
    },
    { token, command, input },
  );
  const parsed = saleAnswer.parse(body);
  if (!parsed.ok) throw new Error(`${command}: ${parsed.error.code}: ${parsed.error.message}`);
  return { ms, saleId: parsed.value.saleId };
}

/** The baseline: the same scans as fetch calls to /api/sale/scan from the page, no rendering. */
async function apiRoundTrips(
  page: Page,
  token: string,
  codes: readonly string[],
): Promise<number[]> {
  let { saleId } = await fetchInPage(page, token, 'sale/current', {});
  const durations: number[] = [];
  for (const [n, code] of codes.entries()) {
    if (n > 0 && n % SALE_SIZE === 0)
      ({ saleId } = await fetchInPage(page, token, 'sale/void', { saleId }));
    durations.push((await fetchInPage(page, token, 'sale/scan', { saleId, code })).ms);
  }
  await fetchInPage(page, token, 'sale/void', { saleId });
  return durations;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

requireChromium();
requireBuiltRenderer();
const engine = await startDemoEngine();
const till = await startTestTill(engine.url, TILL_ONE);
const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
const browserVersion = browser.version();
let onScreen: number[];
let roundTrips: number[];
try {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    locale: LOCALE,
    timezoneId: TIMEZONE,
  });
  await page.goto(till.till.url);
  const sale = new SalePage(page);
  await sale.scanField.waitFor();

  for (let n = 0; n < WARMUP; n += 1) await scanInUi(page, sale, codeFor(n), n);
  await voidInUi(sale);
  const warm = (await measuresOnScreen(page)).length;
  for (let n = 0; n < SCANS; n += 1) {
    if (n > 0 && n % SALE_SIZE === 0) await voidInUi(sale);
    await scanInUi(page, sale, codeFor(n), n);
  }
  await voidInUi(sale);
  onScreen = (await measuresOnScreen(page)).slice(warm);

  const codes = Array.from({ length: WARMUP + SCANS }, (_, n) => codeFor(n));
  roundTrips = (await apiRoundTrips(page, till.till.uiToken, codes)).slice(WARMUP);
} finally {
  await browser.close();
  await till.close();
  await engine.close();
}

const rows = [
  { name: 'scan → total on screen (the UI)', values: onScreen },
  { name: 'fetch /api/sale/scan from the page', values: roundTrips },
];
console.log(
  `till UI in Debian's Chromium ${browserVersion} (headless): ${onScreen.length} scans measured ` +
    `after ${WARMUP} warm-up scans, a new sale every ${SALE_SIZE}; Node ${process.version}\n`,
);
console.log(`${''.padEnd(38)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}`);
for (const row of rows)
  console.log(
    `${row.name.padEnd(38)}${percentile(row.values, 50).toFixed(1).padStart(9)}${percentile(row.values, 95).toFixed(1).padStart(9)}`,
  );
console.log(
  `\nthe UI's own share (render and scan handling): p50 ` +
    `${(percentile(onScreen, 50) - percentile(roundTrips, 50)).toFixed(1)} ms`,
);
