import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The part of the `electron` module the shell uses, as a structural type: the real module
 * satisfies it, and so does the stand-in the tests run the shell with (no Electron binary
 * can be downloaded where CI runs).
 */
export interface ShellWindow {
  loadURL(url: string): Promise<void>;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  readonly webContents: {
    on(
      event: 'will-navigate',
      listener: (event: { preventDefault(): void }, url: string) => void,
    ): void;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  };
}

export interface ElectronApi {
  readonly app: {
    requestSingleInstanceLock(): boolean;
    quit(): void;
    whenReady(): Promise<void>;
    on(event: 'second-instance' | 'window-all-closed', listener: () => void): void;
  };
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => ShellWindow;
  readonly Menu: {
    setApplicationMenu(menu: null): void;
  };
  readonly ipcMain: {
    handle(channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>): void;
  };
  readonly session: {
    readonly defaultSession: {
      readonly webRequest: {
        onHeadersReceived(
          listener: (
            details: { responseHeaders?: Record<string, string[]> },
            callback: (response: { responseHeaders: Record<string, string[]> }) => void,
          ) => void,
        ): void;
      };
    };
  };
}
