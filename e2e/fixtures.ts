/**
 * One fixture for every spec: each test gets its own real engine with the demo data (SQLite in
 * its own temp dir, port 0, silent logs) and its own real till core in browser mode (own temp
 * data dir, port 0, serving the built UI from dist/renderer), a page opened on the till's URL,
 * a second till on the same engine when it asks for one, and the engine's database for
 * assertions. Everything is stopped and removed after the test.
 *
 * For offline selling a test can `test.use({ tillOffline: { giveUpAfterMs: 500 } })` (the
 * `offline` policy of the tills' configuration, and every engine call cut at 500 ms), stop and restart the engine on the same port and
 * SQLite file (`engine.stop()`, `engine.restart()`; read `engine.db` afterwards, not the
 * `engineDb` taken before), and `test.use({ tillsBehindGates: true })` to put each till behind
 * its own TCP gate (`gates.of('01').close()` takes that till's network away), or
 * `test.use({ tillBehindProxy: true })` to put terminal 01 behind an HTTP proxy (`engineProxy`)
 * that can slow or fault the engine's answers. `test.use({ tillTraining: true })` runs the tills
 * in training mode.
 */
import { test as base, type Page, type TestInfo } from '@playwright/test';
import type { Kysely } from 'kysely';
import type { Database } from '../src-engine/db/schema';
import type { Language } from '../src-shared/i18n';
import { startHttpProxy, type HttpProxy } from '../test-support/till/http-proxy';
import { startOfflineTill, type OfflineSettings } from '../test-support/till/offline-till';
import {
  startTestTill,
  TILL_ONE,
  TILL_TWO,
  type TerminalAccount,
  type TestTill,
} from '../test-support/till/till-harness';
import { DiagnosticsPage } from './pages/diagnostics-page';
import { ManagerPage } from './pages/manager-page';
import { PastSalesPage } from './pages/past-sales-page';
import { ReceiptPage } from './pages/receipt-page';
import { SalePage } from './pages/sale-page';
import { Screens } from './pages/screens';
import { StatusBar } from './pages/status-bar';
import { startDemoEngine, type DemoEngine } from './support/engine';
import { tillGates, type TillGates } from './support/gates';
import { requireBuiltRenderer } from './support/renderer';

export { expect } from '@playwright/test';
export { valueOf, type TestTill } from '../test-support/till/till-harness';

/** The till UI's screens as page objects, all on the test's page. */
export interface TillUi {
  readonly screens: Screens;
  readonly status: StatusBar;
  readonly sale: SalePage;
  readonly receipt: ReceiptPage;
  readonly manager: ManagerPage;
  readonly diagnostics: DiagnosticsPage;
  readonly pastSales: PastSalesPage;
}

interface TillFixtures {
  /** The engine's log level: silent unless E2E_ENGINE_LOG says otherwise (e.g. `info` to debug). */
  engineLogLevel: string;
  /** The `offline` key of the tills' configuration; none (the defaults) unless a test sets it. */
  tillOffline: OfflineSettings | null;
  /** The language the tills speak (`language` of their configuration): English unless a test sets it. */
  tillLanguage: Language;
  /** The tills run in training mode (`trainingMode` of their configuration); off unless a test sets it. */
  tillTraining: boolean;
  /** Each till reaches the engine through its own gate (`gates.of(terminalId)`); off by default. */
  tillsBehindGates: boolean;
  /** The gates of this test's tills (when `tillsBehindGates`). */
  gates: TillGates;
  /** Terminal 01 reaches the engine through an HTTP proxy (`engineProxy`), to slow or fault its answers; off by default. */
  tillBehindProxy: boolean;
  /** The HTTP proxy between terminal 01 and the engine: null unless `tillBehindProxy`. */
  engineProxy: HttpProxy | null;
  /** The demo engine of this test. */
  engine: DemoEngine;
  /** The engine's database (Kysely), for assertions on locks, redemptions and baskets. */
  engineDb: Kysely<Database>;
  /** The till core whose UI the page shows: terminal 01 (till-s001-01). */
  till: TestTill;
  /**
   * A second till core on the same engine: terminal 02 with the manager's account (which has
   * the terminal's rights too), driven through its loopback API. Started when a test asks.
   */
  secondTill: TestTill;
  /** The page objects of the till UI on `page`. */
  ui: TillUi;
}

