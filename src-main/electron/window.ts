import type { BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from '../transport/content-security-policy';
import type { ElectronApi, ShellWindow } from './electron-api';

/** No Node in the page, an isolated and sandboxed preload, nothing loaded from elsewhere. */
export function windowOptions(
  preloadPath: string,
  kiosk: boolean,
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#f4f5f7',
    title: 'voucher-till',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // A kiosk terminal is operated by cashiers: no inspector to reach the page's internals.
      devTools: !kiosk,
    },
  };
}

/** The window stays on the till UI: no navigation to another origin, no pop-up windows. */
export function guardNavigation(window: ShellWindow, origin: string): void {
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== origin) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function applyContentSecurityPolicy(electron: ElectronApi, origin: string): void {
  const policy = contentSecurityPolicy(origin);
  electron.session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
    });
  });
}
