import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callChannel, eventChannel, type DuizhaoApi } from './contract/api';
import { buildApi } from './contract/bridge';
import type { Result } from './contract/types';

/**
 * The only thing the preload does: expose `window.duizhao`, one named method per contract call
 * plus `on` for contract events, on prefixed channels. ipcRenderer itself never reaches the page.
 */
const api = buildApi({
  invoke: (name, args) => ipcRenderer.invoke(callChannel(name), ...args) as Promise<Result<unknown>>,
  subscribe: (event, listener) => {
    const channel = eventChannel(event);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
}) satisfies DuizhaoApi;

contextBridge.exposeInMainWorld('duizhao', api);
