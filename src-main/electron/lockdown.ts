import type { ElectronApi, KeyInput, ShellWindow } from './electron-api';

/**
 * The till UI needs no camera, microphone, location, notifications, USB, serial or HID device:
 * every permission the page asks for is refused, and every check answers no.
 */
export function denyAllPermissions(electron: ElectronApi): void {
  const { defaultSession } = electron.session;
  defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.setDevicePermissionHandler(() => false);
}

/**
 * Ctrl+Shift+I/J/C (Cmd+Alt+I/J/C on macOS): the inspector; F5, Ctrl+R, Ctrl+Shift+R: reload.
 * F12 reaches the page: it is the sale screen's Confirm payment key, and with DevTools off and
 * no menu it opens nothing.
 */
export function isInspectorOrReloadKey(input: KeyInput): boolean {
  const key = input.key.toLowerCase();
  if (key === 'f5') return true;
  const command = input.control || input.meta;
  if (!command) return false;
  if (key === 'r') return true;
  const inspector = input.shift || (input.meta && input.alt);
  return inspector && (key === 'i' || key === 'j' || key === 'c');
}

/** The inspector's and reload's shortcuts never reach the page nor open anything. */
export function swallowInspectorKeys(window: ShellWindow): void {
  window.webContents.on('before-input-event', (event, input) => {
    if (isInspectorOrReloadKey(input)) event.preventDefault();
  });
}
