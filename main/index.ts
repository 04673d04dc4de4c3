import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { DatabaseTooNewError } from './db/migrate';
import { createHandlers } from './handlers';
import { emitToWindows, pickImportPaths, pickSavePath, registerIpc } from './ipc';
import { openServices, type Services } from './services';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * App lifecycle and windows only. Everything the app does lives in plain services (services.ts);
 * this file wires them to Electron.
 */

// Tests and power users can point the library elsewhere.
const dataDir = process.env.DUIZHAO_DATA_DIR || app.getPath('userData');
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');

let services: Services | undefined;
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 860,
    minWidth: 560,
    minHeight: 420,
    show: false,
    title: 'Duizhao 对照',
    backgroundColor: '#fbfaf7',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // In development electron-vite serves the renderer; otherwise it is loaded from files, never a remote URL.
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}

const isOwnWindow = (contents: WebContents): boolean =>
  mainWindow !== null && !mainWindow.isDestroyed() && contents.id === mainWindow.webContents.id;

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    // No navigation away from the app, no new windows; http(s) links open in the system browser.
    contents.on('will-navigate', (event, url) => {
      if (url !== contents.getURL()) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenContents();
  try {
    services = openServices({
      dataDir,
      samplesDir: join(resourcesDir, 'samples'),
      conversionWorker: join(__dirname, 'convert-worker.js'),
      emit: emitToWindows,
    });
  } catch (error) {
    const message =
      error instanceof DatabaseTooNewError
        ? error.message
        : `Duizhao could not open its library in ${dataDir}.\n\n${error instanceof Error ? error.message : String(error)}`;
    dialog.showErrorBox('Duizhao', message);
    app.exit(1);
    return;
  }
  const handlers = createHandlers(services, {
    appInfo: () => ({ version: app.getVersion(), systemLocale: app.getLocale(), nativeDialogs: true }),
    pickImportPaths: () => pickImportPaths(mainWindow),
    pickSavePath: (name) => pickSavePath(mainWindow, name),
  });
  registerIpc(handlers, isOwnWindow);
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => services?.close());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  void start();
}
