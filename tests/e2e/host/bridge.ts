import type { EventName } from '../../../preload/contract/api';
import { buildApi } from '../../../preload/contract/bridge';
import type { Result } from '../../../preload/contract/types';
import { fromWire, toWire } from './wire';

/**
 * The browser-test stand-in for the preload: `window.duizhao` built from the same contract by
 * the same `buildApi`, over HTTP to the loopback test host instead of Electron IPC.
 */
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const events = new EventSource('/__duizhao/events');
events.onmessage = (message: MessageEvent<string>) => {
  const { event, payload } = fromWire(message.data) as { event: EventName; payload: unknown };
  listeners.get(event)?.forEach((listener) => listener(payload));
};

const api = buildApi({
  async invoke(name, args) {
    const response = await fetch(`/__duizhao/call/${name}`, { method: 'POST', body: toWire(args) });
    return fromWire(await response.text()) as Result<unknown>;
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(window, 'duizhao', { value: api, enumerable: true });
