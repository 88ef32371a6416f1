import {
  TILL_COMMAND_NAMES,
  type TillEventSubscribe,
  type TillHandlers,
} from '../../src-shared/till';
import { dispatch } from '../transport/dispatch';
import { EVENT_CHANNEL, IPC_PREFIX, PRINT_CHANNEL } from './channels';
import type { ElectronApi, IpcInvokeEvent, ShellWindow } from './electron-api';
import { isOwnOrigin } from './window';

/** A till command sent over IPC by any frame but the till UI's own main frame. */
export class ForeignFrameError extends Error {
  override readonly name = 'ForeignFrameError';
}

/**
 * Refuses a call that does not come from the window's main frame on the till UI's origin: a
 * frame inside the page, or a page the window was led to, must not run till commands.
 */
export function assertOwnFrame(
  event: IpcInvokeEvent,
  window: ShellWindow,
  origin: string,
  channel: string,
): void {
  const frame = event.senderFrame;
  const main = window.webContents.mainFrame;
  let why: string | null = null;
  if (frame === null) why = 'its frame is gone';
  else if (frame.processId !== main.processId || frame.routingId !== main.routingId)
    why = 'it does not come from the till window’s main frame';
  else if (!isOwnOrigin(frame.url, origin)) why = `its frame is not on ${origin}`;
  if (why !== null) throw new ForeignFrameError(`${channel} refused: ${why}`);
}

/**
 * One IPC channel per till command, each validated by the command's schema (same dispatch as
 * HTTP), each only for the window's own frame.
 */
export function registerIpcHandlers(
  electron: ElectronApi,
  window: ShellWindow,
  origin: string,
  handlers: TillHandlers,
  onFault: (error: unknown, command: string) => void,
): string[] {
  return TILL_COMMAND_NAMES.map((name) => {
    const channel = `${IPC_PREFIX}${name}`;
    electron.ipcMain.handle(channel, async (event, input) => {
      assertOwnFrame(event, window, origin, channel);
      return await dispatch(handlers, name, input, onFault);
    });
    return channel;
  });
}

/**
 * Pushes the core's announcements to the window on `EVENT_CHANNEL`, only while its main frame
 * is on the till UI's origin: a page the window was led to hears nothing. Returns the unsubscribe.
 */
export function forwardTillEvents(
  window: ShellWindow,
  origin: string,
  subscribe: TillEventSubscribe,
): () => void {
  return subscribe((event) => {
    if (isOwnOrigin(window.webContents.mainFrame.url, origin))
      window.webContents.send(EVENT_CHANNEL, event);
  });
}

/** What a print asked for over `PRINT_CHANNEL` came to; `reason` is Electron's words for a failure. */
export type PrintOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Prints the window's page on `PRINT_CHANNEL`, silently on `printerName` (the system's default
 * printer when null), only for the window's own frame: the receipt the page shows, in its print
 * layout. Returns the channel.
 */
export function registerPrintHandler(
  electron: ElectronApi,
  window: ShellWindow,
  origin: string,
  printerName: string | null,
): string {
  electron.ipcMain.handle(PRINT_CHANNEL, async (event) => {
    assertOwnFrame(event, window, origin, PRINT_CHANNEL);
    return await new Promise<PrintOutcome>((resolve) => {
      window.webContents.print(
        { silent: true, deviceName: printerName ?? '', printBackground: true },
        (success, failureReason) => {
          resolve(success ? { ok: true } : { ok: false, reason: failureReason });
        },
      );
    });
  });
  return PRINT_CHANNEL;
}
