// A stand-in for the `electron` module, for running the bundled main process under plain Node
// (no Electron binary can be downloaded here). It reports what the main process asks of it
// on standard output, one `STAND-IN <what> <json>` line each.
import type { BrowserWindowConstructorOptions } from 'electron';

function report(what: string, detail: unknown): void {
  process.stdout.write(`STAND-IN ${what} ${JSON.stringify(detail)}\n`);
}

const channels: string[] = [];

export const app = {
  isPackaged: false,
  requestSingleInstanceLock: () => process.env.STAND_IN_SECOND_INSTANCE !== '1',
  quit: () => {
    report('quit', null);
    process.exit(0);
  },
  whenReady: () => Promise.resolve(),
  on: (event: string) => {
    report('app-listener', event);
  },
};

export class BrowserWindow {
  readonly webContents = {
    mainFrame: { url: '', processId: 1, routingId: 1 },
    on: (event: string) => {
      report('window-listener', event);
    },
    setWindowOpenHandler: () => {
      report('window-open-handler', 'set');
    },
    print: (options: unknown, callback: (success: boolean, failureReason: string) => void) => {
      report('print', options);
      callback(true, '');
    },
  };
  constructor(options: BrowserWindowConstructorOptions) {
    report('window', options);
  }
  loadURL(url: string): Promise<void> {
    report('ipc-channels', channels);
    report('load', url);
    return Promise.resolve();
  }
  focus(): void {
    report('focus', null);
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {
    report('restore', null);
  }
}

export const Menu = {
  setApplicationMenu: () => {
    report('application-menu', 'none');
  },
};

export const ipcMain = {
  handle: (channel: string) => {
    channels.push(channel);
  },
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived: () => {
        report('content-security-policy', 'set');
      },
    },
    setPermissionRequestHandler: () => {
      report('permission-handler', 'request');
    },
    setPermissionCheckHandler: () => {
      report('permission-handler', 'check');
    },
    setDevicePermissionHandler: () => {
      report('permission-handler', 'device');
    },
  },
};
