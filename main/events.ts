import type { EventName, EventPayloads } from '../preload/contract/api';

/** Sends an event to whoever shows the UI (the window in Electron, the test host's stream in tests). */
export type Emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export const noEmit: Emit = () => {};
