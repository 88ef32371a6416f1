import { TILL_COMMAND_NAMES, type TillHandlers } from '../../src-shared/till';
import { dispatch } from '../transport/dispatch';
import { IPC_PREFIX } from './channels';
import type { ElectronApi } from './electron-api';

/** One IPC channel per till command, each validated by the command's schema (same dispatch as HTTP). */
export function registerIpcHandlers(
  electron: ElectronApi,
  handlers: TillHandlers,
  onFault: (error: unknown, command: string) => void,
): string[] {
  return TILL_COMMAND_NAMES.map((name) => {
    const channel = `${IPC_PREFIX}${name}`;
    electron.ipcMain.handle(channel, (_event, input) => dispatch(handlers, name, input, onFault));
    return channel;
  });
}
