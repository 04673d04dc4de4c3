import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  protocol,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { join } from 'node:path';
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  IMAGE_BASE,
  serveAppRequest,
} from './app-protocol';
import { DatabaseTooNewError } from './db/migrate';
import { createHandlers } from './handlers';
import { emitToWindows, pickImportPaths, pickSavePath, registerIpc } from './ipc';
import { appMenuTemplate } from './menu';
import { isAppUrl, permissionAllowed } from './security';
import { openServices, type Services } from './services';

/**
 * App lifecycle and windows only. Everything the app does lives in plain services (services.ts);
 * this file wires them to Electron.
 */

// Tests and power users can point the library elsewhere.
const customDataDir = process.env.DUIZHAO_DATA_DIR || undefined;
// Chromium's profile, and with it the single-instance lock, follows the library: two windows on
// one library are refused, while two libraries (parallel e2e runs) each get their own app.
if (customDataDir) app.setPath('userData', join(customDataDir, 'chromium'));
const dataDir = customDataDir ?? app.getPath('userData');
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
const rendererDir = join(__dirname, '../renderer');
// In development electron-vite serves the renderer; a packaged app never loads anything but app://.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined;
const devOrigin = devUrl ? new URL(devUrl).origin : undefined;

// Must happen before `ready`: app:// is a standard, secure origin, so module scripts, fetch and
// relative URLs behave as on https.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

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
  // macOS keeps the app running with no window: forget the closed one so that the next
  // `activate` or `second-instance` makes a new one instead of calling a destroyed window.
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(devUrl ?? APP_START_URL);
  return win;
}

/** Brings our window forward, or makes one when there is none (macOS after closing it). */
function showWindow(): void {
  if (!services) return; // not started yet (or failed); start() opens the first window
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

const isOwnWindow = (contents: WebContents | null): boolean =>
  contents !== null && mainWindow !== null && !mainWindow.isDestroyed() && contents.id === mainWindow.webContents.id;

const isAppPage = (url: string | undefined): boolean => isAppUrl(url, APP_ORIGIN, devOrigin);

/** IPC is served to our window only, and within it only to frames showing our own pages. */
const isTrustedSender = (event: IpcMainInvokeEvent): boolean =>
  isOwnWindow(event.sender) && isAppPage(event.senderFrame?.url);

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
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(permissionAllowed(permission, isOwnWindow(contents), isAppPage(details.requestingUrl)));
  });
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin) =>
    permissionAllowed(permission, isOwnWindow(contents), isAppPage(requestingOrigin)),
  );
}

async function start(): Promise<void> {
  await app.whenReady();
  // The production CSP travels as a header with every page of ours (the dev server's pages carry
  // their own, see electron.config.ts); nothing else in the session gets one forced on it.
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request, (id) => services?.articles.image(id)));
  hardenContents();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, dev: !app.isPackaged })),
  );
  try {
    services = openServices({
      dataDir,
      samplesDir: join(resourcesDir, 'samples'),
      conversionWorker: join(__dirname, 'convert-worker.js'),
      importWorker: join(__dirname, 'import-worker.js'),
      readingWorker: join(__dirname, 'reading-worker.js'),
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
    appInfo: () => ({
      version: app.getVersion(),
      systemLocale: app.getLocale(),
      nativeDialogs: true,
      imageBase: IMAGE_BASE,
    }),
    // Links of articles open outside the app (main checked they are http(s) or mailto).
    openExternal: (url) => shell.openExternal(url),
    pickImportPaths: () => pickImportPaths(mainWindow),
    pickSavePath: (name) => pickSavePath(mainWindow, name),
    // A restored backup is put in place when the library next opens: start again once the reply is out.
    restart: () => {
      setTimeout(() => {
        app.relaunch();
        app.exit(0);
      }, 300);
    },
  });
  registerIpc(handlers, isTrustedSender);
  mainWindow = createWindow();
  app.on('activate', showWindow);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => services?.close());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  void start();
}
