import type { TillEventSubscribe, TillHandlers } from '../../src-shared/till';
import type { ElectronApi, ShellWindow } from './electron-api';
import { forwardTillEvents, registerIpcHandlers, registerPrintHandler } from './ipc';
import { denyAllPermissions, swallowInspectorKeys } from './lockdown';
import { applyContentSecurityPolicy, guardNavigation, windowOptions } from './window';

export interface ShellOptions {
  readonly preloadPath: string;
  readonly kiosk: boolean;
  /** Starts the till core (config, store, engine client, the UI's loopback server). */
  readonly startCore: () => Promise<{
    handlers: TillHandlers;
    uiUrl: string;
    /** The core's announcements, pushed to the window over IPC. */
    events?: TillEventSubscribe;
    /** The printer receipts go to without a dialog (`printerName`); absent or null: the default one. */
    printerName?: string | null;
  }>;
  readonly onFault: (error: unknown, command: string) => void;
}

/**
 * The Electron shell: one instance per terminal (a second launch focuses the first and
 * quits), a secure window on the till UI, and the command map over IPC for that window only.
 */
export async function runShell(
  electron: ElectronApi,
  options: ShellOptions,
): Promise<ShellWindow | null> {
  if (!electron.app.requestSingleInstanceLock()) {
    electron.app.quit();
    return null;
  }
  let window: ShellWindow | null = null;
  electron.app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  electron.app.on('window-all-closed', () => {
    electron.app.quit();
  });
  await electron.app.whenReady();
  // No menu bar: Alt would otherwise show Reload and Quit to the cashier.
  electron.Menu.setApplicationMenu(null);
  denyAllPermissions(electron);
  const core = await options.startCore();
  const origin = new URL(core.uiUrl).origin;
  applyContentSecurityPolicy(electron, origin);
  // A kiosk and an installed package are for cashiers: no inspector, no reload.
  const lockedDown = options.kiosk || electron.app.isPackaged;
  const opened = new electron.BrowserWindow(
    windowOptions(options.preloadPath, { kiosk: options.kiosk, devTools: !lockedDown }),
  );
  window = opened;
  guardNavigation(opened, origin);
  if (lockedDown) swallowInspectorKeys(opened);
  registerIpcHandlers(electron, opened, origin, core.handlers, options.onFault);
  registerPrintHandler(electron, opened, origin, core.printerName ?? null);
  if (core.events) forwardTillEvents(opened, origin, core.events);
  await opened.loadURL(core.uiUrl);
  return opened;
}
