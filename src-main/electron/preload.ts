/**
 * The preload (sandboxed, isolated): exposes `window.till` with exactly one function per till
 * command, each an `ipcRenderer.invoke` on that command's channel, `window.tillEvents`,
 * which hands the page each announcement main sends on the event channel (the value only, never
 * Electron's event object or `ipcRenderer`), and `window.tillPrinter`, whose `print()` asks main
 * to print the page on the configured printer. Nothing else crosses.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { TillClient, TillEventSubscribe } from '../../src-shared/till';
import { TILL_COMMAND_NAMES } from '../../src-shared/till/command-names';
import { EVENT_CHANNEL, IPC_PREFIX, PRINT_CHANNEL } from './channels';

function client(): TillClient {
  const entries = TILL_COMMAND_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${name}`, input),
  ]);
  // one invoke per listed name: the shape of TillClient, checked at the other end by each command's schema
  return Object.freeze(Object.fromEntries(entries)) as TillClient;
}

const subscribe: TillEventSubscribe = (listener) => {
  // the page checks each announcement against the event schema: only its value is handed over
  const onEvent = (_event: unknown, announced: Parameters<typeof listener>[0]) => {
    listener(announced);
  };
  ipcRenderer.on(EVENT_CHANNEL, onEvent);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
  };
};

contextBridge.exposeInMainWorld('till', client());
contextBridge.exposeInMainWorld('tillEvents', Object.freeze({ subscribe }));
contextBridge.exposeInMainWorld(
  'tillPrinter',
  Object.freeze({ print: () => ipcRenderer.invoke(PRINT_CHANNEL) }),
);
