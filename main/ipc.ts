import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, callChannel, eventChannel } from '../preload/contract/api';
import type { Emit } from './events';
import type { createHandlers } from './handlers';
import { dispatch } from './rpc';

type AppHandlers = ReturnType<typeof createHandlers>;

/**
 * Registers one ipcMain handler per contract call. A call is served only when `isTrusted` accepts
 * its event: our own window (webContents) and, within it, a frame showing one of our pages.
 */
export function registerIpc(handlers: AppHandlers, isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event, ...args: unknown[]) => {
      if (!isTrusted(event)) {
        return { ok: false, error: { code: 'unsupported', detail: 'Untrusted sender.' } };
      }
      return dispatch(handlers, name, args);
    });
  }
}

/** Sends contract events to every window. */
export const emitToWindows: Emit = (event, payload) => {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(eventChannel(event), payload);
  }
};

/** The native open dialog for imports: the chosen paths, or null when cancelled. */
export async function pickImportPaths(parent: BrowserWindow | null): Promise<string[] | null> {
  const options: Electron.OpenDialogOptions = {
    properties: ['openFile', 'multiSelections'],
    filters: [
      {
        name: 'Articles',
        extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'shtml', 'mhtml', 'mht', 'epub'],
      },
      { name: '*', extensions: ['*'] },
    ],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

/**
 * Asks where to save an export. The system dialog asks before replacing an existing file (on
 * Linux because of showOverwriteConfirmation; macOS and Windows always do).
 */
export async function pickSavePath(parent: BrowserWindow | null, defaultName: string): Promise<string | null> {
  const extension = defaultName.split('.').pop() ?? '*';
  const options: Electron.SaveDialogOptions = {
    defaultPath: defaultName,
    properties: ['showOverwriteConfirmation', 'createDirectory'],
    filters: [
      { name: extension.toUpperCase(), extensions: [extension] },
      { name: '*', extensions: ['*'] },
    ],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
