import type * as electron from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { TILL_COMMAND_NAMES } from '../../src-shared/till';
import { standInCore, status } from '../../test-support/till/stand-in-core';
import type {
  ElectronApi,
  IpcInvokeEvent,
  KeyInput,
  NavigationEvent,
  ShellFrame,
  ShellPrintOptions,
  ShellWindow,
} from './electron-api';
import { PRINT_CHANNEL } from './channels';
import { runShell } from './shell';
import { createTillEvents, type TillEvents } from '../commands/till-events';

type Listener = () => void;
type WindowEvent = 'will-navigate' | 'will-redirect' | 'will-frame-navigate';
type InputListener = (event: { preventDefault(): void }, input: KeyInput) => void;
interface WindowListeners {
  'will-navigate': (event: NavigationEvent) => void;
  'will-redirect': (event: NavigationEvent) => void;
  'will-frame-navigate': (event: NavigationEvent) => void;
  'before-input-event': InputListener;
}

interface WindowRecord {
  options: BrowserWindowConstructorOptions;
  loaded: string[];
  focused: number;
  mainFrame: { url: string; processId: number; routingId: number };
  sent: { channel: string; args: unknown[] }[];
  /** Each print the shell asked of the window, with its options. */
  printed: ShellPrintOptions[];
  /** How the next print ends: Electron's failure reason, or null for a success. */
  printFailure: string | null;
  listeners: { [E in keyof WindowListeners]: WindowListeners[E][] };
  openHandler?: (details: { url: string }) => { action: 'deny' };
}

type PermissionRequest = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

/** A stand-in for the `electron` module: it records what the shell asks of it. */
function standInElectron(options: { primary: boolean; packaged?: boolean }) {
  const record = {
    quit: 0,
    appListeners: new Map<string, Listener>(),
    windows: [] as WindowRecord[],
    channels: new Map<string, (event: IpcInvokeEvent, input: unknown) => Promise<unknown>>(),
    headers: [] as Record<string, string[]>[],
    menusCleared: 0,
    permissionRequest: undefined as PermissionRequest | undefined,
    permissionCheck: undefined as
      ((webContents: unknown, permission: string) => boolean) | undefined,
    devicePermission: undefined as ((details: unknown) => boolean) | undefined,
  };
  class StandInWindow implements ShellWindow {
    private readonly state: WindowRecord;
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      this.state = {
        options: windowOptions,
        loaded: [],
        focused: 0,
        mainFrame: { url: '', processId: 7, routingId: 1 },
        sent: [],
        printed: [],
        printFailure: null,
        listeners: {
          'will-navigate': [],
          'will-redirect': [],
          'will-frame-navigate': [],
          'before-input-event': [],
        },
      };
      record.windows.push(this.state);
    }
    loadURL(url: string) {
      this.state.loaded.push(url);
      this.state.mainFrame.url = url;
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
    get webContents(): ShellWindow['webContents'] {
      const state = this.state;
      const on = <E extends keyof WindowListeners>(event: E, listener: WindowListeners[E]) => {
        state.listeners[event].push(listener);
      };
      return {
        mainFrame: state.mainFrame,
        send: (channel, ...args) => {
          state.sent.push({ channel, args });
        },
        on,
        setWindowOpenHandler: (handler) => {
          state.openHandler = handler;
        },
        print: (printOptions, callback) => {
          state.printed.push(printOptions);
          callback(state.printFailure === null, state.printFailure ?? '');
        },
      };
    }
  }
  const api: ElectronApi = {
    app: {
      isPackaged: options.packaged ?? false,
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
        setPermissionRequestHandler: (handler) => {
          record.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler) => {
          record.permissionCheck = handler;
        },
        setDevicePermissionHandler: (handler) => {
          record.devicePermission = handler;
        },
      },
    },
  };
  return { api, record };
}

const UI_URL = 'http://127.0.0.1:8410/?token=abc';
const shellOptions = (
  seen: unknown[],
  kiosk = true,
  events?: TillEvents,
  printerName?: string | null,
) => ({
  preloadPath: '/app/preload.js',
  kiosk,
  startCore: () =>
    Promise.resolve({
      handlers: standInCore(seen),
      uiUrl: UI_URL,
      ...(events ? { events: events.subscribe } : {}),
      ...(printerName === undefined ? {} : { printerName }),
    }),
  onFault: () => undefined,
});

