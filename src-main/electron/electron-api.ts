import type { BrowserWindowConstructorOptions } from 'electron';

/** What a navigation event of the window tells: where to, and how to refuse it. */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** A key the window is about to hand to the page (Electron's `Input`, the fields the shell reads). */
export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  readonly meta: boolean;
}

/** A frame, as Electron's WebFrameMain names it: its process and routing ids identify it. */
export interface ShellFrame {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
}

/** An IPC call's event: the frame that sent it (null once that frame navigated or closed). */
export interface IpcInvokeEvent {
  readonly senderFrame: ShellFrame | null;
}

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
    readonly mainFrame: ShellFrame;
    /** A message to the window's main frame (Electron's `webContents.send`). */
    send(channel: string, ...args: unknown[]): void;
    on(
      event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
      listener: (event: NavigationEvent) => void,
    ): void;
    on(
      event: 'before-input-event',
      listener: (event: { preventDefault(): void }, input: KeyInput) => void,
    ): void;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
    /** Prints the page (Electron's `webContents.print`); `silent`: without the print dialog. */
    print(
      options: ShellPrintOptions,
      callback: (success: boolean, failureReason: string) => void,
    ): void;
  };
}

/** What the shell asks of `webContents.print`: no dialog, the configured printer ('' the default). */
export interface ShellPrintOptions {
  readonly silent: boolean;
  readonly deviceName: string;
  readonly printBackground: boolean;
}

export interface ElectronApi {
  readonly app: {
    /** True in an installed package, false when run from the repository. */
    readonly isPackaged: boolean;
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
    handle(
      channel: string,
      listener: (event: IpcInvokeEvent, input: unknown) => Promise<unknown>,
    ): void;
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
      setPermissionRequestHandler(
        handler: (
          webContents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
        ) => void,
      ): void;
      setPermissionCheckHandler(
        handler: (webContents: unknown, permission: string) => boolean,
      ): void;
      setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
    };
  };
}
