/**
 * The Electron main process, bundled by `scripts/build-electron.ts` into `dist/electron/main.mjs`
 * (the preload next to it as `preload.cjs`, the demo catalogue beside them, the UI in
 * `dist/renderer`). Config, store and engine as in browser mode; the window talks over IPC.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import pino from 'pino';
import { startTill, type RunningTill } from '../start-till';
import { loadConfig } from '../config';
import { runShell } from './shell';

const here = dirname(fileURLToPath(import.meta.url));
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  app.quit();
  process.exit(2);
}

const loaded = loadConfig({ env: process.env });
if (!loaded.ok) fail(loaded.error.message);
let till: RunningTill | null = null;

await runShell(
  { app, BrowserWindow, Menu, ipcMain, session },
  {
    preloadPath: join(here, 'preload.cjs'),
    kiosk: loaded.value.config.kiosk,
    startCore: async () => {
      const started = await startTill({
        env: process.env,
        log,
        assets: {
          demoCatalogue: join(here, 'demo-catalogue.csv'),
          rendererDir: join(here, '..', 'renderer'),
        },
      });
      if (!started.ok) fail(started.error.message);
      till = started.value;
      process.stdout.write(`The till is ready: ${till.apiUrl}\n`);
      return {
        handlers: till.core.handlers,
        uiUrl: till.url,
        events: till.core.events.subscribe,
        printerName: loaded.value.config.printerName ?? null,
      };
    },
    onFault: (error, command) => {
      log.error({ err: error, command }, 'a till command failed');
    },
  },
);

app.on('before-quit', () => {
  void till?.stop();
});
