/**
 * The preload (sandboxed, isolated): exposes `window.till` with exactly one function per till
 * command, each an `ipcRenderer.invoke` on that command's channel. Nothing else crosses.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { TillClient } from '../../src-shared/till';
import { TILL_COMMAND_NAMES } from '../../src-shared/till/command-names';
import { IPC_PREFIX } from './channels';

function client(): TillClient {
  const entries = TILL_COMMAND_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${name}`, input),
  ]);
  // one invoke per listed name: the shape of TillClient, checked at the other end by each command's schema
  return Object.freeze(Object.fromEntries(entries)) as TillClient;
}

contextBridge.exposeInMainWorld('till', client());
