import type { EventName } from '../../../preload/contract/api';
import { buildApi } from '../../../preload/contract/bridge';
import type { Result } from '../../../preload/contract/types';
import { fromWire, toWire } from './wire';

/**
 * The browser-test stand-in for the preload: `window.duizhao` built from the same contract by
 * the same `buildApi`, over HTTP to the loopback test host instead of Electron IPC.
 */
// The host answers only requests that carry the token it put in our page.
const token = document.querySelector<HTMLMetaElement>('meta[name="duizhao-host-token"]')?.content ?? '';
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const events = new EventSource(`/__duizhao/events?token=${encodeURIComponent(token)}`);
events.onmessage = (message: MessageEvent<string>) => {
  const { event, payload } = fromWire(message.data) as { event: EventName; payload: unknown };
  listeners.get(event)?.forEach((listener) => listener(payload));
};

const api = buildApi({
  async invoke(name, args) {
    const response = await fetch(`/__duizhao/call/${name}`, {
      method: 'POST',
      headers: { 'x-duizhao-token': token },
      body: toWire(args),
    });
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