export const test = base.extend<TillFixtures>({
  engineLogLevel: [process.env.E2E_ENGINE_LOG ?? 'silent', { option: true }],
  tillOffline: [null, { option: true }],
  tillLanguage: ['en', { option: true }],
  tillTraining: [false, { option: true }],
  tillsBehindGates: [false, { option: true }],
  tillBehindProxy: [false, { option: true }],
  engineProxy: async ({ engine, tillBehindProxy }, use) => {
    if (!tillBehindProxy) {
      await use(null);
      return;
    }
    const proxy = await startHttpProxy(engine.url);
    try {
      await use(proxy);
    } finally {
      await proxy.stop();
    }
  },
  gates: async ({ engine }, use) => {
    const gates = tillGates(engine.url);
    try {
      await use(gates);
    } finally {
      await gates.stopAll();
    }
  },
  engine: async ({ engineLogLevel }, use) => {
    const engine = await startDemoEngine(engineLogLevel);
    try {
      await use(engine);
    } finally {
      await engine.close();
    }
  },
  engineDb: async ({ engine }, use) => {
    await use(engine.db);
  },
  till: async (
    { engine, tillOffline, tillLanguage, tillTraining, tillsBehindGates, gates, engineProxy },
    use,
  ) => {
    const till = await startFixtureTill(TILL_ONE, {
      engineUrl: engineProxy?.url ?? engine.url,
      offline: tillOffline,
      language: tillLanguage,
      training: tillTraining,
      gates: tillsBehindGates ? gates : null,
    });
    try {
      await use(till);
    } finally {
      await till.close();
    }
  },
  secondTill: async (
    { engine, tillOffline, tillLanguage, tillTraining, tillsBehindGates, gates },
    use,
  ) => {
    const till = await startFixtureTill(TILL_TWO, {
      engineUrl: engine.url,
      offline: tillOffline,
      language: tillLanguage,
      training: tillTraining,
      gates: tillsBehindGates ? gates : null,
    });
    try {
      await use(till);
    } finally {
      await till.close();
    }
  },
  page: async ({ page, till }, use) => {
    requireBuiltRenderer();
    await page.goto(till.till.url);
    await use(page);
  },
  ui: async ({ page }, use) => {
    await use({
      screens: new Screens(page),
      status: new StatusBar(page),
      sale: new SalePage(page),
      receipt: new ReceiptPage(page),
      manager: new ManagerPage(page),
      diagnostics: new DiagnosticsPage(page),
      pastSales: new PastSalesPage(page),
    });
  },
});

/** A till core as the test set it up: straight to the engine or behind its gate, with or without an `offline` policy. */
async function startFixtureTill(
  terminal: TerminalAccount,
  setup: {
    readonly engineUrl: string;
    readonly offline: OfflineSettings | null;
    readonly language: Language;
    readonly training: boolean;
    readonly gates: TillGates | null;
  },
): Promise<TestTill> {
  const engineUrl = setup.gates
    ? (await setup.gates.open(terminal.terminalId)).url
    : setup.engineUrl;
  const extra = { language: setup.language, ...(setup.training ? { trainingMode: true } : {}) };
  return setup.offline === null
    ? startTestTill(engineUrl, terminal, undefined, extra)
    : startOfflineTill(engineUrl, terminal, setup.offline, undefined, extra);
}

/** Saves a full-page screenshot of the current screen into the test's output dir and attaches it. */
export async function saveScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
