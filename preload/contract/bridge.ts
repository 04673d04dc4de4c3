import { CALL_NAMES, EVENT_NAMES, type CallName, type DuizhaoApi, type EventName } from './api';
import type { Result } from './types';

/** How a bridge reaches main: Electron IPC in the app, HTTP to the loopback host in browser tests. */
export interface Transport {
  invoke(name: CallName, args: unknown[]): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.duizhao` from the contract's call and event lists over a transport. Both the
 * preload and the e2e test bridge use this, so the renderer sees the same API in both.
 */
export function buildApi(transport: Transport): DuizhaoApi {
  const calls = Object.fromEntries(
    CALL_NAMES.map((name) => [name, (...args: unknown[]) => transport.invoke(name, args)]),
  );
  const on = (event: EventName, listener: (payload: never) => void): (() => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event "${event}"`);
    return transport.subscribe(event, listener as (payload: unknown) => void);
  };
  // The one cast of the bridge: each generated method forwards its arguments to the call of the same
  // name, and main checks every argument and returns the result the contract declares for that call.
  return { ...calls, on } as unknown as DuizhaoApi;
}
