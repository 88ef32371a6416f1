import type { BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from '../transport/content-security-policy';
import type { ElectronApi, ShellWindow } from './electron-api';

export interface WindowMode {
  /** The window fills the screen and cannot be left. */
  readonly kiosk: boolean;
  /** The inspector can be opened (never in kiosk mode or in an installed package). */
  readonly devTools: boolean;
}

/** No Node in the page, an isolated and sandboxed preload, nothing loaded from elsewhere. */
export function windowOptions(
  preloadPath: string,
  mode: WindowMode,
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    kiosk: mode.kiosk,
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
      // A terminal is operated by cashiers: no inspector to reach the page's internals.
      devTools: mode.devTools,
    },
  };
}

/** Whether `url` is on the till UI's own origin; a URL that does not parse is not. */
export function isOwnOrigin(url: string, origin: string): boolean {
  return URL.canParse(url) && new URL(url).origin === origin;
}

/**
 * The window stays on the till UI: a navigation of the page or of any frame in it, and a
 * server's redirect during one, to another origin is refused; pop-up windows are denied.
 */
export function guardNavigation(window: ShellWindow, origin: string): void {
  const refuseForeign = (event: { readonly url: string; preventDefault(): void }) => {
    if (!isOwnOrigin(event.url, origin)) event.preventDefault();
  };
  window.webContents.on('will-navigate', refuseForeign);
  window.webContents.on('will-redirect', refuseForeign);
  window.webContents.on('will-frame-navigate', refuseForeign);
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
