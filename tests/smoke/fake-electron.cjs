'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: main's bundle require()s electron */
// A stand-in for the `electron` module, just enough to run the built main process (out/main/index.js)
// and the built preload under Node. It records what the app asks of Electron so the smoke tests can
// check it, and lets them play the parts Chromium would (events, IPC, permission requests).
const { EventEmitter } = require('node:events');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const record = {
  privilegedSchemes: [],
  privilegedBeforeReady: null,
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  menus: [],
  openedExternally: [],
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  headerListeners: [],
  singleInstanceLockUserData: null,
  paths: new Map(),
  quitCalls: 0,
  errorBoxes: [],
  exposed: new Map(),
};

let ready = false;
let nextContentsId = 1;
const windowWaiters = [];

class FakeWebContents extends EventEmitter {
  constructor(url = '') {
    super();
    this.id = nextContentsId++;
    this.url = url;
    this.sent = [];
    this.windowOpenHandler = null;
    this.mainFrame = { url, routingId: 1 };
  }
  getURL() {
    return this.url;
  }
  send(channel, payload) {
    this.sent.push([channel, structuredClone(payload)]);
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return false;
  }
}

const app = new (class FakeApp extends EventEmitter {
  get isPackaged() {
    return process.env.SMOKE_PACKAGED === '1';
  }
  getAppPath() {
    return ROOT;
  }
  getPath(name) {
    if (!record.paths.has(name)) record.paths.set(name, mkdtempSync(join(tmpdir(), `duizhao-smoke-${name}-`)));
    return record.paths.get(name);
  }
  setPath(name, value) {
    record.paths.set(name, value);
  }
  getVersion() {
    return '0.0.0-smoke';
  }
  getLocale() {
    return 'zh-CN';
  }
  isReady() {
    return ready;
  }
  whenReady() {
    return new Promise((resolve) =>
      setImmediate(() => {
        ready = true;
        this.emit('ready');
        resolve();
      }),
    );
  }
  requestSingleInstanceLock() {
    record.singleInstanceLockUserData = this.getPath('userData');
    return true;
  }
  quit() {
    record.quitCalls += 1;
  }
  exit(code) {
    record.exitCode = code;
  }
})();

class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return record.windows.filter((w) => !w.destroyed);
  }
  constructor(options) {
    super();
    this.options = options;
    this.destroyed = false;
    this.minimized = false;
    this.focused = 0;
    this.loaded = [];
    this.webContents = new FakeWebContents();
    record.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
    for (const resolve of windowWaiters.splice(0)) resolve(this);
  }
  loadURL(url) {
    this.loaded.push(url);
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  loadFile(file) {
    return this.loadURL(`file://${file}`);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  focus() {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    this.focused += 1;
  }
  show() {}
  /** What Chromium does when the user closes the window. */
  close() {
    this.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

const ipcMain = {
  handle(channel, handler) {
    if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    record.ipcHandlers.set(channel, handler);
  },
  on() {},
  removeHandler(channel) {
    record.ipcHandlers.delete(channel);
  },
};

/** Calls a main handler as Electron would: arguments structured-cloned, from a given sender and frame. */
async function invokeMain(channel, args, sender, frameUrl) {
  const handler = record.ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  const event = { sender, senderFrame: frameUrl === null ? null : { url: frameUrl ?? sender.getURL() } };
  return structuredClone(await handler(event, ...structuredClone(args)));
}

const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.privilegedBeforeReady = !ready;
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    if (!ready) throw new Error('protocol.handle before ready');
    record.protocolHandlers.set(scheme, handler);
  },
};

const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(...args) {
        record.headerListeners.push(args);
      },
    },
    setPermissionRequestHandler(handler) {
      record.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      record.permissionCheckHandler = handler;
    },
  },
};

const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record.menus.push(menu);
  },
};

const dialog = {
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true }),
  showErrorBox(title, message) {
    record.errorBoxes.push([title, message]);
  },
};

const shell = {
  openExternal(url) {
    record.openedExternally.push(url);
    return Promise.resolve();
  },
};

const webContents = {
  getAllWebContents: () => record.windows.map((w) => w.webContents),
  fromId: (id) => record.windows.map((w) => w.webContents).find((c) => c.id === id),
};

// The renderer side, for the built preload.
const contextBridge = {
  exposeInMainWorld(name, value) {
    record.exposed.set(name, value);
  },
};
const rendererListeners = new Map();
const ipcRenderer = {
  invoke(channel, ...args) {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return Promise.reject(new Error('no window'));
    return invokeMain(channel, args, win.webContents);
  },
  on(channel, listener) {
    if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
    rendererListeners.get(channel).add(listener);
  },
  removeListener(channel, listener) {
    rendererListeners.get(channel)?.delete(listener);
  },
};

module.exports = {
  app,
  BrowserWindow,
  ipcMain,
  dialog,
  protocol,
  session,
  Menu,
  shell,
  webContents,
  contextBridge,
  ipcRenderer,
  // For the tests, not part of Electron.
  __smoke: {
    record,
    FakeWebContents,
    invokeMain,
    rendererListeners,
    nextWindow: () =>
      new Promise((resolve) => {
        windowWaiters.push(resolve);
      }),
  },
};