async function openedShell(
  options: {
    kiosk?: boolean;
    packaged?: boolean;
    events?: TillEvents;
    printerName?: string | null;
  } = {},
) {
  const { api, record } = standInElectron({
    primary: true,
    ...(options.packaged === undefined ? {} : { packaged: options.packaged }),
  });
  const seen: unknown[] = [];
  await runShell(
    api,
    shellOptions(seen, options.kiosk ?? true, options.events, options.printerName),
  );
  const [window] = record.windows;
  if (!window) throw new Error('the shell opened no window');
  return { record, window, seen };
}

/** Which of `urls` the window's listeners for `event` prevented. */
function preventedOf(window: WindowRecord, event: WindowEvent, urls: readonly string[]): string[] {
  const listeners = window.listeners[event];
  const prevented = new Set<string>();
  for (const url of urls)
    for (const listener of listeners) listener({ url, preventDefault: () => prevented.add(url) });
  return [...prevented];
}

const key = (input: Partial<KeyInput> & { key: string }): KeyInput => ({
  type: 'keyDown',
  control: false,
  shift: false,
  alt: false,
  meta: false,
  ...input,
});

/** Whether the window's key listeners kept `input` from the page. */
function swallowed(window: WindowRecord, input: KeyInput): boolean {
  let prevented = false;
  for (const listener of window.listeners['before-input-event'])
    listener(
      {
        preventDefault: () => {
          prevented = true;
        },
      },
      input,
    );
  return prevented;
}

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

  it('the first instance opens one secure kiosk window on the till UI, with no menu', async () => {
    const { record, window } = await openedShell();
    expect(record.windows).toHaveLength(1);
    expect(window.options).toMatchObject({
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
    expect(window.loaded).toEqual([UI_URL]);
    expect(record.menusCleared).toBe(1);
    record.appListeners.get('second-instance')?.();
    expect(window.focused).toBe(1);
  });

  it('has DevTools off in an installed package even out of kiosk mode, and on only when run from the repository', async () => {
    const packaged = await openedShell({ kiosk: false, packaged: true });
    expect(packaged.window.options).toMatchObject({
      kiosk: false,
      webPreferences: { devTools: false },
    });
    const development = await openedShell({ kiosk: false, packaged: false });
    expect(development.window.options).toMatchObject({ webPreferences: { devTools: true } });
    expect(swallowed(development.window, key({ key: 'F12' }))).toBe(false);
  });

  it('swallows the inspector’s and reload’s shortcuts in kiosk mode and in a package, and only those', async () => {
    for (const options of [{ kiosk: true }, { kiosk: false, packaged: true }]) {
      const { window } = await openedShell(options);
      expect(swallowed(window, key({ key: 'I', control: true, shift: true }))).toBe(true);
      expect(swallowed(window, key({ key: 'i', meta: true, alt: true }))).toBe(true);
      expect(swallowed(window, key({ key: 'r', control: true }))).toBe(true);
      expect(swallowed(window, key({ key: 'R', control: true, shift: true }))).toBe(true);
      expect(swallowed(window, key({ key: 'F5' }))).toBe(true);
      // what a cashier types still reaches the page: copy, paste, digits, Enter
      expect(swallowed(window, key({ key: 'c', control: true }))).toBe(false);
      expect(swallowed(window, key({ key: 'v', control: true }))).toBe(false);
      expect(swallowed(window, key({ key: '7' }))).toBe(false);
      expect(swallowed(window, key({ key: 'Enter' }))).toBe(false);
      // F12 is the sale's Confirm payment key (DevTools are off: it opens no inspector)
      expect(swallowed(window, key({ key: 'F12' }))).toBe(false);
      expect(window.options).toMatchObject({ webPreferences: { devTools: false } });
    }
  });

  it('denies every permission the page asks for, and answers no to every check', async () => {
    const { record } = await openedShell();
    const answers: [string, boolean][] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid'])
      record.permissionRequest?.({}, permission, (granted) => answers.push([permission, granted]));
    expect(answers).toEqual([
      ['media', false],
      ['geolocation', false],
      ['notifications', false],
      ['clipboard-read', false],
      ['hid', false],
    ]);
    expect(record.permissionCheck?.({}, 'media')).toBe(false);
    expect(record.permissionCheck?.(null, 'serial')).toBe(false);
    expect(record.devicePermission?.({ deviceType: 'usb' })).toBe(false);
  });

  it('registers exactly the command map’s handlers over IPC, validating input, for the window’s own frame', async () => {
    const { record, window } = await openedShell();
    expect([...record.channels.keys()].sort()).toEqual(
      [...TILL_COMMAND_NAMES.map((name) => `till:${name}`), PRINT_CHANNEL].sort(),
    );
    const own: IpcInvokeEvent = { senderFrame: { ...window.mainFrame } };
    expect(await record.channels.get('till:status/get')?.(own, {})).toEqual({
      ok: true,
      value: status,
    });
    expect(
      await record.channels.get('till:sale/scan')?.(own, { saleId: 's1', code: '' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('prints the page silently on the configured printer when the window asks, and says how it went', async () => {
    const { record, window } = await openedShell({ printerName: 'EPSON TM-T88VI' });
    const print = record.channels.get(PRINT_CHANNEL);
    const own: IpcInvokeEvent = { senderFrame: { ...window.mainFrame } };
    expect(await print?.(own, undefined)).toEqual({ ok: true });
    expect(window.printed).toEqual([
      { silent: true, deviceName: 'EPSON TM-T88VI', printBackground: true },
    ]);
    window.printFailure = 'Print job canceled';
    expect(await print?.(own, undefined)).toEqual({ ok: false, reason: 'Print job canceled' });
  });

  it('prints on the system’s default printer when none is configured, and never for another frame', async () => {
    const { record, window } = await openedShell();
    const print = record.channels.get(PRINT_CHANNEL);
    await expect(
      print?.({ senderFrame: { ...window.mainFrame, url: 'https://evil.example/' } }, undefined),
    ).rejects.toThrow('till-print refused: its frame is not on http://127.0.0.1:8410');
    expect(window.printed).toEqual([]);
    await print?.({ senderFrame: { ...window.mainFrame } }, undefined);
    expect(window.printed).toEqual([{ silent: true, deviceName: '', printBackground: true }]);
  });

  it('refuses an IPC call from any other frame without running the command', async () => {
    const { record, window, seen } = await openedShell();
    const scan = record.channels.get('till:sale/scan');
    const input = { saleId: 's1', code: '8712345000011' };
    const subframe: ShellFrame = { ...window.mainFrame, routingId: 2 };
    const otherProcess: ShellFrame = { ...window.mainFrame, processId: 8 };
    const foreignPage: ShellFrame = { ...window.mainFrame, url: 'https://evil.example/' };
    await expect(scan?.({ senderFrame: subframe }, input)).rejects.toThrow(
      'till:sale/scan refused: it does not come from the till window’s main frame',
    );
    await expect(scan?.({ senderFrame: otherProcess }, input)).rejects.toThrow(
      'does not come from the till window’s main frame',
    );
    await expect(scan?.({ senderFrame: foreignPage }, input)).rejects.toThrow(
      'till:sale/scan refused: its frame is not on http://127.0.0.1:8410',
    );
    await expect(scan?.({ senderFrame: null }, input)).rejects.toThrow(
      'till:sale/scan refused: its frame is gone',
    );
    expect(seen).toEqual([]);
    // the same call from the till's own frame runs (the stand-in core records it)
    await scan?.({ senderFrame: { ...window.mainFrame } }, input);
    expect(seen).toEqual([input]);
  });

  it('keeps the window and its frames on the till’s origin, redirects included, with a content security policy', async () => {
    const { record, window } = await openedShell();
    const urls = [
      'http://127.0.0.1:8410/manager',
      'https://evil.example/',
      'http://127.0.0.1:8411/',
      'http://localhost:8410/',
      'not a url',
    ];
    const foreign = urls.slice(1);
    expect(preventedOf(window, 'will-navigate', urls)).toEqual(foreign);
    expect(preventedOf(window, 'will-redirect', urls)).toEqual(foreign);
    expect(preventedOf(window, 'will-frame-navigate', urls)).toEqual(foreign);
    expect(window.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(record.headers[0]?.['Content-Security-Policy']?.[0]).toMatch(
      /^default-src 'self'.*object-src 'none'/,
    );
    expect(record.headers[0]?.['X-Test']).toEqual(['1']);
  });

  it('pushes the core’s announcements to the window’s main frame while it is on the till’s origin', async () => {
    const events = createTillEvents(() => undefined);
    const { window } = await openedShell({ events });
    events.emit({ kind: 'sync-changed' });
    expect(window.sent).toEqual([{ channel: 'till-event', args: [{ kind: 'sync-changed' }] }]);
    // a page the window was led to hears nothing
    window.mainFrame.url = 'https://evil.example/';
    events.emit({ kind: 'locks-changed' });
    expect(window.sent).toHaveLength(1);
  });
});
