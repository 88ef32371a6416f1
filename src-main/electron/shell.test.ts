import type * as electron from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { TILL_COMMAND_NAMES } from '../../src-shared/till';
import { standInCore, status } from '../../test-support/till/stand-in-core';
import type { ElectronApi, ShellWindow } from './electron-api';
import { runShell } from './shell';

type Listener = () => void;

interface WindowRecord {
  options: BrowserWindowConstructorOptions;
  loaded: string[];
  focused: number;
  navigate?: (event: { preventDefault(): void }, url: string) => void;
  openHandler?: (details: { url: string }) => { action: 'deny' };
}

/** A stand-in for the `electron` module: it records what the shell asks of it. */
function standInElectron(options: { primary: boolean }) {
  const record = {
    quit: 0,
    appListeners: new Map<string, Listener>(),
    windows: [] as WindowRecord[],
    channels: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
    headers: [] as Record<string, string[]>[],
    menusCleared: 0,
  };
  class StandInWindow implements ShellWindow {
    private readonly state: WindowRecord;
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      this.state = { options: windowOptions, loaded: [], focused: 0 };
      record.windows.push(this.state);
    }
    loadURL(url: string) {
      this.state.loaded.push(url);
      return Promise.resolve();
    }
    focus() {
      this.state.focused += 1;
    }
    isMinimized() {
      return false;
    }
    restore() {
      return undefined;
    }
    get webContents() {
      const state = this.state;
      return {
        on: (
          _event: 'will-navigate',
          listener: (event: { preventDefault(): void }, url: string) => void,
        ) => {
          state.navigate = listener;
        },
        setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
          state.openHandler = handler;
        },
      };
    }
  }
  const api: ElectronApi = {
    app: {
      requestSingleInstanceLock: () => options.primary,
      quit: () => {
        record.quit += 1;
      },
      whenReady: () => Promise.resolve(),
      on: (event, listener) => {
        record.appListeners.set(event, listener);
      },
    },
    BrowserWindow: StandInWindow,
    Menu: {
      setApplicationMenu: () => {
        record.menusCleared += 1;
      },
    },
    ipcMain: {
      handle: (channel, listener) => {
        record.channels.set(channel, listener);
      },
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (listener) => {
            listener({ responseHeaders: { 'X-Test': ['1'] } }, (response) =>
              record.headers.push(response.responseHeaders),
            );
          },
        },
      },
    },
  };
  return { api, record };
}

const UI_URL = 'http://127.0.0.1:8410/?token=abc';
const shellOptions = (seen: unknown[]) => ({
  preloadPath: '/app/preload.js',
  kiosk: true,
  startCore: () => Promise.resolve({ handlers: standInCore(seen), uiUrl: UI_URL }),
  onFault: () => undefined,
});

describe('the Electron shell, run with a stand-in electron module', () => {
  it('the real electron module fits the shell’s needs', () => {
    expectTypeOf<typeof electron>().toExtend<ElectronApi>();
  });

  it('a second instance quits at once and opens no window', async () => {
    const { api, record } = standInElectron({ primary: false });
    expect(await runShell(api, shellOptions([]))).toBeNull();
    expect(record.quit).toBe(1);
    expect(record.windows).toHaveLength(0);
  });

  it('the first instance opens one secure kiosk window on the till UI', async () => {
    const { api, record } = standInElectron({ primary: true });
    await runShell(api, shellOptions([]));
    expect(record.windows).toHaveLength(1);
    const [window] = record.windows;
    expect(window?.options).toMatchObject({
      kiosk: true,
      webPreferences: {
        preload: '/app/preload.js',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
      },
    });
    expect(window?.loaded).toEqual([UI_URL]);
    expect(record.menusCleared).toBe(1);
    record.appListeners.get('second-instance')?.();
    expect(window?.focused).toBe(1);
  });

  it('registers exactly the command map’s handlers over IPC, validating input', async () => {
    const { api, record } = standInElectron({ primary: true });
    await runShell(api, shellOptions([]));
    expect([...record.channels.keys()].sort()).toEqual(
      TILL_COMMAND_NAMES.map((name) => `till:${name}`).sort(),
    );
    const event = { sender: 'stand-in' };
    expect(await record.channels.get('till:status/get')?.(event, {})).toEqual({
      ok: true,
      value: status,
    });
    expect(
      await record.channels.get('till:sale/scan')?.(event, { saleId: 's1', code: '' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps the window on the till’s origin, with a content security policy', async () => {
    const { api, record } = standInElectron({ primary: true });
    await runShell(api, shellOptions([]));
    const [window] = record.windows;
    const prevented: string[] = [];
    for (const url of ['http://127.0.0.1:8410/manager', 'https://evil.example/']) {
      window?.navigate?.({ preventDefault: () => prevented.push(url) }, url);
    }
    expect(prevented).toEqual(['https://evil.example/']);
    expect(window?.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(record.headers[0]?.['Content-Security-Policy']?.[0]).toMatch(
      /^default-src 'self'.*object-src 'none'/,
    );
    expect(record.headers[0]?.['X-Test']).toEqual(['1']);
  });
});
